package io.glossa.telemetry;

import io.glossa.pipeline.TraceContext;
import io.glossa.pipeline.TracedSpan;
import io.glossa.pipeline.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Tracing} on the OpenTelemetry SDK: spans go through a batch span processor (its own thread, a bounded
 * queue that drops when full, never blocking a request or a job) to an OTLP/HTTP collector, sent with the JDK's
 * HTTP client. Sampling follows the caller: a sampled {@code traceparent} is recorded, an unsampled one is not, and
 * a trace glossa starts is recorded. No global OpenTelemetry instance is set.
 */
public final class OtelTracing implements Tracing {
    private static final Logger LOG = LoggerFactory.getLogger(OtelTracing.class);
    private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(10);

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final OtlpEndpoint endpoint;

    private OtelTracing(SdkTracerProvider provider, OtlpEndpoint endpoint) {
        this.provider = provider;
        this.tracer = provider.get("io.glossa");
        this.endpoint = endpoint;
    }

    /** Starts the SDK and its exporter thread; spans are sent as {@code service.name=serviceName}. */
    public static OtelTracing start(OtlpEndpoint endpoint, String serviceName, String version) {
        SdkLogBridge.install();
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint.toString())
                .setTimeout(EXPORT_TIMEOUT)
                .build();
        Resource resource = Resource.getDefault()
                .merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), serviceName,
                        AttributeKey.stringKey("service.version"), version)));
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(resource)
                .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
                .build();
        LOG.info("tracing: exporting spans as {} to {} (OTLP/HTTP)", serviceName, endpoint);
        return new OtelTracing(provider, endpoint);
    }

    @Override
    public TracedSpan start(Kind kind, String name, TraceContext parent) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(spanKind(kind));
        if (parent == null) {
            builder.setNoParent();
        } else {
            SpanContext remote = SpanContext.createFromRemoteParent(
                    parent.traceId(),
                    parent.spanId(),
                    parent.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(),
                    TraceState.getDefault());
            builder.setParent(Context.root().with(Span.wrap(remote)));
        }
        return new OtelSpan(builder.startSpan());
    }

    @Override
    public boolean enabled() {
        return true;
    }

    /** Exports what the batch processor still holds (bounded), then stops its thread. */
    @Override
    public void close() {
        if (!provider.shutdown()
                .join(SHUTDOWN_LIMIT.toSeconds(), TimeUnit.SECONDS)
                .isSuccess()) {
            LOG.warn("tracing: not every span could be sent to {} before shutdown", endpoint);
        }
    }

    private static SpanKind spanKind(Kind kind) {
        return switch (kind) {
            case SERVER -> SpanKind.SERVER;
            case PRODUCER -> SpanKind.PRODUCER;
            case CONSUMER -> SpanKind.CONSUMER;
        };
    }
}
