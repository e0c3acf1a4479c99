package io.oiltrading.platform.problem;

/**
 * Thrown by services for an expected business refusal (not found, illegal transition, conflict); it becomes a
 * problem+json answer with its status, its kind (the last segment of the problem type) and its detail.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;

    public ProblemException(int status, String kind, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
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
}
