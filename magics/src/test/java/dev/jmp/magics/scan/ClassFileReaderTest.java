package dev.jmp.magics.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
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
    void instructionOffsetsMatchJavapForEveryCompiledClass(@TempDir Path dir) throws IOException {
        assertTrue(classes.size() >= 6, "nested classes, records and enums compiled: " + classes.keySet());
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            assertMatchesJavap(e.getKey(), e.getValue(), dir);
        }
    }

    @Test
    void instructionOffsetsMatchJavapForJdkClassesWithLargeSwitches(@TempDir Path dir) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/")); // built in, not closable
        for (String name : List.of("java/lang/Character", "java/util/HashMap", "java/util/regex/Pattern",
                "java/lang/invoke/MethodHandleImpl", "java/util/Formatter")) {
            byte[] bytes = Files.readAllBytes(jrt.getPath("modules", "java.base", name + ".class"));
            assertMatchesJavap(name.replace('/', '.'), bytes, dir);
        }
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
    void wideAndSwitchesAreSteppedOver() {
        byte[] code = cls("t.Sample").method("wide", "()I").code();
        int[] offsets = BytecodeWalker.instructionOffsets(code);
        boolean hasWide = Arrays.stream(offsets).anyMatch(o -> (code[o] & 0xFF) == 0xc4);
        assertTrue(hasWide, "the sample really contains a wide instruction");
        byte[] sw = cls("t.Sample").method("switches", "(ILjava/lang/String;)I").code();
        int[] swOffsets = BytecodeWalker.instructionOffsets(sw);
        assertTrue(Arrays.stream(swOffsets).anyMatch(o -> (sw[o] & 0xFF) == 0xaa), "tableswitch present");
        assertTrue(Arrays.stream(swOffsets).anyMatch(o -> (sw[o] & 0xFF) == 0xab), "lookupswitch present");
    }

    @Test
    void malformedInputGivesAPreciseError() {
        byte[] good = classes.get("t.Sample");
        ClassFileException truncated = assertThrows(ClassFileException.class,
                () -> ClassFileReader.read(Arrays.copyOf(good, good.length / 2)));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        byte[] bad = good.clone();
        bad[0] = 0;
        assertThrows(ClassFileException.class, () -> ClassFileReader.read(bad));
        byte[] badTag = good.clone();
        badTag[10] = 99; // first constant pool entry's tag
        ClassFileException tag = assertThrows(ClassFileException.class, () -> ClassFileReader.read(badTag));
        assertTrue(tag.getMessage().contains("tag 99"), tag.getMessage());
        ClassFileException opcode = assertThrows(ClassFileException.class,
                () -> BytecodeWalker.instructionOffsets(new byte[] {0x00, (byte) 0xcb}));
        assertTrue(opcode.getMessage().contains("0xcb"), opcode.getMessage());
        assertThrows(ClassFileException.class, () -> BytecodeWalker.instructionOffsets(new byte[] {(byte) 0xb6, 0}));
    }

    private static final Pattern INSTRUCTION = Pattern.compile("^\\s+(\\d+): [a-z]");

    /** Compares our instruction offsets, method by method in file order, with javap's. */
    private static void assertMatchesJavap(String name, byte[] bytes, Path dir) throws IOException {
        Path file = dir.resolve(name + ".class");
        Files.write(file, bytes);
        StringWriter out = new StringWriter();
        int rc = ToolProvider.findFirst("javap").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(out), "-c", "-p", file.toString());
        assertEquals(0, rc, out.toString());
        List<Integer> javap = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = INSTRUCTION.matcher(line);
            if (m.find()) {
                javap.add(Integer.parseInt(m.group(1)));
            }
        }
        List<Integer> ours = new ArrayList<>();
        ClassFile c = ClassFileReader.read(bytes);
        for (MethodInfo m : c.methods()) {
            if (m.hasCode()) {
                Arrays.stream(BytecodeWalker.instructionOffsets(m.code())).forEach(ours::add);
            }
        }
        assertTrue(javap.size() > 0 || c.methods().stream().noneMatch(MethodInfo::hasCode), name);
        assertArrayEquals(javap.stream().mapToInt(Integer::intValue).toArray(),
                ours.stream().mapToInt(Integer::intValue).toArray(), name);
    }
}
