package dev.emporium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class ServiceArchitectureTest {

    private static final String ROOT = "dev.emporium.testsupport.fixture";

    @Test
    void aWellLaidOutServicePasses() {
        JavaClasses classes = new ClassFileImporter().importPackages(ROOT + ".good");
        ServiceArchitecture.rules(ROOT + ".good").forEach(rule -> rule.check(classes));
    }

    @Test
    void cyclesAndSqlInWebAdaptersAreReported() {
        JavaClasses classes = new ClassFileImporter().importPackages(ROOT + ".bad");
        assertThat(ServiceArchitecture.rules(ROOT + ".bad")).anySatisfy(rule ->
                assertThatThrownBy(() -> rule.check(classes)).hasMessageContaining("cycles"));
        assertThat(ServiceArchitecture.rules(ROOT + ".bad")).anySatisfy(rule ->
                assertThatThrownBy(() -> rule.check(classes)).hasMessageContaining("web adapters do not touch SQL"));
    }

    @Test
    void controllersThatTouchSqlAreReportedWhereverTheySit() {
        JavaClasses classes = new ClassFileImporter().importPackages(ROOT + ".bad");

        assertThat(ServiceArchitecture.rules(ROOT + ".bad"))
                .filteredOn(rule -> rule.getDescription().equals("controllers do not touch SQL"))
                .singleElement()
                .satisfies(rule -> assertThatThrownBy(() -> rule.check(classes))
                        .hasMessageContaining("ReportController")
                        .hasMessageContaining("ExportController")
                        .hasMessageNotContaining("SqlController"));
    }

    @Test
    void aServiceImportingAnotherServicesCodeIsReported() {
        assertThat(ServiceArchitecture.rules("dev.emporium.order")).anySatisfy(rule -> assertThat(rule.getDescription())
                .isEqualTo("dev.emporium.order does not import another service's code"));
    }

    @Test
    void anEmptyPackageIsAMistakeNotAPass() {
        assertThatThrownBy(() -> ServiceArchitecture.verify("dev.emporium.nothing.here"))
                .isInstanceOf(AssertionError.class);
    }
}
