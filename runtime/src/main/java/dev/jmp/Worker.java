package dev.jmp;

import dev.jmp.internal.worker.OutputCapture;
import dev.jmp.internal.worker.WorkerContext;

/**
 * Who am I? Called inside a task, tells which worker runs it, like Python's
 * {@code current_process()}. Outside workers it describes the parent ({@code MainProcess},
 * index -1).
 */
public final class Worker {

    private Worker() {
    }

    /** Whether the calling code runs in a jmp worker. */
    public static boolean inWorker() {
        return WorkerContext.isWorker();
    }

    /** The worker's index in its pool (0-based) or spawn group; -1 in the parent. */
    public static int index() {
        return WorkerContext.index();
    }

    /** The worker's name, such as {@code PoolWorker-1} or a process name; {@code MainProcess} in the parent. */
    public static String name() {
        return WorkerContext.name();
    }

    /** This process's id. */
    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** The job the calling thread works for, or -1. */
    public static long jobId() {
        return OutputCapture.tag().job();
    }

    /** The index of the item the calling thread works on within its job (map position), or -1. */
    public static long item() {
        return OutputCapture.tag().item();
    }
}
