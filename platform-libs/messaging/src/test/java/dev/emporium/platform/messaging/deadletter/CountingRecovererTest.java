package dev.emporium.platform.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Dead letters are counted per failed topic, and only once they are on the dead-letter topic. */
class CountingRecovererTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsEachDeadLetterByTheTopicItFailedOn() {
        List<ConsumerRecord<?, ?>> sent = new ArrayList<>();
        CountingRecoverer recoverer = new CountingRecoverer((record, consumer, exception) -> sent.add(record),
                registry);

        assertThat(count("orders.v1")).as("present before the first dead letter").isZero();
        recoverer.accept(new ConsumerRecord<>("orders.v1", 0, 7L, "key", "value"), null, new RuntimeException());
        recoverer.accept(new ConsumerRecord<>("orders.v1", 1, 3L, "key", "value"), null, new RuntimeException());

        assertThat(sent).hasSize(2);
        assertThat(count("orders.v1")).isEqualTo(2);
        assertThat(count("payments.v1")).isZero();
    }

    @Test
    void aDeadLetterThatCouldNotBeSentIsNotCounted() {
        CountingRecoverer recoverer = new CountingRecoverer((record, consumer, exception) -> {
            throw new IllegalStateException("dead-letter topic unavailable");
        }, registry);

        assertThatIllegalStateException().isThrownBy(() -> recoverer
                .accept(new ConsumerRecord<>("users.v1", 0, 1L, "key", "value"), null, new RuntimeException()));
        assertThat(count("users.v1")).isZero();
    }

    private double count(String topic) {
        return registry.get(CountingRecoverer.METER).tag("topic", topic).counter().count();
    }
}
