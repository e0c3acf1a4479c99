package io.oiltrading.perfreport.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The platform's pods and recent warning events in its namespace, read through the Kubernetes API with no more
 * than read access to pods and events. Outside a cluster, with no API server configured, the snapshot says "not
 * running in Kubernetes" without asking anyone; when the API cannot be reached (down, no permission) it says so
 * and why. It never makes pods up.
 */
@ApplicationScoped
public class ClusterView {

    private static final Logger LOG = Logger.getLogger(ClusterView.class);
    /** The label every workload of the chart carries. */
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String PLATFORM = "oil-trading";
    static final int MAX_EVENTS = 20;

    /** The service-account token every pod gets unless it opts out (automountServiceAccountToken). */
    static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");
    public static final String NOT_IN_KUBERNETES = "not running in Kubernetes: no KUBERNETES_SERVICE_HOST, no service-account"
            + " token, and no API server URL or kubeconfig configured";

    @Inject
    KubernetesClient client;

    @ConfigProperty(name = "quarkus.kubernetes-client.api-server-url")
    Optional<String> apiServerUrl;

    /** Set at start: why there is no Kubernetes API to ask, or empty when there is one to try. */
    private Optional<String> noApi = Optional.empty();

    @PostConstruct
    void detect() {
        noApi = notInKubernetes(System.getenv(), System::getProperty, apiServerUrl, Files::exists);
    }

    /**
     * Whether the Kubernetes client has an API server to ask: inside a pod (KUBERNETES_SERVICE_HOST, or the mounted
     * service-account token), or told one outside (quarkus.kubernetes-client.api-server-url, the fabric8 client's
     * KUBERNETES_MASTER or kubernetes.master, a kubeconfig from KUBECONFIG, kubeconfig or ~/.kube/config). With
     * none of them the client would only try https://kubernetes.default.svc, which does not exist here.
     */
    public static Optional<String> notInKubernetes(Map<String, String> env, UnaryOperator<String> property,
                                                   Optional<String> apiServerUrl, Predicate<Path> exists) {
        boolean inPod = present(env.get("KUBERNETES_SERVICE_HOST")) || exists.test(SERVICE_ACCOUNT_TOKEN);
        boolean master = apiServerUrl.filter(ClusterView::present).isPresent()
                || present(env.get("KUBERNETES_MASTER")) || present(property.apply("kubernetes.master"));
        String kubeconfig = present(property.apply("kubeconfig")) ? property.apply("kubeconfig") : env.get("KUBECONFIG");
        boolean hasKubeconfig = present(kubeconfig)
                ? Stream.of(kubeconfig.split(java.io.File.pathSeparator)).filter(ClusterView::present).map(Path::of).anyMatch(exists)
                : present(property.apply("user.home")) && exists.test(Path.of(property.apply("user.home"), ".kube", "config"));
        return inPod || master || hasKubeconfig ? Optional.empty() : Optional.of(NOT_IN_KUBERNETES);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    public record PodView(String name, String service, String phase, boolean ready, int restarts,
                          String lastTerminationReason, String node, String startedAt,
                          Map<String, String> requests, Map<String, String> limits) {
    }

    public record EventView(String object, String reason, String message, int count, String lastSeen) {
    }

    public record Snapshot(boolean available, String namespace, String error, List<PodView> pods,
                           List<EventView> warningEvents) {
    }

    public Snapshot snapshot() {
        String namespace = client.getNamespace();
        if (noApi.isPresent()) {
            return new Snapshot(false, namespace, noApi.get(), List.of(), List.of());
        }
        try {
            List<PodView> pods = client.pods().inNamespace(namespace).withLabel(PART_OF, PLATFORM).list().getItems()
                    .stream().map(ClusterView::view).sorted(Comparator.comparing(PodView::service).thenComparing(PodView::name)).toList();
            List<EventView> events = client.v1().events().inNamespace(namespace).list().getItems()
                    .stream().filter(e -> "Warning".equals(e.getType())).sorted(Comparator.comparing(ClusterView::lastSeen).reversed()).limit(MAX_EVENTS)
                    .map(e -> new EventView(e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName(),
                            e.getReason(), e.getMessage(), e.getCount() == null ? 1 : e.getCount(), lastSeen(e)))
                    .toList();
            return new Snapshot(true, namespace, null, pods, events);
        } catch (RuntimeException e) {
            LOG.debugf("Kubernetes API not reachable: %s", e.toString());
            return new Snapshot(false, namespace, "the Kubernetes API did not answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")), List.of(), List.of());
        }
    }

    private static PodView view(Pod pod) {
        List<ContainerStatus> statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        boolean ready = !statuses.isEmpty() && statuses.stream().allMatch(s -> Boolean.TRUE.equals(s.getReady()));
        int restarts = statuses.stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
        String lastReason = statuses.stream().filter(s -> s.getLastState() != null && s.getLastState().getTerminated() != null)
                .map(s -> s.getLastState().getTerminated().getReason()).findFirst().orElse(null);
        Map<String, String> requests = new TreeMap<>();
        Map<String, String> limits = new TreeMap<>();
        pod.getSpec().getContainers().forEach(c -> {
            if (c.getResources() != null) {
                put(requests, c.getResources().getRequests());
                put(limits, c.getResources().getLimits());
            }
        });
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        return new PodView(pod.getMetadata().getName(), labels.getOrDefault("app.kubernetes.io/name", "?"),
                pod.getStatus() == null ? null : pod.getStatus().getPhase(), ready, restarts, lastReason,
                pod.getSpec().getNodeName(), pod.getStatus() == null ? null : pod.getStatus().getStartTime(), requests, limits);
    }

    private static void put(Map<String, String> into, Map<String, Quantity> quantities) {
        if (quantities != null) {
            quantities.forEach((k, v) -> into.put(k, v.toString()));
        }
    }

    private static String lastSeen(Event e) {
        String t = e.getLastTimestamp() != null ? e.getLastTimestamp() : e.getEventTime() != null ? e.getEventTime().getTime() : null;
        return t == null ? Instant.EPOCH.toString() : t;
    }
}
