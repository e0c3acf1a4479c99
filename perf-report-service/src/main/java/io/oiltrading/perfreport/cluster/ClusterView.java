package io.oiltrading.perfreport.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The platform's pods and recent warning events in its namespace, read through the Kubernetes API with no more
 * than read access to pods and events. When the API cannot be reached (no cluster, no permission) the snapshot
 * says so and why; it never makes pods up.
 */
@ApplicationScoped
public class ClusterView {

    private static final Logger LOG = Logger.getLogger(ClusterView.class);
    /** The label every workload of the chart carries. */
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String PLATFORM = "oil-trading";
    static final int MAX_EVENTS = 20;

    @Inject
    KubernetesClient client;

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
