package dev.emporium.payment.psp;

import java.net.http.HttpClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The provider's HTTP client (JDK HttpClient, HTTP/1.1, with connect and read timeouts as each attempt's time limit),
 * the retry and the circuit breaker named {@value #NAME}, and their meters ({@code resilience4j_circuitbreaker_*},
 * {@code resilience4j_retry_*} on {@code /actuator/prometheus}). Every HTTP attempt is observed, which times it as
 * {@code http_client_requests_seconds{client_name, uri, status, outcome}}: the provider's own latency, where the
 * breaker's {@code resilience4j_circuitbreaker_calls_seconds} times a whole call with its retries.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PspProperties.class)
class PspConfiguration {

    /** The name of the breaker and the retry, the {@code name} tag of their meters. */
    static final String NAME = "psp";

    private static final Logger log = LoggerFactory.getLogger(PspConfiguration.class);

    private final ObservationRegistry observations;

    @Autowired
    PspConfiguration(ObjectProvider<ObservationRegistry> observations) {
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    /** Without observations: for tests that build the provider on its own. */
    PspConfiguration() {
        this.observations = ObservationRegistry.NOOP;
    }

    @Bean
    CircuitBreakerRegistry pspCircuitBreakerRegistry(PspProperties properties) {
        PspProperties.CircuitBreaker settings = properties.circuitBreaker();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .build());
    }

    @Bean
    CircuitBreaker pspCircuitBreaker(CircuitBreakerRegistry registry) {
        CircuitBreaker breaker = registry.circuitBreaker(NAME);
        breaker.getEventPublisher().onStateTransition(event -> log.warn("Payment provider circuit breaker: {}",
                event.getStateTransition()));
        return breaker;
    }

    @Bean
    RetryRegistry pspRetryRegistry(PspProperties properties) {
        PspProperties.Retry settings = properties.retry();
        return RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(),
                        settings.multiplier(), settings.maxBackoff()))
                // Declines and other definite answers are outcomes, not failures: only these are repeated.
                .retryExceptions(ProviderUnavailableException.class)
                .build());
    }

    @Bean
    MeterBinder pspCircuitBreakerMetrics(CircuitBreakerRegistry registry) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry);
    }

    @Bean
    MeterBinder pspRetryMetrics(RetryRegistry registry) {
        return TaggedRetryMetrics.ofRetryRegistry(registry);
    }

    @Bean
    PaymentProvider paymentProvider(PspProperties properties, CircuitBreaker pspCircuitBreaker,
            RetryRegistry pspRetryRegistry) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        RestClient http = RestClient.builder()
                .baseUrl(properties.baseUrl().toString())
                .requestFactory(requests)
                .observationRegistry(observations)
                .build();
        log.info("Payment provider at {} (time limit {} per attempt, at most {} per call)", properties.baseUrl(),
                properties.connectTimeout().plus(properties.readTimeout()), properties.longestCall());
        return new PaymentProvider(http, pspCircuitBreaker, pspRetryRegistry.retry(NAME));
    }
}
