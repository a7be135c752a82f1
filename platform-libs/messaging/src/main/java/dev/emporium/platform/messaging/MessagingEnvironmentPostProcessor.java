package dev.emporium.platform.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the starter's Kafka consumer defaults (envelope deserializer behind an error-handling one, a consumer group
 * per service) at the lowest precedence, so that anything a service configures wins.
 */
public class MessagingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "emporiumMessagingDefaults";

    private static final String RESOURCE = "META-INF/emporium/messaging-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader()
                    .load(PROPERTY_SOURCE_NAME, new ClassPathResource(RESOURCE, getClass().getClassLoader()))) {
                environment.getPropertySources().addLast(source);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the messaging defaults from " + RESOURCE, ex);
        }
    }

    /** After the application's own configuration files, so that adding last means lowest. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
