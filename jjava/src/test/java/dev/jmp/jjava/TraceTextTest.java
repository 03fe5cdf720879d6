package dev.jmp.jjava;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TraceTextTest {

    /** As a worker's RemoteException: printing itself goes through the formatter that calls us. */
    static final class SelfPrinting extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SelfPrinting(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public void printStackTrace(PrintStream s) {
            throw new AssertionError("the formatter must not print through printStackTrace");
        }

        @Override
        public void printStackTrace(PrintWriter s) {
            throw new AssertionError("the formatter must not print through printStackTrace");
        }
    }

    @Test
    void linesComeFromTheFramesWithoutMachineryAndWithCauses() {
        SelfPrinting error = new SelfPrinting("w0 failed", new ArithmeticException("/ by zero"));
        error.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("REPL.$JShell$28", "div", "$JShell$28.java", 17),
            new StackTraceElement("dev.jmp.internal.worker.TaskExecutor", "run", "TaskExecutor.java", 40),
            new StackTraceElement("org.dflib.jjava.jupyter.kernel.BaseKernel", "eval", "BaseKernel.java", 1),
        });
        error.getCause().setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.lang.reflect.Method", "invoke", "Method.java", 569),
        });
        List<String> lines = TraceText.lines(error);
        assertEquals(List.of(error.toString(), "\tat REPL.$JShell$28.div($JShell$28.java:17)",
                "Caused by: java.lang.ArithmeticException: / by zero"), lines);
    }
}
