package io.oiltrading.perfreport.benchmark;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * A bounded load: {@code requests} GETs of {@code path} on one platform service, {@code concurrency} at a time.
 * The path is relative to the service; a host, a scheme or a climb out of the service's root is refused.
 */
public record BenchmarkRequest(
        @NotNull PlatformService service,
        @NotNull @Pattern(regexp = "/(api|health)(/[A-Za-z0-9_.~%=&?,:-]*)*",
                message = "a path under /api or /health of the service") String path,
        @NotNull @Positive Integer requests,
        @NotNull @Positive Integer concurrency) {
}
