/** Micrometer meters of the pipeline, exported for Prometheus at /metrics. */
package io.glossa.metrics;
