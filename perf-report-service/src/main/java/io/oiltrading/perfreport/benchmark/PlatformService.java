package io.oiltrading.perfreport.benchmark;

import io.oiltrading.perfreport.config.PerfReportConfig;
import java.net.URI;

/** The platform's services: the only hosts a benchmark may send load to. */
public enum PlatformService {
    TRADING,
    PRICEFEED,
    RISK,
    SETTLEMENT,
    PERF_REPORT;

    public URI baseUrl(PerfReportConfig.Services services) {
        return switch (this) {
            case TRADING -> services.trading();
            case PRICEFEED -> services.pricefeed();
            case RISK -> services.risk();
            case SETTLEMENT -> services.settlement();
            case PERF_REPORT -> services.perfReport();
        };
    }
}
