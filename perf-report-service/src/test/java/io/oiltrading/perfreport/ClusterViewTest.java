package io.oiltrading.perfreport;

import static io.oiltrading.platform.security.Roles.AUDITOR;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.oiltrading.platform.testing.EmbeddedPostgresResource;
import io.oiltrading.platform.testing.TestTokens;
import io.oiltrading.platform.testing.TokenIssuerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kubernetes view against the fabric8 mock API server in CRUD mode: pods, restarts, warning events. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TokenIssuerResource.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(value = ClusterViewTest.ServicesDown.class, restrictToAnnotatedClass = true)
class ClusterViewTest {

    /** The platform's services are not running in this test: they point at a closed port. */
    public static class ServicesDown implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Map<String, String> urls = new java.util.HashMap<>();
            for (String s : new String[] {"pricefeed", "risk", "settlement", "perf-report"}) {
                urls.put("perf-report.services." + s, "http://127.0.0.1:1");
            }
            return urls;
        }

        @Override
        public void stop() {
        }
    }

    @KubernetesTestServer
    KubernetesServer server;

    @BeforeEach
    void pods() {
        KubernetesClient client = server.getClient();
        String ns = client.getNamespace();
        client.pods().inNamespace(ns).resource(pod("trading-service-7d9c", "trading-service", true, 0)).create();
        client.pods().inNamespace(ns).resource(pod("risk-service-5f2a", "risk-service", false, 4)).create();
        client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("unrelated").endMetadata()
                .withNewSpec().addNewContainer().withName("x").withImage("x").endContainer().endSpec().build()).create();
        client.v1().events().inNamespace(ns).resource(new EventBuilder().withNewMetadata().withName("risk-backoff").endMetadata()
                .withType("Warning").withReason("BackOff").withMessage("Back-off restarting failed container")
                .withNewInvolvedObject().withKind("Pod").withName("risk-service-5f2a").endInvolvedObject()
                .withCount(4).withLastTimestamp("2026-11-25T10:00:00Z").build()).create();
    }

    static io.fabric8.kubernetes.api.model.Pod pod(String name, String service, boolean ready, int restarts) {
        return new PodBuilder().withNewMetadata().withName(name)
                .withLabels(Map.of("app.kubernetes.io/part-of", "oil-trading", "app.kubernetes.io/name", service)).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("oil-trading/" + service)
                .withNewResources().withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("256Mi")))
                .withLimits(Map.of("memory", new Quantity("512Mi"))).endResources().endContainer().endSpec()
                .withNewStatus().withPhase("Running").withContainerStatuses(new ContainerStatusBuilder().withName("app")
                        .withReady(ready).withRestartCount(restarts).withNewLastState().withNewTerminated().withReason("OOMKilled")
                        .withExitCode(137).endTerminated().endLastState().build()).endStatus().build();
    }

    @Test
    void opsHealthShowsThePlatformsPodsAndWarnings() {
        TestTokens.as("auditor", AUDITOR).get("/api/ops/health").then().log().ifValidationFails().statusCode(200)
                .body("kubernetes.available", equalTo(true))
                .body("kubernetes.pods.name", org.hamcrest.Matchers.containsInAnyOrder("risk-service-5f2a", "trading-service-7d9c"))
                .body("kubernetes.pods.find { it.name == 'risk-service-5f2a' }.restarts", equalTo(4))
                .body("kubernetes.pods.find { it.name == 'risk-service-5f2a' }.ready", equalTo(false))
                .body("kubernetes.pods.find { it.name == 'risk-service-5f2a' }.lastTerminationReason", equalTo("OOMKilled"))
                .body("kubernetes.pods.find { it.name == 'trading-service-7d9c' }.requests.memory", equalTo("256Mi"))
                .body("kubernetes.warningEvents.reason", hasItem("BackOff"))
                // Services that do not answer are reported, not skipped.
                .body("services.size()", equalTo(5))
                .body("services.find { it.service == 'pricefeed-service' }.status", equalTo("UNREACHABLE"))
                .body("status", equalTo("DOWN"));
    }
}
