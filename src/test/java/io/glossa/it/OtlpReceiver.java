package io.glossa.it;

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
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The smallest OTLP/HTTP collector: POST /v1/traces with protobuf bodies, on a free loopback port, keeping every
 * span it is sent with its service's name. Bodies that do not parse are answered 400 and kept as failures.
 */
final class OtlpReceiver implements AutoCloseable {
    /** A received span, its ids in lowercase hex as in a {@code traceparent}. */
    record Received(
            String service,
            String name,
            Span.SpanKind kind,
            String traceId,
            String spanId,
            String parentId,
            List<KeyValue> attributes) {
        String attribute(String key) {
            return attributes.stream()
                    .filter(a -> a.getKey().equals(key))
                    .findFirst()
                    .map(a -> a.getValue().hasIntValue()
                            ? String.valueOf(a.getValue().getIntValue())
                            : a.getValue().getStringValue())
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> spans = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> spans() {
        return List.copyOf(spans);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Waits until the spans received so far include ones matching every condition; all spans then. */
    List<Received> await(Duration timeout, List<Predicate<Received>> conditions) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && !conditions.stream().allMatch(c -> spans.stream().anyMatch(c))) {
            Thread.sleep(200);
        }
        return spans();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 405, new byte[0]);
                return;
            }
            try {
                spans.addAll(read(ExportTraceServiceRequest.parseFrom(body)));
            } catch (IOException e) {
                failures.add(e.toString());
                respond(exchange, 400, new byte[0]);
                return;
            }
            respond(
                    exchange,
                    200,
                    ExportTraceServiceResponse.getDefaultInstance().toByteArray());
        }
    }

    private static List<Received> read(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        List<Received> received = new ArrayList<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name"))
                    .map(a -> a.getValue().getStringValue())
                    .findFirst()
                    .orElse("");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    received.add(new Received(
                            service,
                            span.getName(),
                            span.getKind(),
                            hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()),
                            hex.formatHex(span.getParentSpanId().toByteArray()),
                            span.getAttributesList()));
                }
            }
        }
        return received;
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
