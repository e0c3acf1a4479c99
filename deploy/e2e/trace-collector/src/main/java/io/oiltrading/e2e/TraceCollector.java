package io.oiltrading.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver for the end-to-end suite: {@code POST /v1/traces} with a protobuf
 * {@code ExportTraceServiceRequest} (the services' exporter with {@code protocol=http/protobuf}); every span is
 * appended to the output file as one JSON line: traceId, spanId, parentSpanId, service, name, kind, startNanos,
 * endNanos, statusCode.
 *
 * <pre>java -jar trace-collector.jar PORT FILE</pre>
 */
public final class TraceCollector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final Writer out;

    private TraceCollector(Writer out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java -jar trace-collector.jar PORT FILE");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        TraceCollector collector = new TraceCollector(out);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/v1/traces", collector::handle);
        server.start();
        System.out.println("trace collector listening on 127.0.0.1:" + port + ", writing " + args[1]);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = body(exchange)) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            write(request);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(answer);
                }
            }
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        return "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(in) : in;
    }

    private synchronized void write(ExportTraceServiceRequest request) throws IOException {
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = resourceSpans.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name")).map(KeyValue::getValue)
                    .map(v -> v.getStringValue()).findFirst().orElse("");
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("traceId", hex(span.getTraceId()));
                    line.put("spanId", hex(span.getSpanId()));
                    line.put("parentSpanId", hex(span.getParentSpanId()));
                    line.put("service", service);
                    line.put("name", span.getName());
                    line.put("kind", span.getKind().name());
                    line.put("startNanos", span.getStartTimeUnixNano());
                    line.put("endNanos", span.getEndTimeUnixNano());
                    line.put("statusCode", span.getStatus().getCode().name());
                    out.write(JSON.writeValueAsString(line));
                    out.write('\n');
                }
            }
        }
        out.flush();
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }
}
