package io.oiltrading.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.TreeMap;

/** The EIA daily series that pricefeed-service ships, read directly for independent checks. */
public final class EiaHistory {

    private EiaHistory() {
    }

    public static Path file(String benchmark) {
        return Path.of("..", "pricefeed-service", "src", "main", "resources", "eia", benchmark.toLowerCase() + "-daily.csv");
    }

    public static String csv(String benchmark) {
        try {
            return Files.readString(file(benchmark));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TreeMap<LocalDate, Double> series(String benchmark) {
        TreeMap<LocalDate, Double> s = new TreeMap<>();
        for (String line : csv(benchmark).split("\\R")) {
            if (!line.isBlank() && !line.startsWith("Date")) {
                String[] cells = line.split(",");
                s.put(LocalDate.parse(cells[0]), Double.parseDouble(cells[1]));
            }
        }
        return s;
    }
}
