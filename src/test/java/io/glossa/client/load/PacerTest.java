package io.glossa.client.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Spacing submissions at a rate that changes under way. */
class PacerTest {
    @Test
    void noLimitNeverWaitsAndStillCounts() throws Exception {
        Pacer pacer = Pacer.fixed(0);
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            pacer.await(50);
        }
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        assertThat(pacer.sent()).isEqualTo(50_000);
    }

    @Test
    void aRateSpacesTheCallsByTheirTexts() throws Exception {
        Pacer pacer = Pacer.fixed(1000);
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            pacer.await(50); // due at 0, 50, 100, 150 ms
        }
        assertThat((System.nanoTime() - start) / 1e6).isGreaterThanOrEqualTo(150);
    }

    @Test
    void aNewRateTakesEffectAtTheNextCall() throws Exception {
        AtomicReference<Double> rate = new AtomicReference<>(1_000_000.0);
        Pacer pacer = new Pacer(rate::get);
        pacer.await(10);
        pacer.await(10);
        rate.set(100.0);
        long start = System.nanoTime();
        pacer.await(10); // books 100 ms at the new rate
        pacer.await(10); // so this one waits for them
        assertThat((System.nanoTime() - start) / 1e6).isGreaterThanOrEqualTo(95);
        assertThat(pacer.rate()).isEqualTo(100);
    }
}
