package io.oiltrading.platform.api;

import io.oiltrading.platform.problem.ProblemException;
import java.util.Arrays;

/**
 * Strict parsing of query parameters into typed values, so that a bad value is a 400 naming the parameter
 * (JAX-RS would answer 404 for a query parameter it cannot convert).
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The enum constant named by the parameter, null when it is absent. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String parameter) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(parameter, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
