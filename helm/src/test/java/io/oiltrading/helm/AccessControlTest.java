package io.oiltrading.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oiltrading.helm.Chart.Rendered;
import io.oiltrading.helm.Chart.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Access control (docs/access-control.md) in the chart: every service verifies tokens with the public key of
 * auth.jwtSecret; only the services that call others (signsServiceTokens) get the private key; no credential has a
 * default anywhere in the chart or the observability stack.
 */
class AccessControlTest {

    static final String JWT_DIR = "/etc/oil-trading/jwt";
    static final String PUBLIC_KEY = JWT_DIR + "/public.pem";
    static final String PRIVATE_KEY = JWT_DIR + "/private.pem";
    static final List<String> SIGNING_ENV = List.of("SMALLRYE_JWT_SIGN_KEY_LOCATION", "SMALLRYE_JWT_NEW_TOKEN_ISSUER");

    /** The least-privilege choice of values.yaml: risk, settlement and perf-report call others; trading and pricefeed do not. */
    static final Set<String> SIGNERS = Set.of("risk", "settlement", "perfReport");

    @ParameterizedTest
    @ValueSource(strings = {"default", "minimal-external-db", "native", "monitoring-off", "everything-on"})
    void everyServiceMountsThePublicKeyAndOnlyTheCallersTheSigningKey(String scenario) {
        Rendered rendered = scenario.equals("default") ? Chart.render() : Chart.render(scenario);
        String secret = scenario.equals("everything-on") ? "oil-trading-staging-jwt" : "oil-trading-jwt";
        for (Service service : Chart.SERVICES) {
            boolean signs = SIGNERS.contains(service.key());
            Map<String, Object> pod = pod(rendered, service.name());
            Map<String, Object> container = ChartTemplateTest.container(rendered, service.name());

            Map<String, Object> mount = mount(container, "jwt");
            assertEquals(JWT_DIR, mount.get("mountPath"), service.name());
            assertEquals(true, mount.get("readOnly"), service.name() + ": the keys are mounted read-only");
            Map<String, Object> volume = volume(pod, "jwt");
            assertEquals(secret, Yamls.string(volume, "secret.secretName"), service.name());
            assertEquals(0440, Yamls.at(volume, "secret.defaultMode"), service.name() + ": owner and fsGroup read only");
            assertNotNull(Yamls.at(pod, "securityContext.fsGroup"),
                    service.name() + ": the non-root user reads the 0440 keys through the pod's fsGroup");
            assertEquals(signs ? List.of("public.pem", "private.pem") : List.of("public.pem"), items(volume),
                    service.name() + " mounts only the keys it needs");

            Map<String, Map<String, Object>> env = ChartTemplateTest.env(container);
            assertEquals(PUBLIC_KEY, value(env, "MP_JWT_VERIFY_PUBLICKEY_LOCATION"), service.name());
            assertEquals("oil-trading", value(env, "MP_JWT_VERIFY_ISSUER"), service.name());
            if (signs) {
                assertEquals(PRIVATE_KEY, value(env, "SMALLRYE_JWT_SIGN_KEY_LOCATION"), service.name());
                assertEquals("oil-trading", value(env, "SMALLRYE_JWT_NEW_TOKEN_ISSUER"), service.name());
            } else {
                for (String name : SIGNING_ENV) {
                    assertNull(env.get(name), service.name() + " must not sign tokens: " + name);
                }
            }
        }
    }

    @Test
    void tradingAndPricefeedNeverSeeThePrivateKey() {
        Rendered rendered = Chart.render("everything-on");
        for (String name : List.of("trading-service", "pricefeed-service")) {
            Map<String, Object> deployment = rendered.get("Deployment", name);
            String text = deployment.toString();
            assertFalse(text.contains("private.pem"), name + " references the private key: " + text);
            assertFalse(text.contains("SMALLRYE_JWT_SIGN"), name + " is configured to sign: " + text);
            assertFalse(Yamls.map(rendered.get("ConfigMap", name), "data").keySet().stream()
                    .anyMatch(k -> k.startsWith("SMALLRYE_JWT")), name + "'s ConfigMap configures signing");
        }
    }

    @Test
    void theSigningKeyIsAPerServiceChoiceNeverADefault() {
        Rendered rendered = Chart.render(List.of(), Map.of(
                "services.trading.signsServiceTokens", "true", "services.risk.signsServiceTokens", "false"));
        assertEquals(List.of("public.pem", "private.pem"), items(volume(pod(rendered, "trading-service"), "jwt")));
        assertEquals(PRIVATE_KEY, value(ChartTemplateTest.env(ChartTemplateTest.container(rendered, "trading-service")),
                "SMALLRYE_JWT_SIGN_KEY_LOCATION"));
        assertEquals(List.of("public.pem"), items(volume(pod(rendered, "risk-service"), "jwt")));
        assertNull(ChartTemplateTest.env(ChartTemplateTest.container(rendered, "risk-service"))
                .get("SMALLRYE_JWT_SIGN_KEY_LOCATION"));

        Chart.assertRefused(List.of(), Map.of("defaults.signsServiceTokens", "true"), "signsServiceTokens");
        Chart.assertRefused(List.of(), Map.of("services.trading.signsServiceTokens", "yes"), "signsServiceTokens");
    }

