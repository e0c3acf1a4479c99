package io.oiltrading.pricefeed.benchmark;

import java.math.BigDecimal;
import java.time.Instant;

/** A benchmark as the API shows it. */
public record BenchmarkResponse(String code, String name, PriceUnit unit, String currency,
                                BigDecimal spikeThresholdSigma, Instant createdAt) {

    static BenchmarkResponse of(Benchmark b) {
        return new BenchmarkResponse(b.code, b.name, b.unit, b.currency, b.spikeThresholdSigma, b.createdAt);
    }
}
