package io.oiltrading.perfreport.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Not running in Kubernetes" only when nothing gives the client an API server: no pod, no URL, no kubeconfig. */
class NotInKubernetesTest {

    static final Optional<String> NOT = Optional.of(ClusterView.NOT_IN_KUBERNETES);
    static final Map<String, String> HOME = Map.of("user.home", "/home/ops");

    static Optional<String> detect(Map<String, String> env, Map<String, String> properties, Optional<String> url, Set<Path> files) {
        return ClusterView.notInKubernetes(env, properties::get, url, files::contains);
    }

    @Test
    void aLaptopWithNothingConfiguredIsNotInKubernetes() {
        assertEquals(NOT, detect(Map.of(), HOME, Optional.empty(), Set.of()));
        assertEquals(NOT, detect(Map.of("KUBERNETES_SERVICE_HOST", " "), HOME, Optional.of(""), Set.of()), "blank is unset");
        assertEquals(NOT, detect(Map.of("KUBECONFIG", "/nowhere/config"), HOME, Optional.empty(), Set.of()),
                "a kubeconfig that does not exist configures nothing");
    }

    @Test
    void aPodIsInKubernetes() {
        assertEquals(Optional.empty(), detect(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1"), HOME, Optional.empty(), Set.of()));
        assertEquals(Optional.empty(), detect(Map.of(), HOME, Optional.empty(), Set.of(ClusterView.SERVICE_ACCOUNT_TOKEN)),
                "the service-account token alone");
    }

    @Test
    void anApiServerConfiguredOutsideAClusterIsAsked() {
        assertEquals(Optional.empty(), detect(Map.of(), HOME, Optional.of("https://k8s.example.com:6443"), Set.of()));
        assertEquals(Optional.empty(), detect(Map.of("KUBERNETES_MASTER", "https://k8s.example.com"), HOME, Optional.empty(), Set.of()));
        assertEquals(Optional.empty(), detect(Map.of(), Map.of("user.home", "/home/ops", "kubernetes.master", "https://k8s"),
                Optional.empty(), Set.of()));
        assertEquals(Optional.empty(), detect(Map.of(), HOME, Optional.empty(), Set.of(Path.of("/home/ops/.kube/config"))));
        assertEquals(Optional.empty(), detect(Map.of("KUBECONFIG", "/nowhere:/etc/kube/dev.yaml"), HOME, Optional.empty(),
                Set.of(Path.of("/etc/kube/dev.yaml"))), "any file of a KUBECONFIG list");
    }
}
