package dev.emporium.platform.messaging.deadletter;

import dev.emporium.platform.messaging.MessagingAutoConfiguration;
import dev.emporium.platform.messaging.MessagingDatabase;
import dev.emporium.platform.messaging.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Error handling for every {@code @KafkaListener} of the service (Spring Boot's listener container factory picks up
 * the {@link CommonErrorHandler}): bounded retries with exponential back-off, then the record goes to
 * {@code <topic>.DLT} on the same partition and the consumer goes on. Records that cannot be deserialised are not
 * retried. Every record sent there is counted ({@link CountingRecoverer}). Plus the API to list and replay dead
 * letters.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class,
        afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnBean({ MessagingDatabase.class, ProducerFactory.class, ConsumerFactory.class })
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetterKafka deadLetterKafka(ProducerFactory<?, ?> producerFactory, ConsumerFactory<?, ?> consumerFactory) {
        return new DeadLetterKafka(producerFactory.getConfigurationProperties(),
                consumerFactory.getConfigurationProperties());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(DeadLetterKafka kafka, MessagingProperties properties,
            ObjectProvider<MeterRegistry> registry) {
        MessagingProperties.Consumer settings = properties.consumer();
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(kafka.template(),
                (record, exception) -> new TopicPartition(DeadLetters.deadLetterTopic(record.topic()),
                        record.partition()));
        CountingRecoverer recoverer = new CountingRecoverer(publisher,
                registry.getIfAvailable(() -> Metrics.globalRegistry));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.retries());
        backOff.setInitialInterval(settings.initialInterval().toMillis());
        backOff.setMultiplier(settings.multiplier());
        backOff.setMaxInterval(settings.maxInterval().toMillis());
        return new DefaultErrorHandler(recoverer, backOff);
    }

    @Bean
    DeadLetters deadLetters(DeadLetterKafka kafka, MessagingDatabase database, MessagingProperties properties) {
        return new DeadLetters(kafka, database, properties.deadLetters().readTimeout());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    @ConditionalOnBooleanProperty("emporium.messaging.dead-letters.endpoint-enabled")
    static class AdminEndpoint {

        @Bean
        DeadLetterController deadLetterController(DeadLetters deadLetters) {
            return new DeadLetterController(deadLetters);
        }
    }
}
