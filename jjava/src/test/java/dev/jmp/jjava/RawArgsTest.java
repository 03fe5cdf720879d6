package dev.jmp.jjava;

import dev.jmp.magics.MagicArgs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RawArgsTest {

    // What JJava's splitter makes of `--over List.of("a b", "c") --as s`: quotes gone, pieces cut.
    private static final List<String> JJAVA_POOL_WORDS = List.of("--over", "List.of(a b", ",", "c", ")", "--as", "s");

    @Test
    void cellArgumentsComeFromTheCellSourceWithTheirQuotes() {
        String source = "%%pool --over List.of(\"a b\", \"c\") --as s\nreturn s.length();";
        assertEquals("--over List.of(\"a b\", \"c\") --as s", RawArgs.cell(source, "pool", JJAVA_POOL_WORDS));
    }

    @Test
    void quotedOptionValuesSurviveAsOneWord() {
        List<String> words = List.of("-n", "2", "--jvm-opts", "-Xmx64m -Dfoo=bar");
        String source = "%%spawn -n 2 --jvm-opts \"-Xmx64m -Dfoo=bar\"\nreturn 1;";
        String raw = RawArgs.cell(source, "spawn", words);
        assertEquals("-n 2 --jvm-opts \"-Xmx64m -Dfoo=bar\"", raw);
        assertEquals(words, MagicArgs.split(raw));
    }

    @Test
    void aSourceThatDoesNotMatchTheWordsIsNotUsed() {
        // A magic called from Java code (cellMagic("spawn", ...)) while the cell says something else.
        String source = "%%spawn -n 4\nreturn 1;";
        List<String> words = List.of("-n", "2", "--jvm-opts", "-Xmx64m -Dfoo=bar");
        assertEquals(words, MagicArgs.split(RawArgs.cell(source, "spawn", words)));
    }

    @Test
    void withoutTheSourceWordsAreQuotedAgainSoEachStaysOneWord() {
        List<String> words = List.of("--name", "a \"b\" c", "it's", "x y", "--over", "List.of(1,2)");
        String raw = RawArgs.requote(words);
        assertEquals(words, MagicArgs.split(raw));
        assertEquals(words, MagicArgs.split(RawArgs.cell(null, "spawn", words)));
    }

    @Test
    void lineArgumentsAreFoundOnTheirOwnLine() {
        String source = "int x = 1;\n%timeline run-1 --width 400\n%wait all";
        assertEquals("run-1 --width 400", RawArgs.line(source, "timeline", List.of("run-1", "--width", "400")));
        assertEquals("all", RawArgs.line(source, "wait", List.of("all")));
    }

    @Test
    void lineMagicsOfTheSameNameAreToldApartByTheirWords() {
        String source = "%sh echo \"a  b\"\n%sh echo 'c'";
        assertEquals("echo 'c'", RawArgs.line(source, "sh", List.of("echo", "'c'")));
        assertEquals("echo \"a  b\"", RawArgs.line(source, "sh", List.of("echo", "a  b")));
    }

    @Test
    void aLongerMagicNameIsNotTakenForAShorterOne() {
        String source = "%%shared\nSharedCounter c = counter(0);";
        assertEquals("", RawArgs.cell(source, "shared", List.of()));
        assertEquals("x", RawArgs.cell(source, "share", List.of("x")));
    }
}
