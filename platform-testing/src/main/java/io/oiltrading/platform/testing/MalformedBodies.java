package io.oiltrading.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic malformed variants of a valid JSON body: fields with wrong types, huge or negative numbers,
 * impossible dates, unknown enum values, SQL- and script-looking strings, nulls, missing fields, unknown fields,
 * truncated or nested-too-deep documents, wrong root types. Written as text, so that values Jackson would never
 * produce (1e400, a 30th of February) reach the service exactly as an attacker or a broken client sends them.
 */
final class MalformedBodies {

    /** Raw JSON values a field may be given instead of its own. */
    static final List<String> VALUES = List.of("null", "\"\"", "\"x\"", "\"'; DROP TABLE product; --\"",
            "\"1' OR '1'='1\"", "\"<script>alert(1)</script>\"", "1e400", "-1e400", "99999999999999999999999999999999",
            "-99999999999999999999", "-1", "0", "-0.0000001", "1.5", "true", "[]", "{}", "[1, 2, 3]",
            "\"2026-02-30\"", "\"99999-12-31\"", "\"0000-00-00\"", "\"2026-13-01T25:61:00Z\"", "\"NO_SUCH_VALUE\"",
            "\"" + "x".repeat(5000) + "\"", "\"\\u0000\"", "\"\\ud83d\"", "\"🛢️ Brent\"", "{\"$gt\": \"\"}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> valid = new LinkedHashMap<>();
    private final List<String> fields;
    private final String validText;
    private final Random random;

    MalformedBodies(Map<String, Object> validBody, long seed) {
        try {
            for (Map.Entry<String, Object> e : validBody.entrySet()) {
                valid.put(e.getKey(), JSON.writeValueAsString(e.getValue()));
            }
            validText = JSON.writeValueAsString(validBody);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        fields = new ArrayList<>(valid.keySet());
        random = new Random(seed);
    }

    /** The next variant: mostly one to three fields spoiled, otherwise a spoiled document. */
    String next() {
        int kind = random.nextInt(10);
        if (kind < 7) {
            Map<String, String> body = new LinkedHashMap<>(valid);
            int spoiled = 1 + random.nextInt(3);
            for (int i = 0; i < spoiled; i++) {
                String field = fields.get(random.nextInt(fields.size()));
                if (random.nextInt(8) == 0) {
                    body.remove(field);
                } else {
                    body.put(field, pick(VALUES));
                }
            }
            return object(body);
        }
        if (kind == 7) {
            Map<String, String> body = new LinkedHashMap<>(valid);
            body.put("unexpected" + random.nextInt(100), pick(VALUES));
            return object(body);
        }
        return switch (random.nextInt(6)) {
            case 0 -> validText.substring(0, random.nextInt(validText.length()));
            case 1 -> "[" + validText + "]";
            case 2 -> "\"" + validText.replace("\"", "'") + "\"";
            case 3 -> "[".repeat(5000) + "]".repeat(5000);
            case 4 -> "{\"" + fields.get(0) + "\": " + pick(VALUES) + ", " + validText.substring(1);
            default -> "";
        };
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String object(Map<String, String> fields) {
        StringBuilder s = new StringBuilder("{");
        fields.forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return s.append('}').toString();
    }
}
