package dev.jmp.internal.mapped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build-time generator of the int/long/double cells and shared values
 * ({@code src/main/templates/ExpandTemplates.java}), run in a JVM of its own as the build runs it,
 * on templates written here. The generator is compiled once for the class rather than by
 * {@code java}'s source-file mode on every run: on a loaded machine each source-mode run paid a
 * full javac start and the class took minutes. The timeouts only detect a hang.
 */
@Timeout(600)
class ExpandTemplatesTest {

    private static final Path GENERATOR = Path.of("src/main/templates/ExpandTemplates.java");

    @TempDir
    static Path classes;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileGenerator() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), GENERATOR.toAbsolutePath().toString());
        assertEquals(0, rc, "the generator compiles");
    }

    private record Run(int exit, String stderr) {
    }

    private Run expand(Path in, Path out) throws IOException, InterruptedException {
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes.toString(), "ExpandTemplates", in.toString(), out.toString())
                .redirectErrorStream(false)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();
        try {
            if (!p.waitFor(500, TimeUnit.SECONDS)) {
                throw new AssertionError("the generator did not finish");
            }
        } finally {
            p.destroyForcibly();
        }
        return new Run(p.exitValue(), Files.readString(err));
    }

    private Path template(String name, String... lines) throws IOException {
        Path file = dir.resolve("in/p").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private static String body(Path generated) throws IOException {
        List<String> lines = Files.readAllLines(generated);
        assertTrue(lines.get(0).startsWith("// Generated from p/"), lines.get(0));
        return String.join("\n", lines.subList(1, lines.size()));
    }

    @Test
    void expandsOneTemplateForEachTypeWithItsTokensAndSections() throws Exception {
        template("BoxX.java.template",
                "class Box$Type$ {",
                "    $type$ v = $zero$;",
                "#if[integral]",
                "    $type$ inc() { return ++v; }",
                "#else[integral]",
                "    long bits() { return $toBits$(v); }",
                "#end[integral]",
                "    #if[long]",
                "    long wide;",
                "    #end[long]",
                "}");
        Path out = dir.resolve("out");

        Run run = expand(dir.resolve("in"), out);

        assertEquals(0, run.exit(), run.stderr());
        assertEquals("class BoxInt {\n    int v = 0;\n    int inc() { return ++v; }\n}",
                body(out.resolve("p/BoxInt.java")));
        assertEquals("class BoxLong {\n    long v = 0;\n    long inc() { return ++v; }\n    long wide;\n}",
                body(out.resolve("p/BoxLong.java")));
        assertEquals("class BoxDouble {\n    double v = 0.0;\n"
                + "    long bits() { return Double.doubleToRawLongBits(v); }\n}",
                body(out.resolve("p/BoxDouble.java")));
    }

    @Test
    void leavesUnchangedOutputAloneAndDeletesOutputNoTemplateMakes() throws Exception {
        template("BoxX.java.template", "class Box$Type$ {}");
        Path out = dir.resolve("out");
        assertEquals(0, expand(dir.resolve("in"), out).exit());
        Path generated = out.resolve("p/BoxInt.java");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(generated, old);
        Path stale = out.resolve("p/Gone.java");
        Files.writeString(stale, "class Gone {}");

        Run run = expand(dir.resolve("in"), out);

        assertEquals(0, run.exit(), run.stderr());
        assertEquals(old, Files.getLastModifiedTime(generated));
        assertFalse(Files.exists(stale));
    }

    @Test
    void anUnknownTokenFailsNamingTheTemplateAndLine() throws Exception {
        template("BoxX.java.template", "class Box$Type$ {", "    $tpye$ v;", "}");

        Run run = expand(dir.resolve("in"), dir.resolve("out"));

        assertEquals(1, run.exit());
        assertTrue(run.stderr().contains("BoxX.java.template:2: no token $tpye$ for Int"), run.stderr());
    }

    @Test
    void mismatchedOrUnclosedSectionsFail() throws Exception {
        template("BoxX.java.template", "#if[integral]", "int a;", "#end[double]");
        Run mismatched = expand(dir.resolve("in"), dir.resolve("out"));
        assertEquals(1, mismatched.exit());
        assertTrue(mismatched.stderr().contains(":3: #end[double] does not close #if[integral]"), mismatched.stderr());

        template("BoxX.java.template", "#if[integral]", "int a;");
        Run unclosed = expand(dir.resolve("in"), dir.resolve("out"));
        assertEquals(1, unclosed.exit());
        assertTrue(unclosed.stderr().contains("#if[integral] has no #end"), unclosed.stderr());
    }

    @Test
    void aTemplateNameWithoutOneXFails() throws Exception {
        template("Box.java.template", "class Box {}");

        Run run = expand(dir.resolve("in"), dir.resolve("out"));

        assertEquals(1, run.exit());
        assertTrue(run.stderr().contains("the name needs exactly one X"), run.stderr());
    }
}
