package io.oiltrading.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document, the body of every 4xx and 5xx answer of the platform.
 *
 * @param type     URI naming the kind of problem
 * @param title    short summary of the kind of problem, the same for every occurrence
 * @param status   HTTP status code
 * @param detail   what went wrong in this request, written for the caller; never internals
 * @param instance the request path
 * @param errors   the offending fields of a validation error, empty otherwise
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://oil-trading.io/problems/";

    /** Reason phrases for the statuses Response.Status does not name. */
    private static final Map<Integer, String> EXTRA_TITLES = Map.of(422, "Unprocessable Content", 429, "Too Many Requests");

    /** One invalid field: its path in the request and why it was refused. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String kind, String detail, String instance) {
        return new Problem(TYPE_BASE + kind, title(status), status, detail, instance, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return EXTRA_TITLES.getOrDefault(status, status >= 500 ? "Server Error" : "Client Error");
    }
}
