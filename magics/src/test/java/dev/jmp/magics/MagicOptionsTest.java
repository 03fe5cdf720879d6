package dev.jmp.magics;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class MagicOptionsTest {

    private final MagicOptions spec = new MagicOptions("%%demo", "%%demo [-n N] [--name X] [--bg] [--timeout S]")
            .value("-n").value("--name").flag("--bg").value("--timeout");

    @Test
    void flagsValuesAndEqualsForms() throws MagicException {
        MagicOptions.Parsed o = spec.parse(List.of("-n", "4", "--name=train", "--bg", "--timeout", "0.5"));
        assertEquals(4, o.integer("-n", 1, 1, 10));
        assertEquals("train", o.string("--name", null));
        assertTrue(o.has("--bg"));
        assertEquals(0.5, o.seconds("--timeout"));
        MagicOptions.Parsed none = spec.parse(List.of());
        assertEquals(1, none.integer("-n", 1, 1, 10));
        assertEquals(-1, none.seconds("--timeout"));
        assertFalse(none.has("--bg"));
        assertEquals("dflt", none.string("--name", "dflt"));
    }

    private String error(List<String> args) {
        return assertThrows(MagicException.class, () -> {
            MagicOptions.Parsed o = spec.parse(args);
            o.integer("-n", 1, 1, 10);
            o.seconds("--timeout");
            o.string("--name", null);
        }).getMessage();
    }

    @Test
    void badInputSaysWhatIsWrongAndShowsUsage() {
        String unknown = error(List.of("--frob"));
        assertTrue(unknown.startsWith("%%demo: unknown option --frob. Usage: %%demo [-n N]"), unknown);
        assertTrue(unknown.contains("accepted options: --bg, --name, --timeout, -n"), unknown);
        assertTrue(error(List.of("-n")).contains("option -n needs a value"));
        assertTrue(error(List.of("-n", "x")).contains("option -n needs a whole number (got 'x')"));
        assertTrue(error(List.of("-n", "0")).contains("option -n must be between 1 and 10 (got 0)"));
        assertTrue(error(List.of("-n", "1", "-n", "2")).contains("option -n is given twice"));
        assertTrue(error(List.of("--bg=yes")).contains("option --bg takes no value (got 'yes')"));
        assertTrue(error(List.of("--timeout", "-3")).contains("must be a positive number of seconds"));
        assertTrue(error(List.of("--timeout", "soon")).contains("needs a number of seconds, like 30 or 0.5 (got 'soon')"));
        assertTrue(error(List.of("stray")).contains("unexpected argument 'stray'"));
        assertTrue(error(List.of("--name", "")).contains("option --name needs a non-empty value"));
    }

    @Test
    void positionalWordsWhenAllowed() throws MagicException {
        MagicOptions.Parsed o = new MagicOptions("%wait", "%wait [NAME]").positional().parse(List.of("train"));
        assertEquals(List.of("train"), o.positional());
        assertEquals("", new MagicOptions("%x", "%x").value("--o").parse(List.of("--o", "")).raw("--o"));
    }

    @Test
    void aWorkerJavaOlderThanTheKernelsIsRefused(@TempDir Path dir)
            throws Exception {
        int kernel = Runtime.version().feature();
        Assumptions.assumeTrue(kernel > 17, "no supported Java is older than this kernel's " + kernel);
        Path home = dir.resolve("jdk-17");
        Files.createDirectories(home.resolve("bin"));
        Path bin = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        assertTrue(bin.toFile().setExecutable(true));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
        MagicOptions java17 = new MagicOptions("%%demo", "%%demo [--java PATH]").value("--java");
        String e = assertThrows(MagicException.class, () -> java17.parse(List.of("--java", home.toString()))
                .javaHome("--java")).getMessage();
        assertEquals("%%demo: --java: " + home + " is Java 17.0.2, older than the kernel's Java " + kernel
                + ", whose class files the workers run; give a Java " + kernel + " or later", e);
    }
}
