package com.posterincust;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

/**
 * The structure of docs/architecture.md, held by a test: feature packages without import cycles, meeting through
 * seams (never another feature's repository or controller), the shared parts knowing no feature, inCust's assumed wire shapes inside its adapter, and the engine's internals only in engine
 * plugins (so that a move to Operaton stays a rename).
 */
@AnalyzeClasses(packages = "com.posterincust", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("com.posterincust.(*)..")
            .should().beFreeOfCycles();

    /**
     * A feature offers what others may ask of it in a small class of its own ({@code Installations}, {@code Bindings},
     * {@code Checkouts}, {@code IdentifiedGuests}, …): its tables and HTTP surface stay its own.
     */
    @ArchTest
    static final ArchRule featuresMeetThroughSeams = classes().that().resideInAPackage("com.posterincust..")
            .should(new ArchCondition<JavaClass>("not use another feature's repository or controller") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                        JavaClass target = topLevel(dependency.getTargetClass());
                        if (target.getPackageName().startsWith("com.posterincust.")
                                && !featureOf(target).equals(featureOf(item))
                                && (target.getSimpleName().endsWith("Repository")
                                || target.getSimpleName().endsWith("Controller"))) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

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

    private static JavaClass topLevel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    /** {@code com.posterincust.checkout.CheckoutService} → {@code checkout}. */
    private static String featureOf(JavaClass type) {
        String name = type.getPackageName();
        String rest = name.length() > "com.posterincust.".length() ? name.substring("com.posterincust.".length()) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
