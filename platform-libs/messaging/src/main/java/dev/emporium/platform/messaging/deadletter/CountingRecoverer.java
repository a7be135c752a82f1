package dev.emporium.platform.messaging.deadletter;

import dev.emporium.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;

/**
 * Counts the records the error handler sent to a dead-letter topic: {@code emporium.dead.letters{topic}}
 * ({@code emporium_dead_letters_total} on {@code /actuator/prometheus}), {@code topic} being the topic the record
 * failed on. Counted only once the dead-letter topic acknowledged the record; a failed send throws, and the record
 * is retried instead. The domain topics start at zero, so that a rate over the first dead letter is not lost.
 *
 * <p>Consumer-aware, so the recoverer it wraps still sees the consumer (it writes the group id into the dead letter).
 */
final class CountingRecoverer implements ConsumerAwareRecordRecoverer {

    static final String METER = "emporium.dead.letters";

    private final ConsumerAwareRecordRecoverer delegate;

    private final MeterRegistry registry;

    CountingRecoverer(ConsumerAwareRecordRecoverer delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
        Topics.DOMAIN.forEach(this::counter);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
        delegate.accept(record, consumer, exception);
        counter(record.topic()).increment();
    }

    private Counter counter(String topic) {
        return Counter.builder(METER)
                .description("Records sent to their topic's dead-letter topic after failing, by the topic they failed on")
                .tag("topic", topic)
                .register(registry);
    }
}
