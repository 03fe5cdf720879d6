package dev.jmp.kernel.jshell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Item 18's translation on texts the JVM and the runtime write, without a JShell. */
class NotebookTextTest {

    private final NotebookText text = new NotebookText(new WrapperLines(new SnippetLocations()));

    @Test
    void notebookClassesVariablesAndMethodsLoseJShellsWrapper() {
        assertEquals("result: PageX is not Serializable",
                text.translate("result: REPL.$JShell$52$PageX is not Serializable"));
        assertEquals("Cannot invoke \"String.length()\" because \"daemonLog\" is null",
                text.translate("Cannot invoke \"String.length()\" because \"REPL.$JShell$80.daemonLog\" is null"));
        assertEquals("Cannot invoke \"PageX.size()\" because the return value of \"pages()\" is null",
                text.translate("Cannot invoke \"REPL.$JShell$52$PageX.size()\" because the return value of "
                        + "\"REPL.$JShell$53.pages()\" is null"));
        assertEquals("Outer.Inner", text.translate("REPL/$JShell$12$Outer$Inner"));
        assertEquals("no change", text.translate("no change"));
    }

    @Test
    void lambdasAreNamedByWhereTheyAreWhenKnown() {
        assertEquals("a task must be serializable, but a notebook lambda is not",
                text.translate("a task must be serializable, but REPL.$JShell$466$$Lambda$831/0x0000000800c0b000 is not"));
        assertEquals("r = a notebook lambda", text.translate("r = REPL.$JShell$466$PageX$$Lambda/0x0000000800c0b000@1f"));
        text.recordLambdas("REPL.$JShell$7", List.of(3));
        // Without the wrapper's line table, the lambda is still not named by JShell.
        assertEquals("x a notebook lambda y", text.translate("x REPL.$JShell$7$$Lambda/0x01 y"));
    }
}
