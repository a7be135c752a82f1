package dev.emporium.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import dev.emporium.platform.messaging.MessagingDatabase;
import dev.emporium.platform.messaging.MessagingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Which outbox beans a service gets, without a database: the wiring only. */
class OutboxAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
            .withUserConfiguration(Properties.class)
            .withBean(MessagingDatabase.class, () -> new MessagingDatabase(new SimpleDriverDataSource(), "orders"))
            .withBean(EventEnvelopeJson.class, EventEnvelopeJson::plain)
            .withBean(EventSchemas.class, EventSchemas::new)
            .withPropertyValues("spring.application.name=order-service", "emporium.messaging.relay.enabled=false");

    @Test
    void withTheOpenTelemetryApiTheTraceIsReadFromIt() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Outbox.class);
            assertThat(context.getBean(TraceContext.class)).isInstanceOf(OpenTelemetryTraceContext.class);
        });
    }

    @Test
    void withoutTheOpenTelemetryApiEventsCarryNoTrace() {
        runner.withClassLoader(new FilteredClassLoader("io.opentelemetry")).run(context -> {
            assertThat(context).hasSingleBean(Outbox.class);
            assertThat(context.getBean(TraceContext.class)).isSameAs(TraceContext.NONE);
        });
    }

    @Test
    void aReplicaCanRunWithoutARelay() {
        runner.run(context -> assertThat(context).doesNotHaveBean(OutboxRelay.class).doesNotHaveBean(OutboxMetrics.class));
    }

    @Test
    void anEnvelopeNeedsToNameItsSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
                .withUserConfiguration(Properties.class)
                .withBean(MessagingDatabase.class, () -> new MessagingDatabase(new SimpleDriverDataSource(), "orders"))
                .withBean(EventEnvelopeJson.class, EventEnvelopeJson::plain)
                .withBean(EventSchemas.class, EventSchemas::new)
                .withPropertyValues("emporium.messaging.relay.enabled=false")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("spring.application.name"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MessagingProperties.class)
    static class Properties {
    }
}
