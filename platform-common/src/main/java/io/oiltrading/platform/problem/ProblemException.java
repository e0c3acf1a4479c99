package io.oiltrading.platform.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by services for an expected business refusal (not found, illegal transition, conflict); it becomes a
 * problem+json answer with its status, its kind (the last segment of the problem type) and its detail.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final List<Problem.FieldError> fieldErrors;

    public ProblemException(int status, String kind, String detail) {
        this(status, kind, detail, List.of());
    }

    private ProblemException(int status, String kind, String detail, List<Problem.FieldError> fieldErrors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.fieldErrors = fieldErrors;
    }

    /** A request that passed the field constraints but not a rule across fields: 400 naming the fields. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return new ProblemException(400, "validation", "Invalid value for: " + fields, List.copyOf(errors));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException badRequest(String kind, String detail) {
        return new ProblemException(400, kind, detail);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String kind, String detail) {
        return new ProblemException(409, kind, detail);
    }

    public static ProblemException unprocessable(String kind, String detail) {
        return new ProblemException(422, kind, detail);
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public List<Problem.FieldError> fieldErrors() {
        return fieldErrors;
    }
}
