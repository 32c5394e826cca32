package com.posterincust;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

/**
 * The structure of docs/architecture.md, held by a test: feature packages without import cycles, the shared parts
 * knowing no feature, inCust's assumed wire shapes inside its adapter, and the engine's internals only in engine
 * plugins (so that a move to Operaton stays a rename).
 */
@AnalyzeClasses(packages = "com.posterincust", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("com.posterincust.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theSharedPartsKnowNoFeature = noClasses().that().resideInAPackage("com.posterincust.common..")
            .should().dependOnClassesThat().resideInAnyPackage("com.posterincust.authorization..",
                    "com.posterincust.binding..", "com.posterincust.checkout..", "com.posterincust.incust..",
                    "com.posterincust.installation..", "com.posterincust.owner..", "com.posterincust.poster..",
                    "com.posterincust.register..", "com.posterincust.reversal..", "com.posterincust.sandbox..",
                    "com.posterincust.security..");

    @ArchTest
    static final ArchRule incustWireShapesStayInTheAdapter = classes().that().haveSimpleNameStartingWith("IncustWire")
            .should().onlyBeAccessed().byClassesThat().resideInAPackage("com.posterincust.incust");

    @ArchTest
    static final ArchRule nothingButTheSandboxUsesTheSandbox = noClasses().that()
            .resideOutsideOfPackage("com.posterincust.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("com.posterincust.sandbox..");

    @ArchTest
    static final ArchRule engineInternalsOnlyInEnginePlugins = noClasses().that()
            .areNotAssignableTo(AbstractProcessEnginePlugin.class).and().areNotNestedClasses()
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..");
}
