package io.oiltrading.trading.contract;

import io.oiltrading.platform.problem.ProblemException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a look-ahead such as {@code 24h}, {@code 90m} or {@code 7d} (1 minute to 366 days). */
final class Horizon {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})([mhd])");
    private static final Duration MAX = Duration.ofDays(366);

    private Horizon() {
    }

    static Duration parse(String text, String parameter) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw ProblemException.invalid(parameter, "a duration such as 90m, 24h or 7d");
        }
        long amount = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (d.isZero() || d.compareTo(MAX) > 0) {
            throw ProblemException.invalid(parameter, "between 1m and 366d");
        }
        return d;
    }
}
