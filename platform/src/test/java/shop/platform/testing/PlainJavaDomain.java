package shop.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rule every service's domain keeps: it is plain Java. Its classes use the JDK and each
 * other, nothing else: no Spring, Reactor, Jackson or platform, and none of the service's own
 * persistence, HTTP or messaging code.
 */
public final class PlainJavaDomain {

    private PlainJavaDomain() {}

    /** Checks the domain packages ({@code ..domain..}) among the main classes of {@code servicePackage}. */
    public static void check(String servicePackage) {
        var mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        classes()
                .that()
                .resideInAPackage(servicePackage + "..domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", servicePackage + "..domain..")
                .check(mainClasses);
    }
}
