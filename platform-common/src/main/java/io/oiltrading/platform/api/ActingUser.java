package io.oiltrading.platform.api;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who is acting in this request: the user named by its verified bearer token, as written in audit rows. */
@RequestScoped
public class ActingUser {

    @Inject
    SecurityIdentity identity;

    /** The acting user's name (the token's {@code upn}, else its subject). */
    public String name() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return identity.getPrincipal().getName();
    }
}
