package dev.emporium.platform.messaging.outbox;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import dev.emporium.platform.messaging.MessagingAutoConfiguration;
import dev.emporium.platform.messaging.MessagingDatabase;
import dev.emporium.platform.messaging.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ProducerFactory;

/** The outbox a service appends to, and the relay that publishes it. */
@AutoConfiguration(after = MessagingAutoConfiguration.class,
        afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnBean(MessagingDatabase.class)
public class OutboxAutoConfiguration {

    private static final AtomicInteger RELAYS = new AtomicInteger();

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.opentelemetry.api.trace.Span")
    static class OpenTelemetryTracing {

        @Bean
        @ConditionalOnMissingBean(TraceContext.class)
        TraceContext openTelemetryTraceContext() {
            return new OpenTelemetryTraceContext();
        }
    }

    @Bean
    @ConditionalOnMissingBean(TraceContext.class)
    TraceContext noTraceContext() {
        return TraceContext.NONE;
    }

    /** Kept up to date by the relay, so present only where one runs. */
    @Bean
    @ConditionalOnBooleanProperty(name = "emporium.messaging.relay.enabled", matchIfMissing = true)
    OutboxMetrics outboxMetrics(MessagingDatabase database, ObjectProvider<MeterRegistry> registry,
            ObjectProvider<Clock> clock) {
        return new OutboxMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry), database,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean(Outbox.class)
    Outbox outbox(MessagingDatabase database, EventEnvelopeJson json, EventSchemas schemas,
            MessagingProperties properties, Environment environment, TraceContext traces, ObjectProvider<Clock> clock) {
        return new JdbcOutbox(database, json, schemas, properties.outbox().validate(),
                MessagingAutoConfiguration.source(properties, environment), traces,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "emporium.messaging.relay.enabled", matchIfMissing = true)
    @ConditionalOnBean(ProducerFactory.class)
    OutboxRelay outboxRelay(MessagingDatabase database, ProducerFactory<?, ?> producerFactory, TraceContext traces,
            OutboxMetrics metrics, MessagingProperties properties) {
        return new OutboxRelay("outbox-relay-" + RELAYS.incrementAndGet(), database,
                producerFactory.getConfigurationProperties(), traces, metrics, properties.relay());
    }
}
