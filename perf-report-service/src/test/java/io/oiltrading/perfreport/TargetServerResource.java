package io.oiltrading.perfreport;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback standing in for trading-service as a benchmark target: {@code /api/products}
 * answers 200 after {@link #DELAY_MS} ms, {@code /api/fail} answers 500. Like the real services it answers 401 to
 * a request without a bearer token, here one naming the role {@code service}. It counts the requests it serves.
 */
public class TargetServerResource implements QuarkusTestResourceLifecycleManager {

    public static final int DELAY_MS = 2;
    public static final AtomicInteger SERVED = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/products", exchange -> {
            SERVED.incrementAndGet();
            if (!carriesServiceToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            try {
                Thread.sleep(DELAY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "[]".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/api/fail", exchange -> {
            SERVED.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        return Map.of("perf-report.services.trading", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Whether the header holds a bearer JWT whose claims give the role {@code service}. */
    static boolean carriesServiceToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        return parts.length == 3
                && new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).contains("\"service\"");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
