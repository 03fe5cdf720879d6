package dev.jmp.magics.pool;

import dev.jmp.SerialCallable;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The %%pool snippets in a real JShell: element types reach the body, return types reach the results. */
@Timeout(60)
class PoolBodyTest {

    private final JShell shell = JShell.builder().executionEngine("local").build();

    PoolBodyTest() throws URISyntaxException {
        shell.addToClasspath(Path.of(SerialCallable.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        eval(PoolBody.HELPERS);
    }

    @AfterEach
    void close() {
        shell.close();
    }

    private List<SnippetEvent> eval(String source) {
        List<SnippetEvent> all = new java.util.ArrayList<>();
        String remaining = source;
        while (!remaining.isBlank()) {
            var info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            for (SnippetEvent e : shell.eval(info.source())) {
                if (e.causeSnippet() == null) {
                    assertEquals(Snippet.Status.VALID, e.status(), info.source() + ": " + shell.diagnostics(e.snippet())
                            .map(d -> d.getMessage(Locale.ROOT)).toList());
                    all.add(e);
                }
            }
            remaining = info.remaining();
        }
        return all;
    }

    private String typeOf(String source) {
        List<SnippetEvent> events = eval(source);
        return ((VarSnippet) events.get(events.size() - 1).snippet()).typeName().replace(",", ", ").replace(",  ", ", ");
    }

    @Test
    void itemsAndResultsAreTyped() {
        assertEquals("java.util.List<Integer>", typeOf(PoolBody.items(1, "new int[] {1, 2, 3}")));
        assertEquals("dev.jmp.SerialFunction<Integer, Integer>", typeOf(PoolBody.function(1, "x", "return x * x;")));
        assertEquals("java.util.List<Integer>", typeOf(PoolBody.bind(1, "squares", "java.util.List.of(1, 4, 9)")));
        assertEquals("java.util.List<String>", typeOf(PoolBody.items(2, "java.util.stream.Stream.of(\"a\", \"b\")")));
        assertEquals("dev.jmp.SerialFunction<String, Object>",
                typeOf(PoolBody.function(2, "s", "System.out.println(s.length());")));
        assertEquals("java.util.List<Double>", typeOf(PoolBody.items(3, "java.util.stream.DoubleStream.of(0.5)")));
        assertEquals("java.util.List<java.util.Map.Entry<String, Integer>>",
                typeOf(PoolBody.items(4, "java.util.Map.of(\"a\", 1).entrySet()")));
    }

    @Test
    void laterRunsKeepEarlierResultsEvenWhenTheyReadThem() {
        eval(PoolBody.items(1, "java.util.stream.IntStream.range(0, 3)"));
        eval(PoolBody.function(1, "i", "return \"file-\" + i;"));
        eval(PoolBody.bind(1, "files", "java.util.List.of(\"file-0\", \"file-1\", \"file-2\")"));
        // The next run has other types and reads the first run's results as its items.
        assertEquals("java.util.List<String>", typeOf(PoolBody.items(2, "files")));
        eval(PoolBody.release(1));
        assertEquals("dev.jmp.SerialFunction<String, Integer>", typeOf(PoolBody.function(2, "f", "return f.length();")));
        assertEquals("java.util.List<Integer>", typeOf(PoolBody.bind(2, "sizes", "java.util.List.of(6, 6, 6)")));
        eval(PoolBody.release(2));

        assertEquals("java.util.List<String>", typeOf("var again = files;"));
        assertEquals("[file-0, file-1, file-2] [6, 6, 6]", valueOf("files + \" \" + sizes"));
    }

    private String valueOf(String expression) {
        List<SnippetEvent> events = eval(expression);
        return events.get(events.size() - 1).value().replace("\"", "");
    }
}
