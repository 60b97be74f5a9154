package dev.lawang.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layout of docs/concepts.md: dependencies point down, never up or sideways across the tree, and the
 * packages form no cycles. Every package may use the root exception {@code dev.lawang.LawangException}.
 * {@code dev.lawang.micrometer} sits above the root package, whose gate it listens to, and nothing depends on it, so
 * that Micrometer stays optional. {@code dev.lawang.kiosk} sits above the root package too, whose decisions it takes
 * offline, and nothing depends on it.
 */
class PackageLayoutTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lawang");
    }

    @Test
    void subpackages_formNoCycles() {
        slices().matching("dev.lawang.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void geo_dependsOnNoOtherLawangPackage() {
        onlyDependsOn("geo");
    }

    @Test
    void directory_dependsOnlyOnGeo() {
        onlyDependsOn("directory", "geo");
    }

    @Test
    void qr_dependsOnNoOtherLawangPackage() {
        onlyDependsOn("qr");
    }

    @Test
    void code_dependsOnlyOnDirectoryIdsAndGeoAndQr() {
        onlyDependsOn("code", "directory", "geo", "qr");
    }

    /** The ledger counts visitors' tickets, which the visit package defines. */
    @Test
    void capacity_dependsOnlyOnVisitAndDirectory() {
        onlyDependsOn("capacity", "visit", "directory", "geo");
    }

    @Test
    void visit_dependsOnlyOnDirectory() {
        onlyDependsOn("visit", "directory", "geo");
    }

    @Test
    void request_dependsOnlyOnCodeDirectoryAndGeo() {
        onlyDependsOn("request", "code", "directory", "geo", "qr");
    }

    /** The PostgreSQL stores implement the ledger, visit log, request book and booking SPIs, whose values they keep. */
    @Test
    void jdbc_dependsOnlyOnTheStoresItImplementsAndTheirValues() {
        onlyDependsOn("jdbc", "capacity", "visit", "request", "booking", "code", "directory", "geo");
    }

    @Test
    void booking_dependsOnlyOnVisitAndDirectory() {
        onlyDependsOn("booking", "visit", "directory", "geo");
    }

    /**
     * The kiosk takes leases from the capacity package's ledger, decides with the gate's rules and journals visits;
     * it needs neither a database nor requests, QR images or metrics.
     */
    @Test
    void kiosk_dependsOnlyOnTheRootPackageAndTheCheckInModel() {
        onlyDependsOn("kiosk", "capacity", "visit", "code", "directory", "geo");
    }

    @Test
    void kiosk_isUsedByNoOtherPackage() {
        noClasses().that().resideOutsideOfPackage("dev.lawang.kiosk..")
                .should().dependOnClassesThat().resideInAPackage("dev.lawang.kiosk..")
                .check(classes);
    }

    @Test
    void micrometer_isUsedByNoOtherPackage() {
        noClasses().that().resideOutsideOfPackage("dev.lawang.micrometer..")
                .should().dependOnClassesThat().resideInAPackage("dev.lawang.micrometer..")
                .check(classes);
    }

    @Test
    void onlyTheMicrometerPackage_usesMicrometer() {
        noClasses().that().resideOutsideOfPackage("dev.lawang.micrometer..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(classes);
    }

    @Test
    void noSubpackageButMicrometerAndKiosk_dependsOnTheRootPackageExceptForTheRootException() {
        noClasses().that().resideInAPackage("dev.lawang.(*)..")
                .and().resideOutsideOfPackage("dev.lawang.micrometer..")
                .and().resideOutsideOfPackage("dev.lawang.kiosk..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are in dev.lawang other than LawangException",
                        c -> c.getPackageName().equals("dev.lawang")
                                && !c.getName().equals("dev.lawang.LawangException")))
                .check(classes);
    }

    private static void onlyDependsOn(String pkg, String... allowed) {
        var allowedPackages = new java.util.ArrayList<String>();
        allowedPackages.add("dev.lawang." + pkg + "..");
        for (String a : allowed) {
            allowedPackages.add("dev.lawang." + a + "..");
        }
        String[] lawangPackages = {"geo", "directory", "code", "qr", "capacity", "visit", "request", "jdbc",
            "micrometer", "kiosk", "booking"};
        var forbidden = new java.util.ArrayList<String>();
        for (String p : lawangPackages) {
            if (!allowedPackages.contains("dev.lawang." + p + "..")) {
                forbidden.add("dev.lawang." + p + "..");
            }
        }
        noClasses().that().resideInAPackage("dev.lawang." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .allowEmptyShould(true)
                .check(classes);
    }
}
