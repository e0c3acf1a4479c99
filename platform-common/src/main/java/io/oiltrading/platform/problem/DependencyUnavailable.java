package io.oiltrading.platform.problem;

/**
 * Another platform service did not answer (timeout, refused connection, open circuit, 5xx). Maps to 503 naming the
 * service and what could not be done without it; never turned into an empty or zero result.
 */
public class DependencyUnavailable extends ProblemException {

    private final String service;

    public DependencyUnavailable(String service, Throwable cause, String consequence) {
        super(503, "dependency-unavailable", service + " did not answer (" + cause.getClass().getSimpleName() + "); "
                + consequence);
        initCause(cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
