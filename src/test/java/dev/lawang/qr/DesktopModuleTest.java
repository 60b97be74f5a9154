package dev.lawang.qr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The library requires {@code java.desktop} only statically: no public signature names one of its types, only
 * {@link DesktopImages} touches it, and reading without it fails with a message that says what to add.
 */
class DesktopModuleTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lawang");

    @Test
    void onlyDesktopImagesDependsOnJavaDesktop() {
        noClasses().that().doNotHaveFullyQualifiedName(DesktopImages.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..", "javax.swing..")
                .check(MAIN);
    }

    @Test
    void noPublicSignatureNamesATypeOfJavaDesktop() {
        List<String> offending = new ArrayList<>();
        for (com.tngtech.archunit.core.domain.JavaClass javaClass : MAIN) {
            Class<?> type = javaClass.reflect();
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    check(m, offending);
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers())) {
                    check(c, offending);
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && desktop(f.getType())) {
                    offending.add(f.toString());
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void requireDesktop_namesTheModuleAndWhatToAddWhenItIsMissing() {
        Module reader = QrImages.class.getModule();

        assertThatThrownBy(() -> QrImages.requireDesktop(ModuleLayer.empty(), reader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.desktop")
                .hasMessageContaining("requires java.desktop;")
                .hasMessageContaining("--add-modules java.desktop");
        assertThatCode(() -> QrImages.requireDesktop(ModuleLayer.boot(), reader)).doesNotThrowAnyException();
    }

    private static void check(Executable e, List<String> offending) {
        for (Class<?> p : e.getParameterTypes()) {
            if (desktop(p)) {
                offending.add(e.toString());
            }
        }
        if (e instanceof Method m && desktop(m.getReturnType())) {
            offending.add(e.toString());
        }
    }

    private static boolean desktop(Class<?> type) {
        Class<?> t = type.isArray() ? type.getComponentType() : type;
        return "java.desktop".equals(t.getModule().getName());
    }
}
