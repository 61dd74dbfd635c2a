package io.glossa.registry;

/** What model distribution counts; the metrics adapter maps it onto Prometheus. */
public interface ModelMetrics {
    /** This process now predicts with {@code version}. */
    void loaded(String version);

    /** This process refused {@code version} and keeps what it had. */
    void refused(String version);

    ModelMetrics NONE = new ModelMetrics() {
        @Override
        public void loaded(String version) {}

        @Override
        public void refused(String version) {}
    };
}
