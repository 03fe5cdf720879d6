package dev.jmp.kernel.jshell;

import dev.jmp.magics.CellFailure;
import dev.jmp.kernel.JmpKernel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 300, unit = TimeUnit.SECONDS)
class JShellEvaluatorTest {

    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(JmpKernel.notebookClasspath(), List.of(),
                JShellEvaluatorTest.class.getClassLoader(), new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void valueOfTheLastExpressionIsTheRealObject() throws Exception {
        CellValue value = evaluator.eval("int a = 20;\nint b = 22;\nList.of(a, b)", 1);
        assertEquals(List.of(20, 22), value.value());
        assertNull(evaluator.eval("int c = 1;", 2), "a declaration has no value to show");
        assertNull(evaluator.eval("System.out.print(\"\")", 3), "a void call has no value");
        assertNull(evaluator.eval("(Object) null", 4).value());
    }

    @Test
    void aHugeValueIsNotRenderedWholeByEvaluationOrInspection() throws Exception {
        // AbstractList's iterator reads through get(i), so reads counts the elements rendered.
        evaluator.eval("""
                class Huge extends java.util.AbstractList<Integer> {
                    int reads;
                    public Integer get(int i) { reads++; return i; }
                    public int size() { return 5_000_000; }
                }""", 30);
        evaluator.eval("Huge huge = new Huge();", 31);
        assertEquals("Huge", evaluator.eval("huge", 32).value().getClass().getSimpleName());
        int reads = (Integer) evaluator.eval("huge.reads", 33).value();
        assertTrue(reads <= 1000, "elements read by evaluating: " + reads);
        jdk.jshell.JShell shell = evaluator.jshell();
        jdk.jshell.VarSnippet var = shell.variables().filter(v -> v.name().equals("huge")).findFirst().orElseThrow();
        String shown = shell.varValue(var);
        assertTrue(shown.startsWith("[0, 1, 2, ") && shown.length() <= 1000, shown);
        int afterInspect = (Integer) evaluator.eval("huge.reads", 34).value();
        assertTrue(afterInspect - reads <= 1000, "elements read by inspection: " + (afterInspect - reads));
    }

    @Test
    void compileErrorsNameTheCellLineAndColumn() {
        CellFailure e = assertThrows(CellFailure.class,
                () -> evaluator.eval("int ok = 1;\n\n  String s = 42;\n", 7));
        assertEquals("CompilationError", e.errorName());
        assertTrue(e.errorValue().startsWith("line 3, column 14:"), e.errorValue());
        assertTrue(e.traceback().contains("      String s = 42;".substring(2)) || e.traceback().get(1).contains("String s = 42;"),
                String.join("\n", e.traceback()));
        assertTrue(e.traceback().get(2).trim().equals("^^"), String.join("\n", e.traceback()));
    }

    @Test
    void runtimeErrorsShowCellLinesWithoutKernelFrames() {
        assertDoesNotThrow(() -> evaluator.eval("int boom(int x) {\n  return 10 / x;\n}\n", 5));
        CellFailure e = assertThrows(CellFailure.class, () -> evaluator.eval("\nboom(0)", 6));
        assertEquals("java.lang.ArithmeticException", e.errorName());
        assertEquals("/ by zero", e.errorValue());
        List<String> trace = e.traceback();
        assertEquals("java.lang.ArithmeticException: / by zero", trace.get(0));
        assertEquals("    at boom (cell [5], line 2)", trace.get(1), String.join("\n", trace));
        assertEquals("    at cell [6], line 2", trace.get(2), String.join("\n", trace));
        for (String line : trace) {
            assertTrue(!line.contains("jdk.jshell") && !line.contains("dev.jmp.kernel")
                    && !line.contains("reflect"), "internal frame shown: " + line);
        }
    }

    @Test
    void framesOfALaterSnippetOfACellShowTheirOwnLines() {
        // The method is the cell's second snippet; JShell used to report all its frames as the
        // snippet's first line.
        CellFailure e = assertThrows(CellFailure.class, () -> evaluator.eval(
                "int seed = 1;\nint divide(int v) {\n    int z = seed;\n    return z / v;\n}\n\ndivide(0);", 8));
        assertEquals("    at divide (cell [8], line 4)", e.traceback().get(1), String.join("\n", e.traceback()));
        assertEquals("    at cell [8], line 7", e.traceback().get(2), String.join("\n", e.traceback()));
        CellFailure compile = assertThrows(CellFailure.class,
                () -> evaluator.eval("int fine = 2;\nvoid broken() {\n    int q = \"text\";\n}", 9));
        assertTrue(compile.errorValue().startsWith("line 3, column 13:"), compile.errorValue());
    }

    @Test
    void userExceptionClassesAndCausesKeepTheirNames() {
        CellFailure e = assertThrows(CellFailure.class, () -> evaluator.eval(
                "class Oops extends RuntimeException { Oops(String m, Throwable c) { super(m, c); } }\n"
                        + "throw new Oops(\"outer\", new IllegalStateException(\"inner\"));", 8));
        assertEquals("Oops", e.errorName());
        assertTrue(e.traceback().contains("Caused by: java.lang.IllegalStateException: inner"), String.join("\n", e.traceback()));
    }

    @Test
    void stopEndsAnInfiniteLoopAsAnInterruptAndTheNextCellWorks() throws Exception {
        stopEndsAsAnInterruptAndTheNextCellWorks("while (true) {}");
    }

    @Test
    void stopEndsASleepAsAnInterruptAndTheNextCellWorks() throws Exception {
        stopEndsAsAnInterruptAndTheNextCellWorks("Thread.sleep(600_000);");
        // The stop's interrupt does not leak into the next snippet.
        assertEquals(Boolean.FALSE, evaluator.eval("Thread.sleep(1);\nThread.currentThread().isInterrupted()", 11).value());
    }

    private void stopEndsAsAnInterruptAndTheNextCellWorks(String cell) throws Exception {
        CompletableFuture<CellFailure> running = CompletableFuture.supplyAsync(() -> {
            try {
                evaluator.eval(cell, 9);
                return null;
            } catch (CellFailure e) {
                return e;
            }
        });
        // Stop until the loop is really stopped: the first stop may land before it starts.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        CellFailure stopped = null;
        while (stopped == null && System.nanoTime() < deadline) {
            evaluator.stop();
            try {
                stopped = running.get(200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                // still running: stop again
            }
        }
        assertEquals("Interrupted", stopped.errorName());
        assertEquals(2, evaluator.eval("1 + 1", 10).value());
    }

    @Test
    void aThreadStartedByAStatementDoesNotHoldItsCell() throws Exception {
        // JShell's own local execution joined such threads: the cell (and the next one) hung.
        CompletableFuture<CellValue> run = CompletableFuture.supplyAsync(() -> {
            try {
                return evaluator.eval("var gate = new java.util.concurrent.CountDownLatch(1);\n"
                        + "var sleeper = new Thread(() -> { try { gate.await(); } catch (InterruptedException e) { } });\n"
                        + "sleeper.start();\n"
                        + "sleeper.isAlive()", 20);
            } catch (CellFailure e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(Boolean.TRUE, run.get(300, TimeUnit.SECONDS).value());
        assertNull(evaluator.eval("gate.countDown();", 21));
        assertEquals(Boolean.FALSE, evaluator.eval("sleeper.join(10_000);\nsleeper.isAlive()", 22).value());
    }

    @Test
    void statementsOfACellAndLaterCellsShareOneThread() throws Exception {
        CellValue value = evaluator.eval("var local = new ThreadLocal<String>();\n"
                + "local.set(\"kept\");\n"
                + "local.get()", 23);
        assertEquals("kept", value.value());
        assertEquals("kept", evaluator.eval("local.get()", 24).value());
    }
}
