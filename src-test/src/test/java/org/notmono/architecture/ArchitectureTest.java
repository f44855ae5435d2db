package org.notmono.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md, checked on the compiled classes of every module:
 * headless packages never touch JavaFX, and dependencies point one way
 * (sim-editor <- viewer, model <- training <- app; viewer and model never meet).
 */
class ArchitectureTest {
    /** Packages that may use JavaFX: user interface code. Everything else is headless. */
    static final String[] UI_PACKAGES = {"..ui..", "..fx..", "..editor..", "org.notmono.app"};

    /** Packages by module. */
    static final String[] SIM_EDITOR = {"org.notmono.audio..", "org.notmono.task..", "org.notmono.cli..", "org.notmono.sim..", "org.notmono.fx.."};
    static final String VIEWER = "org.notmono.viewer..";
    static final String MODEL = "org.notmono.model..";
    static final String TRAINING = "org.notmono.training..";
    static final String APP = "org.notmono.app..";

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.notmono");
    }

    @Test
    void headlessPackagesDoNotUseJavaFx() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(UI_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("headless code runs in the CLI, in training and in tests without a display");
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    void simEditorDependsOnNoHigherModule() {
        noClasses().that().resideInAnyPackage(SIM_EDITOR)
                .should().dependOnClassesThat().resideInAnyPackage(VIEWER, MODEL, TRAINING, APP)
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void viewerAndModelNeverMeet() {
        noClasses().that().resideInAPackage(VIEWER)
                .should().dependOnClassesThat().resideInAnyPackage(MODEL, TRAINING, APP)
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage(MODEL)
                .should().dependOnClassesThat().resideInAnyPackage(VIEWER, TRAINING, APP)
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void trainingDoesNotDependOnTheApp() {
        noClasses().that().resideInAPackage(TRAINING)
                .should().dependOnClassesThat().resideInAPackage(APP)
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void trainingUsesOnlyTheHeadlessViewer() {
        noClasses().that().resideInAPackage(TRAINING)
                .should().dependOnClassesThat().resideInAnyPackage("org.notmono.viewer.ui..")
                .allowEmptyShould(true).check(classes);
    }
}
