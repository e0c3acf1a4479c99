package io.oiltrading.platform.api;

import io.oiltrading.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.regex.Pattern;

/**
 * Who is acting in this request. Until authentication exists the name comes from the {@value #HEADER} header,
 * read here and nowhere else, so that a token can replace it in one place.
 */
@RequestScoped
public class ActingUser {

    public static final String HEADER = "X-User";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,60}");

    @Inject
    HttpHeaders headers;

    /** The acting user's name; a change without one is refused. */
    public String name() {
        String name = headers.getHeaderString(HEADER);
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("missing-user", "Changes need the acting user in the " + HEADER + " header");
        }
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.badRequest("invalid-user", "The " + HEADER + " header must be 1 to 60 letters, digits or . _ @ -");
        }
        return name;
    }
}
