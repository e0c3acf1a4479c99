package io.oiltrading.helm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import io.oiltrading.helm.Chart.Service;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NOTES.txt names the real services and gives working port-forward commands (a client-only dry-run install). */
class NotesTest {

    static String notes(Map<String, String> set) {
        InstallCommand install = new Helm(Chart.DIR).install().withName(Chart.RELEASE).withNamespace(Chart.NAMESPACE)
                .withKubeVersion(Chart.KUBE_VERSION).clientOnly().dryRun();
        for (Map.Entry<String, String> entry : set.entrySet()) {
            install = install.set(entry.getKey(), entry.getValue());
        }
        return install.call().getOutput();
    }

    @Test
    void notesListTheServicesAndTheirPortForwards() {
        String notes = notes(Map.of());
        for (Service service : Chart.SERVICES) {
            assertTrue(notes.contains("kubectl -n oil-trading port-forward svc/" + service.name() + " "
                    + service.localPort() + ":8080"), notes);
            assertTrue(notes.contains("create secret generic " + service.name() + "-db"), notes);
        }
        assertTrue(notes.contains("helm test oil-trading -n oil-trading"), notes);
        assertTrue(notes.contains("ServiceMonitors     SKIPPED: monitoring.coreos.com/v1 is not installed"), notes);
    }

    @Test
    void notesNameTheImagesAndTheValueThatMovesTheirTag() {
        String notes = notes(Map.of("defaults.image.tag", "2.3.4"));
        for (Service service : Chart.SERVICES) {
            assertTrue(notes.contains("ghcr.io/oil-trading/" + service.name() + ":2.3.4"), notes);
        }
        assertTrue(notes.contains("--set-string defaults.image.tag=<tag>"), notes);
        assertTrue(notes(Map.of()).contains("ghcr.io/oil-trading/<service>:0.1.0-SNAPSHOT (the chart's appVersion)"));
    }

    @Test
    void notesSayWhereTheSidecarDashboardsGo() {
        assertTrue(notes(Map.of()).contains("Sidecar dashboards  off"));
        String notes = notes(Map.of("monitoring.grafana.dashboardConfigMaps.enabled", "true"));
        assertTrue(notes.contains("Sidecar dashboards  ConfigMaps labelled grafana_dashboard=\"1\", folder in annotation"
                + " grafana_folder, in namespace oil-trading"), notes);
    }

    @Test
    void notesTellHowToCreateTheJwtKeySecretAndWhoGetsThePrivateKey() {
        String notes = notes(Map.of());
        assertTrue(notes.contains("openssl genpkey -algorithm RSA"), notes);
        assertTrue(notes.contains("openssl pkey -in private.pem -pubout -out public.pem"), notes);
        assertTrue(notes.contains("kubectl -n oil-trading create secret generic oil-trading-jwt"
                + " --from-file=public.pem --from-file=private.pem"), notes);
        assertTrue(notes.contains("(risk-service, settlement-service, perf-report-service)"), notes);
        assertTrue(notes.contains("docs/access-control.md"), notes);

        String renamed = notes(Map.of("auth.jwtSecret", "other-jwt", "services.risk.signsServiceTokens", "false"));
        assertTrue(renamed.contains("create secret generic other-jwt --from-file=public.pem"), renamed);
        assertTrue(renamed.contains("(settlement-service, perf-report-service)"), renamed);
    }

    @Test
    void notesSayWhereTheDatabasesAreBackedUp() {
        Map<String, String> cnpg = Map.of("extraApiVersions[0]", "postgresql.cnpg.io/v1",
                "database.cloudnativepg.enabled", "true");
        assertTrue(notes(cnpg).contains("Backups: OFF."), notes(cnpg));
        Map<String, String> on = new java.util.HashMap<>(cnpg);
        on.putAll(Map.of("database.cloudnativepg.backup.enabled", "true",
                "database.cloudnativepg.backup.destinationPath", "s3://bucket/oil",
                "database.cloudnativepg.backup.s3Credentials.secretName", "s3"));
        String notes = notes(on);
        assertTrue(notes.contains("Backups: WAL archived and base backups on \"0 0 1 * * *\" to s3://bucket/oil, kept 30d"),
                notes);
        assertTrue(notes(Map.of()).contains("Their backups are yours"));
    }

    @Test
    void notesSayWhichMonitoringCrsAreInstalled() {
        String notes = notes(Chart.withApis(Chart.MONITORING_APIS, Map.of()));
        assertTrue(notes.contains("ServiceMonitors     installed, label release=kube-prometheus-stack"), notes);
        assertTrue(notes.contains("PrometheusRule      installed, " + AlertRulesTest.CATALOGUE.size() + " alerts"), notes);
        assertTrue(notes.contains("create secret generic oil-trading-alerting"), notes);
    }
}
