package dev.emporium.auth.accesstoken;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The service refuses to start without a usable key-encryption key, and says which property to fix. */
class KeyPropertiesTest {

    private static final String VALID_KEY = "dGVzdC1vbmx5IGtleS1lbmNyeXB0aW9uIGtleSAzMmI=";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
        .withUserConfiguration(BindKeyProperties.class);

    @Test
    void startupFailsWhenTheKeyIsMissing() {
        this.context.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("emporium.auth.key-encryption-key")
                .hasMessageContaining("not set");
        });
    }

    @Test
    void startupFailsWhenTheKeyIsMalformed() {
        this.context.withPropertyValues("emporium.auth.key-encryption-key=c2hvcnQ=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("emporium.auth.key-encryption-key")
                .hasMessageNotContaining("c2hvcnQ=");
        });
    }

    @Test
    void aValidKeyBindsWithTheDefaultRotationInterval() {
        this.context.withPropertyValues("emporium.auth.key-encryption-key=" + VALID_KEY).run(context -> {
            assertThat(context).hasNotFailed();
            KeyProperties properties = context.getBean(KeyProperties.class);
            assertThat(properties.keyRotationInterval()).isEqualTo(Duration.ofDays(30));
            assertThat(properties.toString()).doesNotContain(VALID_KEY);
        });
    }

    @Test
    void theRotationIntervalIsConfigurable() {
        this.context
            .withPropertyValues("emporium.auth.key-encryption-key=" + VALID_KEY,
                    "emporium.auth.key-rotation-interval=7d")
            .run(context -> assertThat(context.getBean(KeyProperties.class).keyRotationInterval())
                .isEqualTo(Duration.ofDays(7)));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(KeyProperties.class)
    static class BindKeyProperties {

    }

}
