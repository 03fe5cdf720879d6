package dev.jmp.magics.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class ClassFileReaderTest {

    private static Map<String, byte[]> classes;

    @BeforeAll
    static void compile() {
        classes = InMemoryCompiler.compile(Map.of("t.Sample", ScanSamples.SAMPLE));
    }

    private static ClassFile cls(String binaryName) {
        return ClassFileReader.read(classes.get(binaryName));
    }

    private static CodeRefs refs(String binaryName, String method) {
        ClassFile c = cls(binaryName);
        return c.methods().stream().filter(m -> m.name().equals(method)).findFirst()
                .map(c::scan).orElseThrow(() -> new AssertionError("no method " + method));
    }

    @Test
    void readsEveryClassOfJavaBaseAndWalksEveryMethod() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        int[] counts = new int[2];
        try (Stream<Path> files = Files.walk(jrt.getPath("modules", "java.base"))) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                ClassFile c = ClassFileReader.read(Files.readAllBytes(p));
                counts[0]++;
                for (MethodInfo m : c.methods()) {
                    c.scan(m);
                    counts[1]++;
                }
            }
        }
        assertTrue(counts[0] > 3000 && counts[1] > 30000, "classes/methods read: " + Arrays.toString(counts));
    }

    @Test
    void reportsStaticReadsWritesAndCallsWithTheirKinds() {
        CodeRefs r = refs("t.Sample", "uses");
        assertTrue(r.getStatic().contains(new MemberRef("t/Sample", "counter", "I")), r.toString());
        assertTrue(r.getStatic().contains(new MemberRef("t/Sample", "big", "J")), r.toString());
        assertTrue(r.putStatic().contains(new MemberRef("t/Sample", "ratio", "D")), r.toString());
        assertTrue(r.invokeStatic().contains(new MemberRef("t/Sample", "helper", "(I)I")), r.toString());
        assertTrue(r.invokeInterface().contains(new MemberRef("java/util/List", "size", "()I")), r.toString());
        assertTrue(r.invokeVirtual().contains(new MemberRef("t/Sample$Inner", "value", "()I")), r.toString());
        assertTrue(r.invokeSpecial().contains(new MemberRef("t/Sample$Inner", "<init>", "(Lt/Sample;I)V")), r.toString());
        assertTrue(r.newTypes().contains("t/Sample$Inner"), r.toString());
        assertTrue(r.typeRefs().contains("t/Sample$Point"), "checkcast/anewarray element type: " + r);
        assertTrue(r.typeRefs().contains("java/lang/String"), "multianewarray element type: " + r);
    }

    @Test
    void reportsLambdaAndMethodReferenceImplementationHandles() {
        CodeRefs r = refs("t.Sample", "lambdas");
        List<String> impls = new ArrayList<>();
        for (HandleRef h : r.handles()) {
            if (h.member().owner().equals("t/Sample")) {
                impls.add(h.kind() + " " + h.member().name());
            }
        }
        assertTrue(impls.stream().anyMatch(s -> s.matches("6 lambda\\$lambdas\\$\\d+")), impls.toString());
        assertTrue(impls.contains("6 helper"), "static method reference: " + impls);
        assertTrue(r.handles().stream().anyMatch(h -> h.member().owner().equals("java/lang/invoke/LambdaMetafactory")),
                "bootstrap handle itself is reported: " + r.handles());
    }

    @Test
    void recordBootstrapArgumentsAreFieldGetterHandles() {
        CodeRefs r = refs("t.Sample$Point", "toString");
        assertTrue(r.handles().contains(new HandleRef(HandleRef.REF_GET_FIELD, new MemberRef("t/Sample$Point", "x", "I"))),
                r.handles().toString());
    }

    @Test
    void readsConstantsHierarchyAndFields() {
        ClassFile sample = cls("t.Sample");
        assertEquals("java/lang/Object", sample.superName());
        assertTrue(sample.field("LIMIT").isInlinedConstant());
        assertEquals(1234567890123L, sample.field("BIG_CONSTANT").constantValue());
        assertEquals(2.5d, sample.field("HALF_FIVE").constantValue());
        assertTrue(!sample.field("counter").isFinal() && sample.field("counter").isStatic());
        assertTrue(!sample.field("NOT_CONSTANT").isInlinedConstant(), "final, but computed in <clinit>");
        ClassFile point = cls("t.Sample$Point");
        assertEquals("java/lang/Record", point.superName());
        ClassFile shape = cls("t.Sample$Shape");
        assertTrue(shape.isInterface());
        assertEquals(List.of("t/Sample$Shape"), cls("t.Sample$Square").interfaces());
        assertTrue(shape.method("area", "()D").hasCode() == false);
        assertTrue(shape.method("twice", "()D").hasCode(), "default method");
    }

    @Test
    void referencesAfterWideInstructionsAndSwitchesAreFound() {
        MemberRef helper = new MemberRef("t/Sample", "helper", "(I)I");
        MemberRef counter = new MemberRef("t/Sample", "counter", "I");
        for (String method : List.of("wide", "switches")) {
            CodeRefs r = refs("t.Sample", method);
            assertTrue(r.invokeStatic().contains(helper) && r.getStatic().contains(counter), method + ": " + r);
        }
        assertTrue(refs("t.Sample", "switches").invokeStatic()
                .contains(new MemberRef("t/Sample$Color", "values", "()[Lt/Sample$Color;")));
    }

    @Test
    void malformedInputGivesAPreciseError() {
        byte[] good = classes.get("t.Sample");
        ClassFileException truncated = assertThrows(ClassFileException.class,
                () -> ClassFileReader.read(Arrays.copyOf(good, good.length / 2)));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        byte[] bad = good.clone();
        bad[0] = 0;
        ClassFileException magic = assertThrows(ClassFileException.class, () -> ClassFileReader.read(bad));
        assertTrue(magic.getMessage().contains("not a class file"), magic.getMessage());
        byte[] badTag = good.clone();
        badTag[10] = 99; // first constant pool entry's tag
        assertThrows(ClassFileException.class, () -> ClassFileReader.read(badTag));
        byte[] future = good.clone();
        future[6] = 0x7f; // major version 32512
        ClassFileException version = assertThrows(ClassFileException.class, () -> ClassFileReader.read(future));
        assertTrue(version.getMessage().contains("version"), version.getMessage());
    }
}
