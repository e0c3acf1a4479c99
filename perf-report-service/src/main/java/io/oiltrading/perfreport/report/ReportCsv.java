package io.oiltrading.perfreport.report;

import io.oiltrading.perfreport.analysis.Summary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A report's summary as CSV: one row per service, then one per endpoint; an empty cell where there is no data. */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static String render(Report report) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("scope", "service", "method", "uri", "requests_per_second",
                "p50_seconds", "p95_seconds", "p99_seconds", "error_ratio", "cpu_ratio", "heap_used_bytes",
                "db_pool_usage_ratio", "period_from", "period_to").get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            Summary s = report.summary();
            if (s != null) {
                for (Summary.ServiceFigures f : s.services()) {
                    csv.printRecord("service", f.service(), "", "", f.requestsPerSecond(), f.p50Seconds(), f.p95Seconds(),
                            f.p99Seconds(), f.errorRatio(), f.cpuRatio(), f.heapUsedBytes(), f.dbPoolUsageRatio(),
                            report.from(), report.to());
                }
                for (Summary.EndpointFigures f : s.endpoints()) {
                    csv.printRecord("endpoint", f.service(), f.method(), f.uri(), f.requestsPerSecond(), f.p50Seconds(),
                            f.p95Seconds(), f.p99Seconds(), f.errorRatio(), "", "", "", report.from(), report.to());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
