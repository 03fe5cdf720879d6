package dev.jmp.kernel.jshell;

import dev.jmp.error.RemoteException;
import dev.jmp.magics.CellFailure;
import dev.jmp.kernel.JmpKernel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames JShell never translated (an exception caught inside a cell, or thrown in a worker that
 * ran the recorded classes) are mapped to cell lines through the wrapper line tables.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RemoteTraceTest {

    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(JmpKernel.notebookClasspath(), List.of(),
                RemoteTraceTest.class.getClassLoader(), new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private Throwable caughtInACell() throws CellFailure {
        evaluator.eval("int half(int x) {\n  int zero = 0;\n  return x / zero;\n}", 4);
        evaluator.eval("record Box(int v) {\n  int open() {\n    return half(v);\n  }\n}", 5);
        CellValue caught = evaluator.eval(
                "Throwable caught = null;\nRunnable r = () -> new Box(3).open();\n"
                        + "try { r.run(); } catch (Throwable t) { caught = t; }\ncaught", 6);
        return (Throwable) caught.value();
    }

    @Test
    void untranslatedFramesOfNotebookCodeShowCellLines() throws Exception {
        List<String> lines = evaluator.stackTraceCleaner().format(caughtInACell());
        assertEquals("java.lang.ArithmeticException: / by zero", lines.get(0));
        assertEquals("    at half (cell [4], line 3)", lines.get(1));
        assertEquals("    at Box.open (cell [5], line 3)", lines.get(2));
        assertEquals("    at cell [6], line 2", lines.get(3), String.join("\n", lines));
        assertEquals("    at cell [6], line 3", lines.get(4), String.join("\n", lines));
    }

    @Test
    void aWorkersExceptionReadsLikeALocalOne() throws Exception {
        Throwable local = caughtInACell();
        StackTraceElement[] frames = local.getStackTrace();
        StackTraceElement[] remote = java.util.Arrays.copyOf(frames, 4);
        // What a worker adds below the task: its own machinery.
        remote[3] = new StackTraceElement("dev.jmp.internal.worker.TaskExecutor", "invoke", "TaskExecutor.java", 178);
        RemoteException fromWorker = new RemoteException("java.lang.ArithmeticException",
                "java.lang.ArithmeticException", "/ by zero", remote, null);
        List<String> lines = evaluator.stackTraceCleaner().format(fromWorker);
        assertTrue(lines.get(0).endsWith(": / by zero"), lines.get(0));
        assertFalse(lines.get(0).startsWith("dev.jmp.error.RemoteException"), lines.get(0));
        assertEquals("    at half (cell [4], line 3)", lines.get(1));
        assertEquals("    at Box.open (cell [5], line 3)", lines.get(2));
        assertEquals("    at cell [6], line 2", lines.get(3));
        assertEquals(4, lines.size(), "the worker's machinery is cut: " + lines);
    }

    @Test
    void aWorkersTrimmedStackOverflowShowsTheRecursionOnceAndTheMarker() throws Exception {
        evaluator.eval("int rec(int n) {\n  return rec(n + 1) + 1;\n}", 7);
        CellValue caught = evaluator.eval(
                "Throwable overflow = null;\ntry { rec(0); } catch (StackOverflowError e) { overflow = e; }\noverflow", 8);
        StackTraceElement top = java.util.Arrays.stream(((Throwable) caught.value()).getStackTrace())
                // the frame the overflow hit can lack its location (JDK 25): take one of the calls below it
                .filter(f -> f.getMethodName().equals("rec") && f.getFileName() != null && f.getLineNumber() > 0)
                .findFirst().orElseThrow();
        // What a worker sends: the recursion's call once, the marker, then its own machinery. On
        // JDK 25 the overflow can land in the stop check JShell compiles into rec: a frame that
        // is JShell's, never shown (on 17 there is none; it is put here on every JDK).
        StackTraceElement stopCheck = new StackTraceElement("REPL.$Cancel$", "stopCheck", null, -1);
        StackTraceElement[] remote = {stopCheck, top, dev.jmp.spi.TraceFormat.recursionOmitted(1021),
            new StackTraceElement("dev.jmp.internal.worker.TaskExecutor", "invoke", "TaskExecutor.java", 178)};
        List<String> lines = evaluator.stackTraceCleaner().format(new RemoteException("java.lang.StackOverflowError",
                "java.lang.StackOverflowError", null, remote, null));
        assertEquals(List.of("java.lang.StackOverflowError", "    at rec (cell [7], line 2)",
                "    ... 1021 more frames of the same recursion"), lines);
    }
}
