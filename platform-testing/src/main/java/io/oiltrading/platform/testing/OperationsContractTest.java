package io.oiltrading.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.oiltrading.platform.security.Roles;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operations contract of DESIGN §3, identical in every service: each service extends this class in a
 * {@code @QuarkusTest} and says which of its endpoints takes a JSON body, so that the same checks run against
 * every service's real HTTP stack and real PostgreSQL.
 */
public abstract class OperationsContractTest {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String DATABASE_CHECK = "Database connections health check";

    /**
     * An endpoint of the service that takes a JSON POST (and, when it stores, lists with GET on the same path).
     *
     * @param path          the collection path, such as {@code /api/products}
     * @param validBody     a body the POST accepts
     * @param enumField     a field holding an enum value, or null when the body has none
     * @param typedField    a numeric or date field, to be sent a string of letters
     * @param requiredField a field that must not be missing
     * @param stores        whether the POST stores something that the GET lists
     */
    public record SampleEndpoint(String path, Map<String, Object> validBody, String enumField, String typedField,
                                    String requiredField, boolean stores) {
    }

    protected abstract SampleEndpoint sampleEndpoint();

    /**
     * A change the service accepts only from some roles (docs/access-control.md).
     *
     * @param method HTTP method
     * @param path   the OpenAPI path template, such as {@code /api/contracts/{id}/confirm}
     * @param roles  the roles allowed; every other role gets 403
     */
    public record Access(String method, String path, String... roles) {
        String operation() {
            return method + " " + path;
        }
    }

    /** Every endpoint of the service that changes something (every non-GET, and GETs that store), with its roles. */
    protected abstract List<Access> changes();

    /** True when the tests run against the packaged application (failsafe sets it), false in {@code @QuarkusTest}. */
    static boolean packaged() {
        return Boolean.getBoolean("oil-trading.packaged");
    }

    /** Business metric names (as exported) that this service must always expose. */
    protected abstract List<String> businessMetricNames();

