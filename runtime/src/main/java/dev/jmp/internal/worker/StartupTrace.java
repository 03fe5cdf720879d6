package dev.jmp.internal.worker;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

/**
 * Milestones of a worker's start, printed on its native stderr when the environment variable
 * {@code JMP_TRACE} is set: what tuning the cold start is measured with.
 */
public final class StartupTrace {

    private static final boolean ON = System.getenv("JMP_TRACE") != null;
    private static final long T0 = System.nanoTime();
    private static final PrintStream ERR = ON ? new PrintStream(new FileOutputStream(FileDescriptor.err), true) : null;

    private StartupTrace() {
    }

    /** Prints a milestone with the time since the worker's main class was loaded. */
    public static void mark(String what) {
        if (ON) {
            ERR.println("jmp-trace " + (System.nanoTime() - T0) / 100_000 / 10.0 + " ms " + what);
        }
    }
}
