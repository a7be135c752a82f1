package dev.emporium.testsupport;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Applies {@link ServiceIntegrationTest} to the application context of the test class that carries it. */
class ServiceIntegrationTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        ServiceIntegrationTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                ServiceIntegrationTest.class);
        if (annotation == null) {
            return null;
        }
        return new ServiceIntegrationTestContextCustomizer(testClass, annotation.schema(), annotation.role(),
                annotation.kafka());
    }
}
