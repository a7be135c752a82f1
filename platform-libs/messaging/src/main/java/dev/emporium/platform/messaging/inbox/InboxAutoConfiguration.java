package dev.emporium.platform.messaging.inbox;

import dev.emporium.platform.messaging.MessagingAutoConfiguration;
import dev.emporium.platform.messaging.MessagingDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The inbox for idempotent consumers. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnBean(MessagingDatabase.class)
public class InboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(Inbox.class)
    Inbox inbox(MessagingDatabase database, ObjectProvider<MeterRegistry> registry) {
        return new JdbcInbox(database, registry.getIfAvailable(() -> Metrics.globalRegistry));
    }
}
