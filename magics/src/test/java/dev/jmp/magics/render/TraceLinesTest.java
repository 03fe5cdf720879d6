package dev.jmp.magics.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@Timeout(300)
class TraceLinesTest {

    /** Stands in for the kernel's formatter: names the frame it was given. */
    private final TraceLines lines = new TraceLines(t -> List.of("headline",
            "    at " + t.getStackTrace()[0].getMethodName() + " (cell [7], line " + t.getStackTrace()[0].getLineNumber() + ")"));

    @Test
    void notebookFramesBecomeCellLines() {
        assertEquals("\tat divide (cell [7], line 24)",
                lines.rewrite("\tat jmp-worker//REPL.$JShell$20C.divide($JShell$20C.java:24)"));
        assertEquals("    at lambda$do_it$$546d3f62$1 (cell [7], line 3)",
                lines.rewrite("    at REPL.$JShell$31.lambda$do_it$$546d3f62$1($JShell$31.java:3)"));
    }

    @Test
    void workerMachineryIsDroppedAndOtherLinesKept() {
        assertNull(lines.rewrite("\tat dev.jmp.internal.worker.TaskExecutor.invoke(TaskExecutor.java:178)"));
        assertEquals("\tat java.base/java.lang.Thread.sleep(Native Method)",
                lines.rewrite("\tat java.base/java.lang.Thread.sleep(Native Method)"));
        assertEquals("java.lang.ArithmeticException: / by zero", lines.rewrite("java.lang.ArithmeticException: / by zero"));
        assertEquals("what I ate today", lines.rewrite("what I ate today"));
    }

    @Test
    void notebookExceptionClassesAreNamedAsInTheNotebook() {
        assertEquals("Oops: boom 3", lines.rewrite("REPL.$JShell$42$Oops: boom 3"));
        assertEquals("Caused by: Outer.Inner", lines.rewrite("Caused by: REPL.$JShell$12$Outer$Inner"));
        assertEquals("Exception in thread \"main\" Oops: a REPL.$JShell$1$X in the message stays",
                lines.rewrite("Exception in thread \"main\" REPL.$JShell$9$Oops: a REPL.$JShell$1$X in the message stays"));
        assertEquals("see REPL.$JShell$42$Oops", lines.rewrite("see REPL.$JShell$42$Oops"));
    }

    @Test
    void aTrimmedRecursionReadsAsItsCount() {
        // what Throwable.printStackTrace prints for the marker frame a worker puts in a stack overflow's trace
        String printed = "\tat " + dev.jmp.spi.TraceFormat.recursionOmitted(1021);
        assertEquals("\t... 1021 more frames of the same recursion", lines.rewrite(printed));
    }
}
