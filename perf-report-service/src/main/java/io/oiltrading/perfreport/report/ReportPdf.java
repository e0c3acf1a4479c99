package io.oiltrading.perfreport.report;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.oiltrading.perfreport.analysis.AlertsView;
import io.oiltrading.perfreport.analysis.Bottlenecks;
import io.oiltrading.perfreport.analysis.Summary;
import io.oiltrading.perfreport.analysis.Trends;
import io.oiltrading.perfreport.cluster.ClusterView;
import io.oiltrading.perfreport.source.Prometheus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * A report as PDF: sources, per service figures, the busiest endpoints, charts of p95 latency and throughput over
 * the period (JFreeChart, embedded as PNG), bottlenecks, alerts and pods.
 */
public final class ReportPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 8);
    static final int TOP_ENDPOINTS = 15;

    private ReportPdf() {
    }

    public static byte[] render(Report r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.addTitle("Performance report " + r.from() + " to " + r.to());
        doc.open();
        doc.add(new Paragraph("Oil Trading Platform performance report (" + r.kind() + ")", TITLE));
        doc.add(new Paragraph(r.from() + " to " + r.to() + ", generated " + r.generatedAt(), BODY));
        section(doc, "Sources");
        table(doc, new String[] {"source", "state"}, r.sources().entrySet().stream()
                .map(e -> new String[] {e.getKey(), e.getValue()}).toList());
        Summary s = r.summary();
        if (s != null) {
            section(doc, "Services over the period (" + s.window() + ")");
            table(doc, new String[] {"service", "req/s", "p50 s", "p95 s", "p99 s", "errors", "CPU", "heap MiB", "DB pool"},
                    s.services().stream().map(f -> new String[] {f.service(), num(f.requestsPerSecond()), num(f.p50Seconds()),
                            num(f.p95Seconds()), num(f.p99Seconds()), pct(f.errorRatio()), pct(f.cpuRatio()),
                            f.heapUsedBytes() == null ? "" : "%.0f".formatted(f.heapUsedBytes() / 1048576), pct(f.dbPoolUsageRatio())}).toList());
            section(doc, "Busiest endpoints");
            table(doc, new String[] {"service", "endpoint", "req/s", "p95 s", "p99 s", "errors"},
                    s.endpoints().stream().limit(TOP_ENDPOINTS).map(f -> new String[] {f.service(), f.method() + " " + f.uri(),
                            num(f.requestsPerSecond()), num(f.p95Seconds()), num(f.p99Seconds()), pct(f.errorRatio())}).toList());
        }
        Trends t = r.trends();
        if (t != null) {
            chart(doc, t, "p95Seconds", "p95 latency", "seconds");
            chart(doc, t, "requestsPerSecond", "Throughput", "requests per second");
        }
        Bottlenecks b = r.bottlenecks();
        if (b != null) {
            section(doc, "Bottlenecks");
            doc.add(new Paragraph("Thresholds: " + b.thresholds().description(), BODY));
            table(doc, new String[] {"kind", "service", "subject", "detail"}, b.findings().stream()
                    .map(f -> new String[] {f.kind(), f.service(), f.subject(), f.detail()}).toList());
        }
        AlertsView a = r.alerts();
        if (a != null) {
            section(doc, "Alerts");
            table(doc, new String[] {"alert", "state", "severity", "service", "since"}, a.prometheus().stream()
                    .map(e -> new String[] {e.name(), e.state(), e.severity(), e.service(), e.since()}).toList());
        }
        ClusterView.Snapshot k = r.kubernetes();
        if (k != null && k.available()) {
            section(doc, "Pods in " + k.namespace());
            table(doc, new String[] {"pod", "service", "phase", "ready", "restarts", "requests", "limits"}, k.pods().stream()
                    .map(p -> new String[] {p.name(), p.service(), p.phase(), Boolean.toString(p.ready()),
                            Integer.toString(p.restarts()), p.requests().toString(), p.limits().toString()}).toList());
        }
        doc.close();
        return out.toByteArray();
    }

    private static void chart(Document doc, Trends trends, String metric, String title, String axis) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (Trends.Trend trend : trends.trends()) {
            if (trend.metric().equals(metric)) {
                TimeSeries series = new TimeSeries(trend.service());
                for (Prometheus.Point p : trend.points()) {
                    if (Double.isFinite(p.value())) {
                        series.addOrUpdate(new Millisecond(Date.from(p.at())), p.value());
                    }
                }
                data.addSeries(series);
            }
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "time (UTC)", axis, data, true, false, false);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, 520, 240);
            Image image = Image.getInstance(png.toByteArray());
            image.scaleToFit(520, 240);
            section(doc, title);
            doc.add(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(Document doc, String title) {
        Paragraph p = new Paragraph(title, HEADING);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static void table(Document doc, String[] header, java.util.List<String[]> rows) {
        PdfPTable t = new PdfPTable(header.length);
        t.setWidthPercentage(100);
        for (String h : header) {
            t.addCell(new PdfPCell(new Phrase(h, HEADING)));
        }
        for (String[] row : rows) {
            for (String cell : row) {
                t.addCell(new PdfPCell(new Phrase(cell == null ? "" : cell, BODY)));
            }
        }
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("none", BODY));
            none.setColspan(header.length);
            t.addCell(none);
        }
        doc.add(t);
    }

    private static String num(Double v) {
        return v == null ? "" : "%.3f".formatted(v);
    }

    private static String pct(Double v) {
        return v == null ? "" : "%.1f %%".formatted(v * 100);
    }
}
