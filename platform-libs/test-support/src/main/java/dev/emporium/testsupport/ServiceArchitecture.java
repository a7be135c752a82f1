package dev.emporium.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout rules every service keeps (CONVENTIONS.md): feature packages without cycles, web adapters and
 * controllers that never touch SQL, and no service importing another service's code. A service's architecture test
 * calls {@link #verify(String)} with its root package.
 */
public final class ServiceArchitecture {

    private static final String[] SQL_PACKAGES = { "org.springframework.jdbc..", "java.sql.." };

    /** Named, not imported: the rules must load in services that have no Spring MVC. */
    private static final String CONTROLLER = "org.springframework.stereotype.Controller";

    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";

    private static final List<String> SERVICE_PACKAGES = List.of("dev.emporium.gateway", "dev.emporium.auth",
            "dev.emporium.order", "dev.emporium.payment", "dev.emporium.notification");

    private ServiceArchitecture() {
    }

    /** Checks the production classes under {@code rootPackage} and throws an AssertionError naming each violation. */
    public static void verify(String rootPackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        if (classes.isEmpty()) {
            throw new AssertionError("No classes found under " + rootPackage);
        }
        rules(rootPackage).forEach(rule -> rule.check(classes));
    }

    static List<ArchRule> rules(String rootPackage) {
        String[] otherServices = SERVICE_PACKAGES.stream().filter(pkg -> !pkg.equals(rootPackage))
                .map(pkg -> pkg + "..").toArray(String[]::new);
        return List.of(
                slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                        .as("feature packages of " + rootPackage + " are free of cycles").allowEmptyShould(true),
                noClasses().that().resideInAPackage("..web..").should()
                        .dependOnClassesThat().resideInAnyPackage(SQL_PACKAGES)
                        .as("web adapters do not touch SQL").allowEmptyShould(true),
                // Controllers may sit in their feature package next to the repository, where the rule above does
                // not see them.
                noClasses().that().areAnnotatedWith(REST_CONTROLLER).or().areAnnotatedWith(CONTROLLER)
                        .or().areMetaAnnotatedWith(CONTROLLER).should()
                        .dependOnClassesThat().resideInAnyPackage(SQL_PACKAGES)
                        .as("controllers do not touch SQL").allowEmptyShould(true),
                noClasses().should().dependOnClassesThat().resideInAnyPackage(otherServices)
                        .as(rootPackage + " does not import another service's code"));
    }
}
