/** OpenTelemetry adapter: the {@link io.glossa.pipeline.Tracing} port on the OTel SDK, exporting spans over OTLP/HTTP. */
package io.glossa.telemetry;
