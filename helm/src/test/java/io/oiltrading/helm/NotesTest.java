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
    void notesSayWhichMonitoringCrsAreInstalled() {
        String notes = notes(Chart.withApis(Chart.MONITORING_APIS, Map.of()));
        assertTrue(notes.contains("ServiceMonitors     installed, label release=kube-prometheus-stack"), notes);
        assertTrue(notes.contains("PrometheusRule      installed, 14 alerts"), notes);
        assertTrue(notes.contains("create secret generic oil-trading-alerting"), notes);
    }
}
