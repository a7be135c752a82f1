package dev.emporium.platform.messaging;

import java.time.Clock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared part of the messaging starter: where its tables are (and creating them), the envelope's JSON, the event
 * schemas and housekeeping. The outbox, inbox and dead-letter handling build on it in their own packages.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    /** The bean Spring Boot's Flyway support migrates the service's own schema with. */
    private static final String SERVICE_FLYWAY_INITIALIZER = "flywayInitializer";

    @Bean
    MessagingDatabase messagingDatabase(DataSource dataSource, MessagingProperties properties, Environment environment,
            BeanFactory beans) {
        MessagingDatabase database = new MessagingDatabase(dataSource, schema(properties, environment, dataSource));
        if (properties.migrate()) {
            // The service's migrations go first: Flyway refuses to start a history in a schema that already holds
            // tables unless told to baseline, and the service's own history must not be the one that baselines.
            if (beans.containsBean(SERVICE_FLYWAY_INITIALIZER)) {
                beans.getBean(SERVICE_FLYWAY_INITIALIZER);
            }
            database.migrate();
        }
        log.info("Messaging tables in schema '{}' (outbox, inbox, dead_letter_replay)", database.schema());
        return database;
    }

    @Bean
    @ConditionalOnMissingBean
    EventEnvelopeJson eventEnvelopeJson(ObjectProvider<JsonMapper> jsonMapper) {
        return new EventEnvelopeJson(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    @Bean
    @ConditionalOnMissingBean
    EventSchemas eventSchemas() {
        return new EventSchemas();
    }

    @Bean
    MessagingHousekeeping messagingHousekeeping(MessagingDatabase database, MessagingProperties properties,
            ObjectProvider<Clock> clock) {
        return new MessagingHousekeeping(database, properties.housekeeping(), clock.getIfAvailable(Clock::systemUTC));
    }

    /** The envelope's {@code source}: the service's name unless set explicitly. */
    public static String source(MessagingProperties properties, Environment environment) {
        String source = StringUtils.hasText(properties.source()) ? properties.source()
                : environment.getProperty("spring.application.name");
        if (!StringUtils.hasText(source)) {
            throw new IllegalStateException("Set spring.application.name (or emporium.messaging.source): every event"
                    + " envelope names the service that produced it");
        }
        return source;
    }

    private static String schema(MessagingProperties properties, Environment environment, DataSource dataSource) {
        String[] candidates = { properties.schema(), environment.getProperty("spring.flyway.default-schema"),
                environment.getProperty("spring.datasource.hikari.schema") };
        for (String candidate : candidates) {
            if (StringUtils.hasText(candidate)) {
                return candidate.trim();
            }
        }
        String current = JdbcClient.create(dataSource).sql("select current_schema()").query(String.class).optional()
                .orElse(null);
        if (!StringUtils.hasText(current)) {
            throw new IllegalStateException("Set emporium.messaging.schema (or spring.flyway.default-schema): the"
                    + " connection has no current schema to put the messaging tables in");
        }
        return current;
    }
}
