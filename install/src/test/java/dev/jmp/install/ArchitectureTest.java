package dev.jmp.install;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layout's rules, over the compiled main classes of runtime, magics and kernel (on
 * this module's classpath) and of bench and jjava when they were built ({@code -Pbench}; the reactor
 * builds jjava before this module). See the README's
 * architecture section for the picture these rules keep true.
 */
class ArchitectureTest {

    /** What users, magics and kernels may use. */
    private static final String[] EXPORTED = {"dev.jmp", "dev.jmp.shared..", "dev.jmp.function..",
            "dev.jmp.error..", "dev.jmp.spi..", "dev.jmp.launch.."};
    /** The exported packages at the bottom: everything may use them, they use no other jmp package above. */
    private static final String[] BOTTOM = {"dev.jmp.spi..", "dev.jmp.launch..", "dev.jmp.function..",
            "dev.jmp.error.."};
    private static final String INTERNAL = "dev.jmp.internal..";
    private static final Path BENCH = Path.of("..", "bench", "target", "classes");
    /** The JJava extension's own classes (its jar is shaded: the runtime again, and relocated libraries). */
    private static final Path JJAVA = Path.of("..", "jjava", "target", "classes");

    private static JavaClasses main;

    @BeforeAll
    static void importClasses() throws IOException {
        List<Location> roots = jmpClasspathRoots();
        if (Files.isDirectory(BENCH)) {
            roots.add(Location.of(BENCH));
        }
        if (Files.isDirectory(JJAVA)) {
            roots.add(Location.of(JJAVA));
        }
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importLocations(roots);
        assertTrue(main.containPackage("dev.jmp.internal.worker"), "the runtime's classes were imported");
        assertTrue(main.containPackage("dev.jmp.magics"), "the magics' classes were imported");
        assertTrue(main.containPackage("dev.jmp.kernel"), "the kernel's classes were imported");
    }

    /**
     * The class directories (in an IDE or {@code mvn test}) or jars ({@code mvn verify}) of jmp's
     * modules on the test classpath, this module's tests excluded.
     */
    private static List<Location> jmpClasspathRoots() throws IOException {
        List<Location> roots = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p.resolve("dev/jmp")) && !p.endsWith("test-classes")) {
                roots.add(Location.of(p));
            } else if (entry.endsWith(".jar") && p.getFileName().toString().startsWith("jmp-")) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    roots.add(Location.of(jar));
                }
            }
        }
        return roots;
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.(**)").namingSlices("$1").should().beFreeOfCycles()
                .check(main);
    }

    @Test
    void exportedSignaturesExposeNoInternalType() {
        classes().that().resideInAnyPackage(EXPORTED).and().arePublic()
                .should(exposeNoType(INTERNAL)).check(main);
    }

    @Test
    void magicsKernelAndBenchUseOnlyExportedPackages() {
        noClasses().that().resideInAnyPackage("dev.jmp.magics..", "dev.jmp.kernel..", "dev.jmp.bench..", "dev.jmp.jjava..")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL).check(main);
    }

    @Test
    void bottomPackagesUseNeitherInternalsNorTheUserApi() {
        noClasses().that().resideInAnyPackage(BOTTOM)
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL, "dev.jmp", "dev.jmp.shared..")
                .check(main);
    }

    @Test
    void internalsDoNotUseTheUserApi() {
        noClasses().that().resideInAPackage(INTERNAL)
                .should().dependOnClassesThat().resideInAnyPackage("dev.jmp", "dev.jmp.shared..")
                .check(main);
    }

    /**
     * A class's superclass, interfaces and its public or protected fields, constructors and
     * methods (parameters, results, declared exceptions, type arguments included) name no class
     * of {@code packages}.
     */
    private static ArchCondition<JavaClass> exposeNoType(String packages) {
        DescribedPredicate<JavaClass> hidden = resideInAPackage(packages);
        return new ArchCondition<>("expose no type of " + packages + " in its public signature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Set<String> leaks = new LinkedHashSet<>();
                List<JavaType> supers = new ArrayList<>();
                c.getSuperclass().ifPresent(supers::add);
                supers.addAll(c.getInterfaces());
                for (JavaType t : supers) {
                    collect(t, hidden, "extends/implements", leaks);
                }
                for (JavaField f : c.getFields()) {
                    if (visible(f.getModifiers())) {
                        collect(f.getType(), hidden, "field " + f.getName(), leaks);
                    }
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (!visible(u.getModifiers())) {
                        continue;
                    }
                    String where = (u.isConstructor() ? "constructor" : "method " + u.getName());
                    collect(u.getReturnType(), hidden, where + " result", leaks);
                    for (JavaType p : u.getParameterTypes()) {
                        collect(p, hidden, where + " parameter", leaks);
                    }
                    for (JavaClass x : u.getThrowsClause().getTypes()) {
                        collect(x, hidden, where + " throws", leaks);
                    }
                }
                for (String leak : leaks) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " exposes " + leak));
                }
            }
        };
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void collect(JavaType t, DescribedPredicate<JavaClass> hidden, String where, Set<String> leaks) {
        for (JavaClass raw : t.getAllInvolvedRawTypes()) {
            if (hidden.test(raw)) {
                leaks.add(raw.getName() + " (" + where + ")");
            }
        }
    }
}
