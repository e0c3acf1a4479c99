package io.oiltrading.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that leaves a REST resource into a problem+json answer. Priorities sit above the
 * framework's own mappers so that no HTML or plain-text error page and no stack trace ever reaches a caller.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    private static final int PRIORITY = Priorities.USER - 100;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response business(ProblemException e, UriInfo uri) {
        return Problem.of(e.status(), e.kind(), e.getMessage(), path(uri)).withErrors(e.fieldErrors()).toResponse();
    }

    /** Two writers changed the same row: the later one lost and may retry with the current version. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response staleVersion(OptimisticLockException e, UriInfo uri) {
        return Problem.of(409, "stale-version", "The resource was changed by someone else; read it again and retry",
                path(uri)).toResponse();
    }

    /** No token, or one that is expired, forged or of another issuer: the detail never says which. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        LOG.debugf("Authentication failed: %s", e);
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unauthenticated(AuthenticationCompletionException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(403, "forbidden", "The token's roles do not allow this request (docs/access-control.md)",
                path(uri)).toResponse();
    }

    private static Response unauthenticated(UriInfo uri) {
        Response problem = Problem.of(401, "unauthorized", "A valid bearer token is required", path(uri)).toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return Problem.of(400, "validation", "Invalid value for: " + fields, path(uri)).withErrors(errors).toResponse();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.of(400, "malformed-json", "The request body is not well-formed JSON" + where, path(uri)).toResponse();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        return fieldProblem(e, describeExpected(e.getTargetType()), uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        return fieldProblem(e, describeExpected(e.getTargetType()), uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response refusedValue(ValueInstantiationException e, UriInfo uri) {
        return fieldProblem(e, "a valid value", uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unreadable(JsonMappingException e, UriInfo uri) {
        return fieldProblem(e, "a valid value", uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return Problem.of(400, "malformed-json", "The request body could not be read as JSON", path(uri)).toResponse();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String detail = switch (status) {
            case 404 -> "No resource at " + path(uri);
            case 405 -> "The method is not allowed on " + path(uri);
            case 406 -> "None of the accepted media types can be produced; ask for application/json";
            case 413 -> "The request body is larger than this service accepts";
            case 415 -> "The request content type is not supported; send application/json";
            default -> Problem.title(status);
        };
        return Problem.of(status, kind(status), detail, path(uri)).toResponse();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (sqlStateOf(e, "22")) {
            // The database refused a value the request carried (a NUL character, a number beyond its column):
            // the client's fault, and the transaction was rolled back, so nothing of it is stored.
            LOG.debugf("A value of the request was refused by the database: %s", e);
            return Problem.of(400, "validation", "A value of the request cannot be stored (characters or a size the"
                    + " database does not accept)", path(uri)).toResponse();
        }
        if (sqlStateOf(e, "08") || sqlStateOf(e, "57P")) {
            // The database cannot be reached (08: connection failures) or is shutting down or starting (57P01-57P03):
            // nothing was stored, and the same request may succeed once it is back.
            LOG.warnf("The database is unreachable: %s", e.getMessage());
            Response problem = Problem.of(503, "database-unavailable", "The service's database is unreachable; retry"
                    + " later", path(uri)).toResponse();
            return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        LOG.error("Unexpected failure", e);
        return Problem.of(500, "internal", "The service failed to handle the request; the failure is logged",
                path(uri)).toResponse();
    }

    /** Whether an SQL error whose SQLSTATE starts with the prefix (a class: its first two characters) is a cause. */
    static boolean sqlStateOf(Throwable e, String sqlStateClass) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(sqlStateClass)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (sqlStateOf(suppressed, sqlStateClass)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String kind(int status) {
        return Problem.title(status).toLowerCase().replace(' ', '-');
    }

    private static Response fieldProblem(JsonMappingException e, String expected, UriInfo uri) {
        String field = jsonPath(e);
        String message = "expected " + expected;
        return Problem.of(400, "validation", "Invalid value for: " + field, path(uri))
                .withErrors(List.of(new Problem.FieldError(field, message))).toResponse();
    }

    private static String describeExpected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a value of type " + type.getSimpleName();
    }

    /** The JSON path of the offending value, such as {@code legs[2].price}; {@code body} for the whole document. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The property path below the method parameter: {@code quantity}, not {@code create.request.quantity}. */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                    field.append(field.isEmpty() ? "" : ".").append(node.getName());
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : violation.getPropertyPath().toString();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
