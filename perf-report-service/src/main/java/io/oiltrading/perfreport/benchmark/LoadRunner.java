package io.oiltrading.perfreport.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load: {@code concurrency} workers each send one GET, wait for its answer, and send the next,
 * until the requested count is sent or the deadline passes. Every request's latency is kept.
 */
final class LoadRunner {

    /** What one run measured. Status "error" counts requests that got no HTTP answer. */
    record Measurement(int completed, int failed, Map<String, Long> statusCounts, long[] latencyNanos,
                       double elapsedSeconds, boolean stoppedAtDeadline) {
    }

    private LoadRunner() {
    }

    /** @param authorization the Authorization header every request carries (the service's own token) */
    static Measurement run(URI target, String authorization, int requests, int concurrency, Duration maxDuration,
                           Duration requestTimeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(requestTimeout)
                .header("Authorization", authorization).GET().build();
        long[] latencies = new long[requests];
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger recorded = new AtomicInteger();
        LongAdder failed = new LongAdder();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long deadline = start + maxDuration.toNanos();

        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try {
            for (int w = 0; w < concurrency; w++) {
                workers.execute(() -> {
                    while (System.nanoTime() < deadline && issued.getAndIncrement() < requests) {
                        long sent = System.nanoTime();
                        String status;
                        try {
                            int code = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            status = Integer.toString(code);
                            if (code >= 400) {
                                failed.increment();
                            }
                        } catch (IOException e) {
                            status = "error";
                            failed.increment();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        latencies[recorded.getAndIncrement()] = System.nanoTime() - sent;
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    }
                });
            }
        } finally {
            workers.shutdown();
        }
        long graceNanos = maxDuration.plus(requestTimeout).plusSeconds(1).toNanos();
        if (!workers.awaitTermination(graceNanos, TimeUnit.NANOSECONDS)) {
            workers.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach((status, n) -> counts.put(status, n.sum()));
        int completed = recorded.get();
        return new Measurement(completed, failed.intValue(), counts, java.util.Arrays.copyOf(latencies, completed),
                elapsed, completed < requests);
    }
}
