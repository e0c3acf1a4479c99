package io.oiltrading.platform.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text exposition, for tests that pin metric values. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** The value of one series, written as it is exported: {@code name{label="value",…}}; fails when absent. */
    public static double sample(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertTrue(m.find(), "no series " + series);
        return Double.parseDouble(m.group(1));
    }
}
