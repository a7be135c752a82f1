package dev.emporium.auth.accesstoken;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Rotates the signing key when it is due: at start-up (which also creates the very first key) and then every
 * {@code emporium.auth.key-rotation-check-interval} on every instance; {@link SigningKeys} makes the instances
 * agree. Keys whose tokens have all expired are deleted on the same schedule.
 */
@Configuration(proxyBeanMethods = false)
class KeyRotation implements ApplicationRunner, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final SigningKeys signingKeys;

    private final KeyProperties properties;

    KeyRotation(SigningKeys signingKeys, KeyProperties properties) {
        this.signingKeys = signingKeys;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        this.signingKeys.rotateIfDue(this.properties.keyRotationInterval());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        // The first run waits one interval: the start-up check has just happened.
        registrar.addFixedDelayTask(new FixedDelayTask(this::rotateIfDue, this.properties.keyRotationCheckInterval(),
                this.properties.keyRotationCheckInterval()));
    }

    private void rotateIfDue() {
        try {
            this.signingKeys.rotateIfDue(this.properties.keyRotationInterval());
            this.signingKeys.deleteExpiredKeys();
        }
        catch (RuntimeException ex) {
            // The next run tries again; until then the current key keeps signing, which is safe.
            log.warn("Signing key rotation check failed", ex);
        }
    }

}
