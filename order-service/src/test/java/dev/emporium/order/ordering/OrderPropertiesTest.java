package dev.emporium.order.ordering;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class OrderPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void defaultsToAFiveMinuteTimeoutCheckedEveryTenSeconds() {
        context.run(started -> {
            OrderProperties properties = started.getBean(OrderProperties.class);
            assertThat(properties.paymentTimeout()).isEqualTo(Duration.ofMinutes(5));
            assertThat(properties.paymentTimeoutCheckInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.paymentTimeoutBatchSize()).isEqualTo(100);
            assertThat(properties.idempotencyKeyRetention()).isEqualTo(Duration.ofHours(24));
        });
    }

    @Test
    void bindsDurationsAsOperatorsWriteThem() {
        context.withPropertyValues("emporium.order.payment-timeout=90s",
                "emporium.order.payment-timeout-check-interval=500ms").run(started -> {
                    OrderProperties properties = started.getBean(OrderProperties.class);
                    assertThat(properties.paymentTimeout()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(properties.paymentTimeoutCheckInterval()).isEqualTo(Duration.ofMillis(500));
                });
    }

    @Test
    void refusesToStartWithABadValueAndNamesTheProperty() {
        for (String bad : new String[] { "emporium.order.payment-timeout=0s",
                "emporium.order.payment-timeout-check-interval=-1s", "emporium.order.payment-timeout-batch-size=0",
                "emporium.order.idempotency-key-retention=0h" }) {
            String property = bad.substring(0, bad.indexOf('='));
            context.withPropertyValues(bad).run(started -> assertThat(started).hasFailed()
                    .getFailure().rootCause().hasMessageStartingWith(property + " must be"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OrderProperties.class)
    static class Settings {
    }
}
