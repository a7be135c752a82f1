package dev.emporium.notification.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    /**
     * Opens when too many recent SMTP calls failed, so that an SMTP outage costs one quick refusal per e-mail
     * instead of a connection timeout each, and lets one trial call through after {@code open-duration}.
     */
    @Bean
    CircuitBreaker smtpCircuitBreaker(DeliveryProperties properties) {
        DeliveryProperties.Breaker settings = properties.breaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
            .failureRateThreshold(settings.failureRateThreshold())
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(settings.slidingWindowSize())
            .minimumNumberOfCalls(settings.minimumCalls())
            .waitDurationInOpenState(settings.openDuration())
            .permittedNumberOfCallsInHalfOpenState(1)
            .recordExceptions(MailException.class)
            .build();
        return CircuitBreaker.of("smtp", config);
    }

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry registry, CircuitBreaker smtpCircuitBreaker) {
        return new DeliveryMetrics(registry, smtpCircuitBreaker);
    }

    @Bean
    MailDelivery mailDelivery(DeliveryRepository repository, JavaMailSender mailSender,
            CircuitBreaker smtpCircuitBreaker, DeliveryProperties properties, PlatformTransactionManager transactions,
            DeliveryMetrics metrics) {
        return new MailDelivery(repository, mailSender, smtpCircuitBreaker, properties,
                new TransactionTemplate(transactions), metrics);
    }

}
