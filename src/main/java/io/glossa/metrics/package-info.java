/** The metrics adapter: Micrometer meters behind the pipeline's and registry's metrics ports, for Prometheus at /metrics. */
package io.glossa.metrics;
