package dev.jmp.magics.pool;

import dev.jmp.function.SerialCallable;
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
@Timeout(300)
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
    void itemsAndResultsAreTyped() throws URISyntaxException {
        shell.addToClasspath(Path.of(PoolResults.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        assertEquals("java.util.List<Integer>", typeOf(PoolBody.job("squares", "new int[] {1, 2, 3}", "x",
                "return x * x;")));
        assertEquals("java.util.List<Object>", typeOf(PoolBody.job("r", "java.util.stream.Stream.of(\"a\", \"b\")",
                "s", "System.out.println(s.length());")));
        assertEquals("java.util.List<String>", typeOf(PoolBody.job("r", "java.util.stream.DoubleStream.of(0.5)",
                "d", "return Double.toString(d + 1);")));
        assertEquals("java.util.List<java.util.Map.Entry<String, Integer>>", typeOf(PoolBody.job("r",
                "java.util.Map.of(\"a\", 1).entrySet()", "e", "return e;")));
        assertEquals("java.util.List<Integer>", typeOf(PoolBody.job("r", "java.util.List.of(\"ab\")", "s",
                "// a comment on the last line\nreturn s.length();")));
    }

    /** Issue 11 item 9: --over is not read when the cell is compiled; sized sources keep their total. */
    @Test
    void overIsReadLazilyAndKeepsAKnownTotal() throws Exception {
        shell.addToClasspath(Path.of(PoolResults.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        // An endless source: evaluating the cell's snippet must return at once, holding no items.
        eval(PoolBody.job("r", "java.util.stream.IntStream.iterate(0, x -> x + 1)", "x", "return x;"));
        eval("long endless = ((dev.jmp.magics.pool.PoolResults<?>) r).itemCount();");
        assertEquals("-1", shell.eval("endless").get(0).value());
        eval(PoolBody.job("r2", "java.util.stream.IntStream.range(0, 7)", "x", "return x;"));
        eval("long sized = ((dev.jmp.magics.pool.PoolResults<?>) r2).itemCount();");
        assertEquals("7", shell.eval("sized").get(0).value());
        eval(PoolBody.job("r3", "new String[] {\"a\", \"b\"}", "s", "return s;"));
        eval("long array = ((dev.jmp.magics.pool.PoolResults<?>) r3).itemCount();");
        assertEquals("2", shell.eval("array").get(0).value());
    }
}
