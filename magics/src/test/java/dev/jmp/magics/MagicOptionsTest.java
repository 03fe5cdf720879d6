package dev.jmp.magics;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class MagicOptionsTest {

    private static final MagicOption<Integer> COUNT = MagicOption.integer("-n", "N", 1, 10, "how many").orElse(1);
    private static final MagicOption<String> NAME = MagicOption.text("--name", "X", "the name").alias("--label");
    private static final MagicOption<Boolean> BG = MagicOption.flag("--bg", "in the background");
    private static final MagicOption<Double> TIMEOUT = MagicOption.seconds("--timeout", "S", "stop after S seconds");
    private static final MagicOption<String> MODE = MagicOption.choice("--mode", "fast",
            Map.entry("fast", "skip checks"), Map.entry("safe", "check everything"));
    private static final MagicOptions SPEC = new MagicOptions("%%demo", COUNT, NAME, BG, TIMEOUT, MODE);

    @Test
    void flagsValuesAliasesAndEqualsForms() throws MagicException {
        MagicOptions.Parsed o = SPEC.parse(List.of("-n", "4", "--name=train", "--bg", "--timeout", "0.5"));
        assertEquals(4, o.get(COUNT));
        assertEquals("train", o.get(NAME));
        assertTrue(o.get(BG));
        assertEquals(0.5, o.get(TIMEOUT));
        assertEquals("fast", o.get(MODE));
        assertEquals("x", SPEC.parse(List.of("--label", "x")).get(NAME));
        MagicOptions.Parsed none = SPEC.parse(List.of());
        assertEquals(1, none.get(COUNT));
        assertEquals(-1, none.get(TIMEOUT));
        assertFalse(none.get(BG));
        assertFalse(none.has(BG));
        assertNull(none.get(NAME));
    }

    private static String error(String... args) {
        return assertThrows(MagicException.class, () -> SPEC.parse(List.of(args))).getMessage();
    }

    @Test
    void badInputSaysWhatIsWrongAndShowsUsage() {
        String unknown = error("--frob");
        assertTrue(unknown.startsWith("%%demo: unknown option --frob. Usage: %%demo [-n N] [--name X] [--bg]"), unknown);
        assertTrue(unknown.contains("accepted options: --bg, --label, --mode, --name, --timeout, -n"), unknown);
        assertTrue(error("-n").contains("option -n needs a value"));
        assertTrue(error("-n", "x").contains("option -n needs a whole number (got 'x')"));
        assertTrue(error("-n", "0").contains("option -n must be between 1 and 10 (got 0)"));
        assertTrue(error("-n", "1", "-n", "2").contains("option -n is given twice"));
        assertTrue(error("--name", "a", "--label", "b").contains("option --label is given twice"));
        assertTrue(error("--bg=yes").contains("option --bg takes no value (got 'yes')"));
        assertTrue(error("--timeout", "-3").contains("must be a positive number of seconds"));
        assertTrue(error("--timeout", "soon").contains("needs a number of seconds, like 30 or 0.5 (got 'soon')"));
        assertTrue(error("stray").contains("unexpected argument 'stray'"));
        assertTrue(error("--name", "").contains("option --name needs a non-empty value"));
        assertTrue(error("--mode", "slow").contains("option --mode must be fast or safe (got 'slow')"));
    }

    @Test
    void requiredOptionsAndChecksAreNamed() {
        MagicOption<String> over = MagicOption.text("--over", "EXPR", "the items").required();
        MagicOption<String> as = MagicOption.javaName("--as", "NAME", "the variable").required()
                .check(v -> !v.equals("it"), v -> "it is taken");
        MagicOptions spec = new MagicOptions("%%loop", over, as);
        String missing = assertThrows(MagicException.class, () -> spec.parse(List.of())).getMessage();
        assertEquals("%%loop needs --over EXPR (the items) and --as NAME (the variable). Usage: %%loop --over EXPR"
                + " --as NAME", missing);
        assertTrue(assertThrows(MagicException.class, () -> spec.parse(List.of("--over", "a", "--as", "1x")))
                .getMessage().contains("option --as '1x' is not a valid Java variable name"));
        assertTrue(assertThrows(MagicException.class, () -> spec.parse(List.of("--over", "a", "--as", "it")))
                .getMessage().contains("option --as it is taken"));
    }

    @Test
    void positionalWordsWhenDeclared() throws MagicException {
        MagicOptions wait = new MagicOptions("%wait", "[NAME]");
        assertEquals(List.of("train"), wait.parse(List.of("train")).positional());
        assertEquals("%wait [NAME]", wait.synopsis());
        MagicOption<String> o = MagicOption.text("--o", "V", "anything").allowEmpty();
        assertEquals("", new MagicOptions("%x", o).parse(List.of("--o", "")).get(o));
    }

    @Test
    void helpIsDerivedFromTheDeclarations() {
        String help = SPEC.help("BODY (statements)", "Does the demo.", "%%demo -n 2\nreturn 1;");
        assertEquals("""
                Usage: %%demo [-n N] [--name X] [--bg] [--timeout S] [--mode fast|safe]
                       BODY (statements)

                Does the demo.

                Options:
                  -n N               how many (1 to 10, default 1)
                  --name, --label X  the name
                  --bg               in the background
                  --timeout S        stop after S seconds
                  --mode fast        (default) skip checks
                  --mode safe        check everything

                Examples:
                  %%demo -n 2
                  return 1;""", help);
    }

    @Test
    void longSynopsesAndHelpLinesWrap() {
        MagicOption<Boolean> a = MagicOption.flag("--aaaaaaaaaaaaaaaaaaaa", "word ".repeat(30).strip());
        MagicOption<Boolean> b = MagicOption.flag("--bbbbbbbbbbbbbbbbbbbb", "b");
        MagicOption<Boolean> c = MagicOption.flag("--cccccccccccccccccccc", "c");
        MagicOption<Boolean> d = MagicOption.flag("--dddddddddddddddddddd", "d");
        String help = new MagicOptions("%wide", a, b, c, d).help(null, "Wide.", "%wide");
        for (String line : help.lines().toList()) {
            assertTrue(line.length() <= 88, line);
        }
        assertTrue(help.contains("\n             [--dddddddddddddddddddd]\n"), help);
        assertTrue(help.contains("\n                          word"), help);
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
        MagicOptions java17 = new MagicOptions("%%demo", MagicOption.javaHome("--java", "the workers' Java"));
        String e = assertThrows(MagicException.class, () -> java17.parse(List.of("--java", home.toString())))
                .getMessage();
        assertTrue(e.startsWith("%%demo: option --java " + home + " is Java 17.0.2, older than the kernel's Java " + kernel
                + ", whose class files the workers run; give a Java " + kernel + " or later"), e);
    }
}
