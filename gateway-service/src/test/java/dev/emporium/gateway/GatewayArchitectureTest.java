package dev.emporium.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "dev.emporium.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

	@ArchTest
	static final ArchRule featuresAreIndependent = slices().matching("dev.emporium.gateway.(*)..")
		.should()
		.notDependOnEachOther();

	@ArchTest
	static final ArchRule noOtherServicesCode = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.emporium.auth..", "dev.emporium.order..", "dev.emporium.payment..",
				"dev.emporium.notification..");

}
