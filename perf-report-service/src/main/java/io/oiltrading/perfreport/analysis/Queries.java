package io.oiltrading.perfreport.analysis;

/**
 * The PromQL behind every figure, over the metrics the services export: the HTTP server histogram
 * ({@code http_server_requests_seconds_*}, health and metrics paths excluded by the services), process CPU, JVM
 * heap and the Agroal connection pool. {@code job} is the service name (local Prometheus and ServiceMonitors
 * both set it so). {@code %s} is the rate window, such as {@code 5m}.
 */
public final class Queries {

    private Queries() {
    }

    static final String ENDPOINT = "job, method, uri";

    public static String requestRate(String by, String window) {
        return "sum by (%s) (rate(http_server_requests_seconds_count[%s]))".formatted(by, window);
    }

    public static String latencyQuantile(double q, String by, String window) {
        return "histogram_quantile(%s, sum by (%s, le) (rate(http_server_requests_seconds_bucket[%s])))".formatted(q, by, window);
    }

    /** 5xx share of requests; 0, not "no data", where requests were served without a server error. */
    public static String errorRatio(String by, String window) {
        return ("(sum by (%1$s) (rate(http_server_requests_seconds_count{status=~\"5..\"}[%2$s]))"
                + " or sum by (%1$s) (rate(http_server_requests_seconds_count[%2$s])) * 0)"
                + " / sum by (%1$s) (rate(http_server_requests_seconds_count[%2$s]))").formatted(by, window);
    }

    /** Seconds of server time spent per second: latency weighted by volume. */
    public static String busyTime(String by, String window) {
        return "sum by (%s) (rate(http_server_requests_seconds_sum[%s]))".formatted(by, window);
    }

    public static final String UP = "max by (job) (up)";
    public static final String CPU = "max by (job) (process_cpu_usage)";
    public static final String HEAP_USED = "sum by (job) (jvm_memory_used_bytes{area=\"heap\"})";
    /** Per instance the largest heap pool's maximum, the old generation's (-Xmx): Serial's young pools have maxima of their own. */
    public static final String HEAP_MAX = "sum by (job) (max by (job, instance) (jvm_memory_max_bytes{area=\"heap\"}))";
    /** Connections in use over connections open: how close the pool is to making callers wait. */
    public static final String DB_POOL_USAGE =
            "sum by (job) (agroal_active_count) / (sum by (job) (agroal_active_count) + sum by (job) (agroal_available_count))";
    public static final String DB_POOL_WAITING = "sum by (job) (agroal_awaiting_count)";

    public static String restarts(String window) {
        return "sum by (job, instance) (changes(process_start_time_seconds[%s]))".formatted(window);
    }
}
