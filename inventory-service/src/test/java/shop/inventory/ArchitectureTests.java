package shop.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("shop.inventory");

    @Test
    void theDomainIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("shop.inventory.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..", "tools.jackson..", "shop.platform..")
                .check(classes);
    }

    @Test
    void theDomainKnowsNothingOfHowItIsStoredServedOrMessaged() {
        noClasses()
                .that()
                .resideInAPackage("shop.inventory.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "shop.inventory.stock..",
                        "shop.inventory.web..",
                        "shop.inventory.messaging..",
                        "shop.inventory.events..")
                .check(classes);
    }
}