    /** Every request of these tests carries a token with the role that may write to the sample endpoint. */
    @BeforeEach
    void sendToken() {
        String role = changes().stream().filter(a -> a.method().equals("POST") && a.path().equals(sampleEndpoint().path()))
                .findFirst().orElseThrow(() -> new IllegalStateException("the sample endpoint is missing from changes()"))
                .roles()[0];
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + TestTokens.token("ops-contract-test", role)).build();
    }

    @AfterEach
    void clearToken() {
        RestAssured.requestSpecification = null;
    }

    /** The service's /api operations, as "METHOD /path", from its OpenAPI document. */
    private List<String> apiOperations() {
        return new ArrayList<>(bodyTypes().keySet());
    }

    private Map<String, String> bodyTypes;

    /** The /api operations mapped to the media type of their request body ("" when they take none), read once. */
    private Map<String, String> bodyTypes() {
        if (bodyTypes == null) {
            bodyTypes = readOpenApiOperations();
        }
        return bodyTypes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> readOpenApiOperations() {
        Map<String, Map<String, Map<String, Object>>> paths = RestAssured.given().accept(ContentType.JSON)
                .get("/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, String> operations = new TreeMap<>();
        paths.forEach((path, methods) -> {
            if (path.startsWith("/api/")) {
                methods.forEach((method, operation) -> {
                    Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                    String mediaType = body == null ? "" : ((Map<String, Object>) body.get("content")).keySet().iterator().next();
                    operations.merge(method.toUpperCase() + " " + path, mediaType, (a, b) -> a.isEmpty() ? b : a);
                });
            }
        });
        return operations;
    }

    /**
     * The operation's request, with path parameters that name nothing that exists and, where it takes a body, a
     * malformed one of its media type: access is decided before either is looked at.
     */
    private Response call(RequestSpecification request, String operation) {
        String[] parts = operation.split(" ", 2);
        String path = parts[1].replace("{id}", "999999999").replaceAll("\\{[^}]+}", "NO_SUCH_CODE");
        String mediaType = bodyTypes().getOrDefault(operation, "");
        if (!mediaType.isEmpty()) {
            request = request.contentType(mediaType).body("[");
        }
        return request.request(parts[0], path);
    }

    private static RequestSpecification anonymous() {
        RestAssured.requestSpecification = null;
        return given();
    }

    @Test
    void everyChangeNamesItsRoles() {
        List<String> declared = changes().stream().map(Access::operation).toList();
        List<String> operations = apiOperations();
        assertTrue(operations.containsAll(declared), "changes() names operations the service does not have: " + declared);
        List<String> undeclared = operations.stream().filter(o -> !o.startsWith("GET ") && !declared.contains(o)).toList();
        assertTrue(undeclared.isEmpty(), "changes without declared roles: " + undeclared);
    }

    @Test
    void everyApiEndpointRefusesMissingExpiredForgedAndForeignTokens() {
        Map<String, String> badTokens = Map.of(
                "expired", TestTokens.expiredToken("mallory", Roles.ALL.toArray(String[]::new)),
                "forged", TestTokens.forgedToken("mallory", Roles.ALL.toArray(String[]::new)),
                "foreign issuer", TestTokens.foreignIssuerToken("mallory", Roles.ALL.toArray(String[]::new)),
                "not a token", "not.a.token");
        for (String operation : apiOperations()) {
            Response response = call(anonymous(), operation);
            assertEquals(401, response.statusCode(), operation + " without a token");
            assertEquals("Bearer", response.header("WWW-Authenticate"), operation + " names the scheme");
            problem(response, 401);
            badTokens.forEach((what, token) -> {
                Response refused = call(anonymous().auth().oauth2(token), operation);
                assertEquals(401, refused.statusCode(), operation + " with a " + what + " token");
                refused.then().body("detail", not(containsString("xpired"))).body("detail", not(containsString("signature")));
            });
        }
    }

    @Test
    void everyChangeRefusesTheRolesNotAllowed() {
        for (Access change : changes()) {
            for (String role : Roles.ALL) {
                if (!List.of(change.roles()).contains(role)) {
                    Response response = call(anonymous().auth().oauth2(TestTokens.token("eve", role)), change.operation());
                    assertEquals(403, response.statusCode(), change.operation() + " as " + role);
                    problem(response, 403);
                }
            }
        }
    }

    @Test
    void allowedRolesPassTheAccessCheck() {
        // A change is probed only where it fails after the check (a path naming nothing, a malformed body), so that
        // the probe changes nothing; the others are exercised by each service's own tests with their roles.
        for (Access change : changes()) {
            if (!change.path().contains("{") && bodyTypes().getOrDefault(change.operation(), "").isEmpty()) {
                continue;
            }
            for (String role : change.roles()) {
                Response response = call(anonymous().auth().oauth2(TestTokens.token("probe", role)), change.operation());
                assertFalse(List.of(401, 403).contains(response.statusCode()),
                        change.operation() + " as " + role + " answered " + response.statusCode());
            }
        }
        for (String operation : apiOperations()) {
            if (operation.startsWith("GET ") && changes().stream().noneMatch(c -> c.operation().equals(operation))) {
                Response response = call(anonymous().auth().oauth2(TestTokens.token("reader", "service")), operation);
                assertFalse(List.of(401, 403).contains(response.statusCode()),
                        operation + " read with any valid token answered " + response.statusCode());
            }
        }
    }

    @Test
    void livenessIsUp() {
        given().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void startedAfterMigrations() {
        given().get("/health/started").then().statusCode(200)
                .body("checks.name", hasItem("Schema migrations"))
                .body("checks.find { it.name == 'Schema migrations' }.data.pending", equalTo(0));
    }

    @Test
    void readinessNamesTheDatabaseCheck() {
        given().get("/health/ready").then().statusCode(200).body("checks.name", hasItem(DATABASE_CHECK));
        given().get("/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessFollowsTheDatabaseWhileLivenessStaysUp() {
        given().get("/health/ready").then().statusCode(200);
        EmbeddedPostgresResource.stopDatabase();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> given().get("/health/ready").statusCode() == 503);
            given().get("/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("DOWN"));
            given().get("/health/live").then().statusCode(200);
            given().get("/health/detailed").then().statusCode(503).body("status", equalTo("DOWN"));
            // A request that needs the database says it is unavailable and when to retry, not that the service broke.
            Response refused = given().get(sampleEndpoint().path());
            problem(refused, 503);
            assertEquals("5", refused.header("Retry-After"));
        } finally {
            EmbeddedPostgresResource.startDatabase();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/health/ready").statusCode() == 200);
    }

    @Test
    void detailedHealthShowsBuildUptimeAndTimedChecks() {
        given().get("/health/detailed").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("service", notNullValue())
                .body("version", notNullValue())
                .body("commit", notNullValue())
                .body("uptimeSeconds", greaterThanOrEqualTo(0))
                .body("checks.kind", hasItems("liveness", "readiness", "startup"))
                .body("checks.name", hasItem(DATABASE_CHECK))
                .body("checks.durationMs", everyItem(greaterThanOrEqualTo(0f)));
    }

    @Test
    void metricsExposeLatencyHistogramJvmPoolAndBusinessNames() {
        // Any routed request is timed, a 404 included (its uri label is NOT_FOUND, so unknown paths add no series).
        given().get("/api/no-such-thing").then().statusCode(404);
        String metrics = given().get("/metrics").then().statusCode(200)
                .contentType(containsString("text")).extract().asString();
        assertTrue(Pattern.compile("http_server_requests_seconds_bucket\\{[^}]*le=\"2\\.0\"").matcher(metrics).find(),
                "HTTP latency must be exported as histogram buckets with a 2 s bound");
        assertTrue(Pattern.compile("oil_trading_database_query_seconds_bucket\\{[^}]*le=\"1\\.0\"").matcher(metrics).find(),
                "database statement timings must be exported as histogram buckets with a 1 s bound");
        for (String name : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage",
                "process_uptime_seconds", "agroal_active_count", "agroal_max_used_count", "disk_free_bytes",
                "disk_total_bytes", "oil_trading_database_up", "oil_trading_database_connection_failures_total")) {
            assertTrue(metrics.contains(name + "{") || metrics.contains(name + " "), "missing metric " + name);
        }
        for (String name : businessMetricNames()) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(metrics).find(),
                    "missing business metric " + name);
        }
    }

    @Test
    void databaseStatementsAreTimed() {
        SampleEndpoint sample = sampleEndpoint();
        assumeTrue(sample.stores(), "this endpoint lists nothing");
        double before = statementsTimed();
        listSize(sample);
        assertTrue(statementsTimed() > before, "a list read runs a statement, which oil_trading_database_query_seconds counts");
    }

    private static double statementsTimed() {
        Matcher count = Pattern.compile("(?m)^oil_trading_database_query_seconds_count(?:\\{[^}]*})? (\\S+)$")
                .matcher(given().get("/metrics").then().statusCode(200).extract().asString());
        assertTrue(count.find(), "missing oil_trading_database_query_seconds_count");
        return Double.parseDouble(count.group(1));
    }

    @Test
    void openApiAndSwaggerAreServed() {
        given().accept(ContentType.JSON).get("/openapi?format=json").then().statusCode(200)
                .body("paths", notNullValue())
                .body("paths.keySet()", hasItem(sampleEndpoint().path()));
        given().get("/swagger").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void unknownPathIsProblemJson() {
        problem(given().get("/no/such/path"), 404);
        problem(given().contentType(ContentType.JSON).body("{}").post("/api/no-such-thing"), 404);
    }

    @Test
    void malformedJsonIsProblemJson() {
        problem(given().contentType(ContentType.JSON).body("{\"broken\": ").post(sampleEndpoint().path()), 400);
        problem(given().contentType(ContentType.JSON).body("[1, 2").post(sampleEndpoint().path()), 400);
    }

    @Test
    void wrongMediaTypeIsProblemJson() {
        problem(given().contentType(ContentType.TEXT).body("hello").post(sampleEndpoint().path()), 415);
    }

    @Test
    void oversizedBodyIsProblemJson() {
        Map<String, Object> body = new HashMap<>(sampleEndpoint().validBody());
        body.put("padding", "x".repeat(2 * 1024 * 1024));
        problem(given().contentType(ContentType.JSON).body(body).post(sampleEndpoint().path()), 413);
    }

    @Test
    void unknownEnumValueNamesTheField() {
        SampleEndpoint sample = sampleEndpoint();
        assumeTrue(sample.enumField() != null, "this endpoint has no enum field");
        fieldProblem(with(sample, sample.enumField(), "NO_SUCH_VALUE"), sample.enumField());
    }

    @Test
    void wrongTypeNamesTheField() {
        SampleEndpoint sample = sampleEndpoint();
        fieldProblem(with(sample, sample.typedField(), "not-a-number-or-date"), sample.typedField());
    }

    @Test
    void missingRequiredFieldNamesTheField() {
        SampleEndpoint sample = sampleEndpoint();
        Map<String, Object> body = new HashMap<>(sample.validBody());
        body.remove(sample.requiredField());
        fieldProblem(body, sample.requiredField());
    }

    @Test
    void rejectedRequestsStoreNothing() {
        SampleEndpoint sample = sampleEndpoint();
        assumeTrue(sample.stores(), "this endpoint stores nothing");
        int before = listSize(sample);
        given().contentType(ContentType.JSON).body(with(sample, sample.typedField(), "bad")).post(sample.path());
        given().contentType(ContentType.JSON).body("{\"broken\": ").post(sample.path());
        if (sample.enumField() != null) {
            given().contentType(ContentType.JSON).body(with(sample, sample.enumField(), "BAD")).post(sample.path());
        }
        assertEquals(before, listSize(sample), "a rejected request must not store anything");
    }

    /** Issue 9's bar for bad input: at least a thousand malformed requests per service, none answered 5xx. */
    static final int MALFORMED_REQUESTS = 1000;

    @Test
    void aThousandMalformedRequestsGetProblemAnswersAndStoreNothing() {
        // About 80 s a service on 2 cores: once per service is enough, the packaged run has the same HTTP stack.
        assumeFalse(packaged(), "run once, in the @QuarkusTest");
        SampleEndpoint sample = sampleEndpoint();
        MalformedBodies bodies = new MalformedBodies(sample.validBody(), 20261125L);
        int before = sample.stores() ? listSize(sample) : 0;
        int accepted = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < MALFORMED_REQUESTS; i++) {
            String body = bodies.next();
            Response r = given().contentType(ContentType.JSON).body(body).post(sample.path());
            statuses.merge(r.statusCode(), 1, Integer::sum);
            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            assertTrue(r.statusCode() < 500, "variant " + i + " answered " + r.statusCode() + ": " + shown);
            if (r.statusCode() >= 400) {
                assertTrue(String.valueOf(r.contentType()).contains(PROBLEM_JSON), "variant " + i + " answered " + r.contentType());
            } else {
                accepted++;
            }
        }
        if (sample.stores()) {
            assertEquals(before + accepted, listSize(sample), "only accepted variants may be stored " + statuses);
        }
        assertTrue(statuses.keySet().stream().anyMatch(s -> s >= 400), "the variants were refused " + statuses);
    }

    @Test
    void packagedApplicationLogsJsonLinesWithServiceAndTraceIds() throws IOException {
        assumeTrue(packaged(), "the prod profile's JSON logs are checked against the packaged application");
        given().contentType(ContentType.JSON).body(sampleEndpoint().validBody()).post(sampleEndpoint().path());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target/quarkus.log"))) {
            if (line.startsWith("{")) {
                lines.add(json.readTree(line));
            } else if (!line.isBlank()) {
                fail("a log line that is not JSON: " + line);
            }
        }
        assertFalse(lines.isEmpty(), "no JSON log lines");
        assertTrue(lines.stream().allMatch(l -> l.hasNonNull("service") && l.hasNonNull("level")
                && l.hasNonNull("loggerName")), "every line names its service, level and logger");
        assertTrue(lines.stream().anyMatch(l -> l.path("mdc").hasNonNull("traceId") && l.path("mdc").hasNonNull("spanId")),
                "lines written while serving a request carry traceId and spanId");
        assertTrue(lines.stream().noneMatch(l -> l.path("loggerName").asText().contains("opentelemetry")
                        && List.of("WARN", "ERROR").contains(l.path("level").asText())),
                "no trace exporter warnings or errors when no OTLP endpoint is configured");
    }

    @Test
    void kubernetesManifestHasTimedProbesResourcesAndNoInitJob() throws IOException {
        assumeTrue(packaged(), "the manifest is generated when the application is packaged");
        List<JsonNode> objects = new YAMLMapper().readValues(new YAMLFactory().createParser(
                Path.of("target/kubernetes/kubernetes.yml").toFile()), JsonNode.class).readAll();
        assertTrue(objects.stream().noneMatch(o -> o.path("kind").asText().equals("Job")), "no Flyway init Job");
        JsonNode deployment = objects.stream().filter(o -> o.path("kind").asText().equals("Deployment"))
                .findFirst().orElseThrow();
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        Map<String, String> probePaths = Map.of("startupProbe", "/health/started", "livenessProbe", "/health/live",
                "readinessProbe", "/health/ready");
        probePaths.forEach((probe, path) -> {
            JsonNode p = container.path(probe);
            assertEquals(path, p.at("/httpGet/path").asText(), probe + " path");
            for (String timing : List.of("periodSeconds", "timeoutSeconds", "failureThreshold")) {
                assertTrue(p.path(timing).asInt() > 0, probe + " needs an explicit " + timing);
            }
        });
        for (String resource : List.of("/resources/requests/cpu", "/resources/requests/memory",
                "/resources/limits/cpu", "/resources/limits/memory")) {
            assertFalse(container.at(resource).asText().isEmpty(), "missing " + resource);
        }
    }

    private static int listSize(SampleEndpoint sample) {
        Response list = given().get(sample.path() + "?size=1000");
        list.then().statusCode(200);
        Object body = list.jsonPath().get("$");
        if (body instanceof List<?> items) {
            return items.size();
        }
        return list.jsonPath().getList("items").size();
    }

    private static Map<String, Object> with(SampleEndpoint sample, String field, Object value) {
        Map<String, Object> body = new HashMap<>(sample.validBody());
        body.put(field, value);
        return body;
    }

    private void fieldProblem(Map<String, Object> body, String field) {
        Response response = given().contentType(ContentType.JSON).body(body).post(sampleEndpoint().path());
        problem(response, 400);
        response.then().body("errors.field", hasItem(field));
    }

    private static void problem(Response response, int status) {
        response.then().statusCode(status)
                .contentType(containsString(PROBLEM_JSON))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("type", containsString("/problems/"))
                .body("detail", notNullValue())
                .body("detail", not(containsString("Exception")))
                .body("instance", notNullValue());
    }
}