    @Test
    void theSecretAndIssuerComeFromTheAuthValues() {
        Rendered rendered = Chart.render(List.of(), Map.of("auth.jwtSecret", "other-jwt", "auth.issuer", "https://idp.example.com"));
        for (Service service : Chart.SERVICES) {
            assertEquals("other-jwt", Yamls.string(volume(pod(rendered, service.name()), "jwt"), "secret.secretName"));
            Map<String, Map<String, Object>> env = ChartTemplateTest.env(ChartTemplateTest.container(rendered, service.name()));
            assertEquals("https://idp.example.com", value(env, "MP_JWT_VERIFY_ISSUER"));
            if (SIGNERS.contains(service.key())) {
                assertEquals("https://idp.example.com", value(env, "SMALLRYE_JWT_NEW_TOKEN_ISSUER"));
            }
        }
        for (Map<String, String> bad : List.of(Map.of("auth.jwtSecret", ""), Map.of("auth.issuer", ""),
                Map.of("auth.jwtSecret", "Not_A_Secret_Name"), Map.of("auth.jwtSecrets", "oil-trading-jwt"))) {
            Chart.assertRefused(List.of(), bad, "auth");
        }
    }

    @Test
    void theChartCreatesNoSecretAndRendersNoCredential() {
        Rendered rendered = Chart.render("everything-on");
        assertTrue(rendered.ofKind("Secret").isEmpty(), "keys and passwords come from Secrets the operator creates");
        Pattern credential = Pattern.compile(".*(PASSWORD|SECRET|PRIVATE|TOKEN(?!_ISSUER)).*");
        for (Service service : Chart.SERVICES) {
            ChartTemplateTest.env(ChartTemplateTest.container(rendered, service.name())).forEach((name, variable) -> {
                if (credential.matcher(name).matches()) {
                    assertNull(variable.get("value"), name + " has an inline value in " + service.name());
                    assertNotNull(Yamls.at(variable, "valueFrom.secretKeyRef"), name + " of " + service.name());
                }
            });
            assertFalse(Yamls.map(rendered.get("ConfigMap", service.name()), "data").keySet().stream()
                    .anyMatch(key -> credential.matcher(key).matches()), service.name() + "'s ConfigMap holds a credential");
        }
    }

    @Test
    void grafanaAdminCredentialsComeFromASecretNotAChartDefault() {
        Path stack = Chart.MODULE.resolve("observability-stack");
        Map<String, Object> grafana = Yamls.load(stack.resolve("grafana.yaml"));
        Map<String, Map<String, Object>> env = ChartTemplateTest.env(
                Yamls.list(grafana, "spec.deployment.spec.template.spec.containers").get(0));
        for (String name : List.of("GF_SECURITY_ADMIN_USER", "GF_SECURITY_ADMIN_PASSWORD")) {
            assertNull(env.get(name).get("value"), name);
            assertEquals("grafana-admin", Yamls.string(env.get(name), "valueFrom.secretKeyRef.name"), name);
        }
        assertNull(Yamls.at(grafana, "spec.config.security"), "no admin user or password in Grafana's config");
        // kube-prometheus-stack's own Grafana would come with its default admin password (prom-operator).
        assertEquals(false, Yamls.at(Yamls.load(stack.resolve("values/kube-prometheus-stack.yaml")), "grafana.enabled"));
    }

    static Map<String, Object> pod(Rendered rendered, String service) {
        return Yamls.map(rendered.get("Deployment", service), "spec.template.spec");
    }

    static Map<String, Object> mount(Map<String, Object> container, String name) {
        return Yamls.list(container, "volumeMounts").stream().filter(m -> name.equals(m.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume mount " + name + " in " + container.get("name")));
    }

    static Map<String, Object> volume(Map<String, Object> pod, String name) {
        return Yamls.list(pod, "volumes").stream().filter(v -> name.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    static List<String> items(Map<String, Object> volume) {
        List<Map<String, Object>> items = Yamls.list(volume, "secret.items");
        for (Map<String, Object> item : items) {
            assertEquals(item.get("key"), item.get("path"), "each key keeps its file name");
        }
        return items.stream().map(i -> (String) i.get("key")).toList();
    }

    static String value(Map<String, Map<String, Object>> env, String name) {
        Map<String, Object> variable = env.get(name);
        assertNotNull(variable, name + " is not set");
        return (String) variable.get("value");
    }
}
