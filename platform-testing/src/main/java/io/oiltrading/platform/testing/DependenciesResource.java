package io.oiltrading.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real trading-service and pricefeed-service, started from their packaged applications (built earlier in
 * the same reactor) on their own embedded PostgreSQL, so the consuming service's tests call their real APIs.
 */
public class DependenciesResource implements QuarkusTestResourceLifecycleManager {

    /** Config key of pricefeed-service's process id, for tests that stop it. */
    public static final String PRICEFEED_PID = "test.pricefeed.pid";
    private final List<Process> processes = new ArrayList<>();
    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database trading");
                s.execute("create database pricefeed");
            }
            String tradingUrl = launch("trading-service", "trading");
            String pricefeedUrl = launch("pricefeed-service", "pricefeed");
            awaitReady(tradingUrl + "/health/ready");
            awaitReady(pricefeedUrl + "/health/ready");
            return Map.of("quarkus.rest-client.trading.url", tradingUrl, "quarkus.rest-client.pricefeed.url", pricefeedUrl,
                    PRICEFEED_PID, Long.toString(processes.get(1).pid()));
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the dependencies did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        processes.forEach(Process::destroy);
        processes.clear();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String launch(String module, String database) throws IOException {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build " + module + " first (./mvnw package -pl " + module + ")");
        }
        int port = freePort();
        File log = Path.of("target", module + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.http.port=" + port, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log);
        builder.environment().put("DB_URL", postgres.getJdbcUrl("postgres", database));
        builder.environment().put("DB_USER", "postgres");
        builder.environment().put("DB_PASSWORD", "postgres");
        builder.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.config().get("mp.jwt.verify.publickey.location"));
        processes.add(builder.start());
        return "http://localhost:" + port;
    }

    /** A port nobody listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the URL answers 200 (a health or readiness endpoint), or fails after 90 s. */
    public static void awaitReady(String url) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(url + " was not ready within 90 s");
    }
}
