package io.glossa.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.testing.CapturedLogs;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class ThreadsTest {
    @Test
    void aFactoryNumbersItsDaemonThreads() {
        ThreadFactory factory = Threads.daemonFactory("store-read");
        Thread first = factory.newThread(() -> {});
        Thread second = factory.newThread(() -> {});
        assertThat(first.getName()).isEqualTo("glossa-store-read-1");
        assertThat(second.getName()).isEqualTo("glossa-store-read-2");
        assertThat(first.isDaemon()).isTrue();
        assertThat(first.getUncaughtExceptionHandler()).isNotSameAs(first.getThreadGroup());
    }

    @Test
    void aSingleThreadKeepsItsExactName() {
        Thread thread = Threads.daemon("outbox-marker", () -> {});
        assertThat(thread.getName()).isEqualTo("glossa-outbox-marker");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.isAlive()).as("not started").isFalse();
    }

    @Test
    void aNameAlreadyPrefixedIsNotPrefixedTwice() {
        assertThat(Threads.daemon("glossa-shutdown", () -> {}).getName()).isEqualTo("glossa-shutdown");
    }

    @Test
    void anUncaughtExceptionIsLoggedWithTheThreadsName() throws InterruptedException {
        try (CapturedLogs logs = CapturedLogs.of(Threads.class)) {
            Thread thread = Threads.daemon("dies", () -> {
                throw new IllegalStateException("boom");
            });
            thread.start();
            thread.join(5_000);
            assertThat(logs.events())
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage())
                            .contains("glossa-dies")
                            .contains("IllegalStateException"));
        }
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> Threads.daemonFactory(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a name");
    }
}
