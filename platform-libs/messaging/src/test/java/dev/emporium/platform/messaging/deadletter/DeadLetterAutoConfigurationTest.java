package dev.emporium.platform.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.emporium.platform.messaging.MessagingDatabase;
import dev.emporium.platform.messaging.MessagingProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** The error handling every listener gets, and the admin endpoint only where a service asks for it. */
class DeadLetterAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DeadLetterAutoConfiguration.class))
            .withUserConfiguration(Infrastructure.class);

    @Test
    void everyListenerGetsBoundedRetriesAndADeadLetterTopic() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DefaultErrorHandler.class).hasSingleBean(DeadLetters.class);
            assertThat(context).as("Spring Boot's own KafkaTemplate is left alone").doesNotHaveBean(KafkaTemplate.class);
        });
    }

    @Test
    void aServicesOwnErrorHandlerWins() {
        runner.withBean(CommonErrorHandler.class, CommonLoggingErrorHandler::new)
                .run(context -> assertThat(context).doesNotHaveBean(DefaultErrorHandler.class));
    }

    @Test
    void theAdminEndpointIsThereOnlyWhenTheServiceEnablesIt() {
        WebApplicationContextRunner web = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DeadLetterAutoConfiguration.class))
                .withUserConfiguration(Infrastructure.class);

        web.run(context -> assertThat(context).doesNotHaveBean(DeadLetterController.class));
        web.withPropertyValues("emporium.messaging.dead-letters.endpoint-enabled=true")
                .run(context -> assertThat(context).hasSingleBean(DeadLetterController.class));
        runner.withPropertyValues("emporium.messaging.dead-letters.endpoint-enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(DeadLetterController.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MessagingProperties.class)
    static class Infrastructure {

        @Bean
        MessagingDatabase messagingDatabase() {
            return new MessagingDatabase(new SimpleDriverDataSource(), "payments");
        }

        @Bean
        ProducerFactory<Object, Object> producerFactory() {
            return new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"));
        }

        @Bean
        ConsumerFactory<Object, Object> consumerFactory() {
            return new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"));
        }
    }
}
