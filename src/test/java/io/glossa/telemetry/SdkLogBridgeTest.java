package io.glossa.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SdkLogBridgeTest {
    @Test
    void theSdksJulRecordsBecomeOneLineInGlossasLog() {
        Logger target = (Logger) LoggerFactory.getLogger("io.opentelemetry.exporter.test");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        target.addAppender(lines);
        try {
            SdkLogBridge.install();
            SdkLogBridge.install(); // once only: no line twice
            java.util.logging.Logger.getLogger("io.opentelemetry.exporter.test")
                    .log(java.util.logging.Level.SEVERE, "Failed to export 3 spans.", new ConnectException("refused"));

            assertThat(lines.list).singleElement().satisfies(line -> {
                assertThat(line.getLevel()).isEqualTo(Level.WARN);
                assertThat(line.getFormattedMessage())
                        .isEqualTo("tracing: Failed to export 3 spans. (java.net.ConnectException: refused)");
            });
        } finally {
            target.detachAppender(lines);
        }
    }
}
