package dev.emporium.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WakeupTest {

    private final Wakeup wakeup = new Wakeup();

    @Test
    void aSignalGivenWhileNobodyWaitedEndsTheNextWaitAtOnce() {
        wakeup.signal();

        long start = System.nanoTime();
        wakeup.await(Duration.ofSeconds(10));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void withoutASignalAWaitLastsItsTimeoutAndASignalIsUsedOnce() {
        wakeup.signal();
        wakeup.await(Duration.ofSeconds(10));

        long start = System.nanoTime();
        wakeup.await(Duration.ofMillis(200));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
