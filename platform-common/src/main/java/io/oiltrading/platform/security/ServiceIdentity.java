package io.oiltrading.platform.security;

import static io.oiltrading.platform.security.Roles.SERVICE;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's own identity on calls to other services: a short-lived token with the service's name as
 * subject and the role {@link Roles#SERVICE}, signed with the platform key ({@code smallrye.jwt.sign.key.location},
 * given only to services that call others). Scheduled work has no caller whose token could be passed on, so
 * every outgoing call uses this identity.
 */
// Looked up by the REST clients' header method, which the bean removal of the build does not see
@Unremovable
@ApplicationScoped
public class ServiceIdentity {

    /** A token is renewed this long before it expires, so that no call leaves with one about to lapse. */
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @ConfigProperty(name = "smallrye.jwt.new-token.lifespan", defaultValue = "300")
    long lifespanSeconds;

    private String token;
    private Instant renewAt = Instant.MIN;

    /** The value of the Authorization header of an outgoing call; used by the REST clients' {@code @ClientHeaderParam}. */
    public static String bearer() {
        return "Bearer " + Arc.container().instance(ServiceIdentity.class).get().token();
    }

    synchronized String token() {
        Instant now = Instant.now();
        if (now.isAfter(renewAt)) {
            token = Jwt.subject(serviceName).upn(serviceName).groups(Roles.SERVICE)
                    .issuedAt(now).expiresAt(now.plusSeconds(lifespanSeconds)).sign();
            renewAt = now.plusSeconds(lifespanSeconds).minus(RENEW_BEFORE);
        }
        return token;
    }
}
