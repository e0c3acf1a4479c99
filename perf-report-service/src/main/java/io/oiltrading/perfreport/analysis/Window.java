package io.oiltrading.perfreport.analysis;

import io.oiltrading.platform.problem.ProblemException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A look-back window written the Prometheus way (30s, 5m, 1h, 7d), bounded so that no query runs away. */
public record Window(String text, Duration duration) {

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,4})([smhd])");
    static final Duration MAX = Duration.ofDays(31);
    static final Duration MIN = Duration.ofSeconds(30);

    public static Window parse(String text, String parameter) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw ProblemException.invalid(parameter, "a duration such as 30s, 5m, 1h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            throw ProblemException.invalid(parameter, "between 30s and 31d");
        }
        return new Window(text, d);
    }

    /** Whole seconds, for a window computed from two instants. */
    public static Window of(Duration d) {
        return new Window(Math.max(1, d.toSeconds()) + "s", d);
    }
}
