package dev.jmp.magics.spawn;

import dev.jmp.function.SerialCallable;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The synthetic snippet compiles in a real JShell, with or without a return, and keeps the cell's lines. */
@Timeout(300)
class SpawnBodyTest {

    private final JShell shell = JShell.builder().executionEngine("local").build();

    SpawnBodyTest() throws URISyntaxException {
        shell.addToClasspath(Path.of(SerialCallable.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
    }

    @AfterEach
    void close() {
        shell.close();
    }

    private SnippetEvent eval(String body) {
        List<SnippetEvent> events = shell.eval(SpawnBody.source(body));
        assertEquals(1, events.stream().filter(e -> e.causeSnippet() == null).count(), events.toString());
        return events.get(0);
    }

    @Test
    void bodiesWithAndWithoutReturnCompile() {
        for (String body : List.of("return 42;", "int a = 1;\nSystem.out.println(a);",
                "if (Math.random() > 2) {\n    return 1;\n}\nint b = 2;", "for (;;) { return \"x\"; }",
                "record Local(int v) {}\nreturn new Local(3);", "Thread.sleep(1);\n")) {
            SnippetEvent e = eval(body);
            assertEquals(Snippet.Status.VALID, e.status(), body + ": " + shell.diagnostics(e.snippet())
                    .map(d -> d.getMessage(Locale.ROOT)).toList());
        }
    }

    @Test
    void compileErrorsKeepTheCellsLineNumbers() {
        String body = "int ok = 1;\nint bad = \"text\";\nreturn ok;";
        SnippetEvent e = eval(body);
        assertEquals(Snippet.Status.REJECTED, e.status());
        Diag diag = shell.diagnostics(e.snippet()).filter(Diag::isError).findFirst().orElseThrow();
        String source = e.snippet().source();
        int line = (int) source.substring(0, (int) diag.getStartPosition()).chars().filter(c -> c == '\n').count() + 1;
        assertEquals(3, line, "body line 2 is cell line 3 (line 1 is %%spawn)");
        assertTrue(diag.getMessage(Locale.ROOT).contains("incompatible types"), diag.getMessage(Locale.ROOT));
    }
}
