package io.oiltrading.perfreport.analysis;

import static io.oiltrading.platform.security.Roles.ADMIN;
import static io.oiltrading.platform.security.Roles.AUDITOR;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import io.oiltrading.perfreport.MonitoringStackResource;
import io.oiltrading.perfreport.cluster.ClusterView;
import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.TestTokens;
import io.oiltrading.platform.testing.TokenIssuerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The performance API against a real Prometheus scraping the real trading-service, pricefeed-service and this
 * service every second. Every figure is checked against PromQL written here and run by the test itself on
 * Prometheus at the evaluation instant the API reports.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TokenIssuerResource.class)
@QuarkusTestResource(value = MonitoringStackResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerformanceApiTest {

    static final int PRODUCT_LISTS = 120;
    static final int MISSING_PRODUCTS = 30;
    private static String prometheus;
    private static String trading;

    @BeforeAll
    static void trafficScrapedByPrometheus() {
        prometheus = ConfigProvider.getConfig().getValue("quarkus.rest-client.prometheus.url", String.class);
        trading = ConfigProvider.getConfig().getValue("quarkus.rest-client.trading.url", String.class);
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() ->
                promql("sum(up)", Instant.now()).getList("data.result").size() == 1
                        && promql("sum(up)", Instant.now()).getDouble("data.result[0].value[1]") == 3);
        for (int i = 0; i < PRODUCT_LISTS; i++) {
            TestTokens.as("auditor", AUDITOR).get(trading + "/api/products").then().statusCode(200);
        }
        for (int i = 0; i < MISSING_PRODUCTS; i++) {
            TestTokens.as("auditor", AUDITOR).get(trading + "/api/products/NOPE" + i).then().statusCode(404);
        }
        // Two scrapes after the last request, so that the counters Prometheus holds include all of it.
        Instant sent = Instant.now();
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> Instant.now().isAfter(sent.plusSeconds(3)));
    }

    static JsonPath promql(String query, Instant at) {
        return given().queryParam("query", query).queryParam("time", at.getEpochSecond()).get(prometheus + "/api/v1/query")
                .then().statusCode(200).extract().jsonPath();
    }

    static double single(String query, Instant at) {
        JsonPath r = promql(query, at);
        assertEquals(1, r.getList("data.result").size(), query);
        return Double.parseDouble(r.getString("data.result[0].value[1]"));
    }

    @Test
    @Order(1)
    void theSummaryMatchesPromqlRunByTheTest() {
        JsonPath s = TestTokens.as("auditor", AUDITOR).get("/api/performance/metrics/summary?window=2m").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        Instant at = Instant.parse(s.getString("evaluatedAt"));
        String job = "services.find { it.service == 'trading-service' }";
        double rate = single("sum(rate(http_server_requests_seconds_count{job=\"trading-service\"}[2m]))", at);
        assertEquals(rate, s.getDouble(job + ".requestsPerSecond"), 1e-9);
        double p95 = single("histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{job=\"trading-service\"}[2m])))", at);
        assertEquals(p95, s.getDouble(job + ".p95Seconds"), 1e-9);
        assertEquals(1.0, s.getDouble(job + ".up"));
        assertEquals(0.0, s.getDouble(job + ".errorRatio"), 1e-12, "404s are client errors, not server errors");
        assertTrue(s.getDouble(job + ".cpuRatio") >= 0);
        assertTrue(s.getDouble(job + ".heapUsedBytes") > 0);
        // The counter behind the rate holds exactly the requests sent (Prometheus extrapolates the rate itself).
        double counted = single("sum(http_server_requests_seconds_count{job=\"trading-service\",uri=\"/api/products\"})", at);
        assertEquals(PRODUCT_LISTS, counted, 0.0);
        String endpoint = "endpoints.find { it.service == 'trading-service' && it.uri == '/api/products' && it.method == 'GET' }";
        double endpointRate = single("sum(rate(http_server_requests_seconds_count{job=\"trading-service\",uri=\"/api/products\",method=\"GET\"}[2m]))", at);
        assertEquals(endpointRate, s.getDouble(endpoint + ".requestsPerSecond"), 1e-9);
        assertTrue(s.getString("queries.p95Seconds").contains("histogram_quantile(0.95"));
    }

    @Test
    @Order(2)
    void trendsAndBottlenecksComeFromTheSameSeries() {
        JsonPath t = TestTokens.as("auditor", AUDITOR).get("/api/performance/trends?window=2m").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        List<Map<String, Object>> trading = t.getList("trends.findAll { it.metric == 'requestsPerSecond' && it.service == 'trading-service' }");
        assertEquals(1, trading.size());
        // The series starts with the test's first request, so it holds a few points; their mean is the trend's.
        List<Double> values = t.getList("trends.find { it.metric == 'requestsPerSecond' && it.service == 'trading-service' }.points.value", Double.class);
        assertTrue(values.size() >= 2, trading.toString());
        assertEquals(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                t.getDouble("trends.find { it.metric == 'requestsPerSecond' && it.service == 'trading-service' }.mean"), 1e-6);
        assertNotNull(trading.get(0).get("direction"));
        JsonPath b = TestTokens.as("auditor", AUDITOR).get("/api/performance/bottlenecks?window=2m").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        // The documented defaults, stated in the answer.
        assertEquals(0.5, b.getDouble("thresholds.slowP95Seconds"));
        assertEquals(0.01, b.getDouble("thresholds.errorRatio"));
        assertEquals(0.8, b.getDouble("thresholds.poolUsage"));
        assertTrue(b.getString("thresholds.description").contains("p95 >= 0.500 s"), b.getString("thresholds.description"));
        // Slow endpoints are exactly those whose p95, as the test computes it, reaches the threshold; the
        // test's fast product lists are not among them, and 404s are no server errors.
        Instant at = Instant.parse(b.getString("evaluatedAt"));
        List<String> slow = promql("histogram_quantile(0.95, sum by (job, method, uri, le) (rate(http_server_requests_seconds_bucket[2m]))) >= 0.5", at)
                .getList("data.result.metric", Map.class).stream().map(m -> m.get("method") + " " + m.get("uri")).sorted().toList();
        assertEquals(slow, b.getList("findings.findAll { it.kind == 'SLOW_ENDPOINT' }.subject", String.class).stream().sorted().toList());
        assertTrue(b.getList("findings.subject", String.class).stream().noneMatch(subject -> subject.equals("GET /api/products")),
                b.getList("findings").toString());
        assertEquals(List.of(), b.getList("findings.findAll { it.kind == 'ERROR_HOT_SPOT' }"));
    }

    @Test
    @Order(3)
    void alertsFromPrometheusAndAlertmanager() {
        Awaitility.await().atMost(20, TimeUnit.SECONDS).untilAsserted(() ->
                TestTokens.as("auditor", AUDITOR).get("/api/performance/alerts").then().statusCode(200)
                        .body("prometheus.find { it.name == 'TestAlwaysFiring' }.state", equalTo("firing"))
                        .body("prometheus.find { it.name == 'TestPending' }.state", equalTo("pending"))
                        .body("alertmanager.name", hasItem("TestAlwaysFiring"))
                        .body("alertmanager.find { it.name == 'TestAlwaysFiring' }.receivers", hasItem("nobody"))
                        .body("sources.prometheus", equalTo("ok")).body("sources.alertmanager", equalTo("ok")));
    }

    @Test
    @Order(4)
    void reportsAsJsonCsvAndPdfWithCharts() throws Exception {
        Instant to = Instant.now();
        String period = "?from=" + to.minus(Duration.ofMinutes(3)).getEpochSecond() + "&to=" + to;
        TestTokens.as("auditor", AUDITOR).get("/api/performance/report" + period).then().statusCode(400).body("errors[0].field", equalTo("from"));
        period = "?from=" + to.minus(Duration.ofMinutes(3)) + "&to=" + to;
        TestTokens.as("auditor", AUDITOR).get("/api/performance/report" + period).then().statusCode(200)
                .body("sources.prometheus", equalTo("ok"))
                // Here no pod, no API server URL and no kubeconfig: said so, not a client exception.
                .body("sources.kubernetes", ClusterView.notInKubernetes(System.getenv(), System::getProperty, Optional.empty(), Files::exists)
                        .map(org.hamcrest.Matchers::equalTo).orElse(containsString("did not answer")))
                .body("kubernetes.available", equalTo(false))
                .body("bottlenecks.thresholds.description", containsString("p95 >= 0.500 s"))
                .body("summary.services.service", hasItem("trading-service"));
        String csv = TestTokens.as("auditor", AUDITOR).get("/api/performance/report" + period + "&format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("scope,service,method,uri,requests_per_second"), csv);
        assertTrue(csv.contains("endpoint,trading-service,GET,/api/products,"), csv);
        byte[] pdf = TestTokens.as("auditor", AUDITOR).get("/api/performance/report" + period + "&format=pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertTrue(imageCount(pdf) >= 2, "a latency and a throughput chart");
    }

    /** Image XObjects on the PDF's pages. */
    static int imageCount(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        int images = 0;
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
            PdfDictionary xobjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
            if (xobjects != null) {
                for (PdfName name : xobjects.getKeys()) {
                    PdfDictionary x = (PdfDictionary) PdfReader.getPdfObject(xobjects.get(name));
                    if (PdfName.IMAGE.equals(x.getAsName(PdfName.SUBTYPE))) {
                        images++;
                    }
                }
            }
        }
        reader.close();
        return images;
    }

    @Test
    @Order(5)
    void storedReportsAreListedDownloadedAndRetained() throws Exception {
        long id = TestTokens.as("admin", ADMIN).post("/api/performance/reports?kind=HOURLY").then().statusCode(201).extract().jsonPath().getLong("id");
        TestTokens.as("admin", ADMIN).post("/api/performance/reports?kind=HOURLY").then().statusCode(201).body("id", equalTo((int) id));
        TestTokens.as("auditor", AUDITOR).get("/api/performance/reports").then().statusCode(200).body("items.id", hasItem((int) id));
        TestTokens.as("auditor", AUDITOR).get("/api/performance/reports/" + id).then().statusCode(200).body("kind", equalTo("HOURLY"));
        byte[] pdf = TestTokens.as("auditor", AUDITOR).get("/api/performance/reports/" + id + "?format=pdf").then().statusCode(200).extract().asByteArray();
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF"));
        TestTokens.as("auditor", AUDITOR).get("/api/performance/reports?kind=MONTHLY").then().statusCode(400);
        TestTokens.as("auditor", AUDITOR).get("/api/performance/reports?olderThanDays=1").then().statusCode(200).body("total", equalTo(0));
        TestTokens.as("admin", ADMIN).delete("/api/performance/reports?olderThanDays=1").then().statusCode(200).body("deleted", equalTo(0));
        TestTokens.as("admin", ADMIN).delete("/api/performance/reports?olderThanDays=0").then().statusCode(200).body("deleted", equalTo(1));
        TestTokens.as("auditor", AUDITOR).get("/api/performance/reports/" + id).then().statusCode(404);
    }

    @Test
    @Order(6)
    void badWindowsAreRefused() {
        TestTokens.as("auditor", AUDITOR).get("/api/performance/metrics/summary?window=5x").then().statusCode(400).contentType(containsString("problem+json"));
        TestTokens.as("auditor", AUDITOR).get("/api/performance/trends?window=400d").then().statusCode(400);
        TestTokens.as("auditor", AUDITOR).get("/api/performance/report?format=docx").then().statusCode(400);
    }

    @Test
    @Order(7)
    void prometheusDownIsSaidNotHidden() throws Exception {
        long pid = ConfigProvider.getConfig().getValue(MonitoringStackResource.PROMETHEUS_PID, Long.class);
        ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
        p.destroyForcibly();
        p.onExit().get(10, TimeUnit.SECONDS);
        TestTokens.as("auditor", AUDITOR).get("/api/performance/metrics/summary").then().statusCode(503).contentType(containsString("problem+json"))
                .body("detail", containsString("prometheus"));
        TestTokens.as("auditor", AUDITOR).get("/api/performance/report").then().statusCode(200)
                .body("sources.prometheus", containsString("did not answer")).body("summary", org.hamcrest.Matchers.nullValue());
        TestTokens.as("auditor", AUDITOR).get("/api/performance/alerts").then().statusCode(200)
                .body("sources.prometheus", containsString("did not answer")).body("sources.alertmanager", equalTo("ok"));
    }
}
