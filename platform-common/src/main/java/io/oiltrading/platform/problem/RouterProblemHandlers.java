package io.oiltrading.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problem+json for what never reaches a REST resource: paths that nothing serves, and failures raised by the
 * HTTP layer itself (an oversized body, a broken request). Without these Vert.x would answer in HTML or text.
 */
@ApplicationScoped
public class RouterProblemHandlers {

    private static final Logger LOG = Logger.getLogger(RouterProblemHandlers.class);

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBody).failureHandler(this::failure);
        router.route().last().handler(ctx -> send(ctx, Problem.of(404, "not-found",
                "No resource at " + ctx.normalizedPath(), ctx.normalizedPath())));
    }

    /** A declared body over the limit is refused before it is read, as problem+json rather than an empty 413. */
    private void refuseOversizedBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                && Long.parseLong(length) > maxBodySize.asLongValue()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(ctx, Problem.of(413, "content-too-large",
                    "The request body is larger than the " + maxBodySize.asLongValue() + " bytes this service accepts",
                    ctx.normalizedPath()));
            return;
        }
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.error("Request failed in the HTTP layer", ctx.failure());
        }
        String detail = status == 413 ? "The request body is larger than this service accepts" : Problem.title(status);
        send(ctx, Problem.of(status, ProblemExceptionMappers.kind(status), detail, ctx.normalizedPath()));
    }

    private void send(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (Exception e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
