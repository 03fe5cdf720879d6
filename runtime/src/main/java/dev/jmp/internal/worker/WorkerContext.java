package dev.jmp.internal.worker;

/**
 * The identity of the current worker JVM, set once it is assigned to an owner. Read by the
 * public {@code dev.jmp.Worker} API.
 */
public final class WorkerContext {

    private static volatile boolean worker;
    private static volatile int index = -1;
    private static volatile String name = "MainProcess";

    private WorkerContext() {
    }

    static void markWorker() {
        worker = true;
    }

    static void assign(int newIndex, String newName) {
        index = newIndex;
        name = newName;
    }

    /** Tells whether this JVM is a jmp worker. */
    public static boolean isWorker() {
        return worker;
    }

    /** The worker's index within its owner, or -1 outside workers. */
    public static int index() {
        return index;
    }

    /** The worker's name ({@code MainProcess} outside workers, as in Python). */
    public static String name() {
        return name;
    }
}
