package dev.jmp.internal.supervisor;

import dev.jmp.internal.worker.TaskTag;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the parent knows of one worker's output pipes: the nonce its markers carry, the task its
 * lines belong to now, the tasks whose results wait for their output ({@link OutputSync}), the
 * last lines of its stderr (reported with its exit), and whether both pumps have drained.
 */
final class WorkerOutput {

    private static final int STDERR_TAIL = 20;
    private final String nonce;
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private final OutputSync sync = new OutputSync();
    private final CountDownLatch pumps = new CountDownLatch(2);
    private volatile TaskTag tag = TaskTag.NONE;

    WorkerOutput(String nonce) {
        this.nonce = nonce;
    }

    /** The secret the worker's output markers carry, so a task's printing cannot forge one. */
    String nonce() {
        return nonce;
    }

    /** The tasks whose results wait for their end marker on the output pipe. */
    OutputSync sync() {
        return sync;
    }

    /** The task the worker's lines belong to now. */
    TaskTag tag() {
        return tag;
    }

    void setTag(TaskTag newTag) {
        tag = newTag;
    }

    /** The last lines the worker wrote to stderr, oldest first. */
    List<String> lastStderr() {
        synchronized (stderrTail) {
            return List.copyOf(stderrTail);
        }
    }

    void recordStderr(String line) {
        synchronized (stderrTail) {
            if (stderrTail.size() == STDERR_TAIL) {
                stderrTail.removeFirst();
            }
            stderrTail.addLast(line);
        }
    }

    /** One of the two pumps (stdout, stderr) reached the end of its pipe. */
    void pumpDone() {
        pumps.countDown();
    }

    /** Waits for both pumps to drain; false if they did not within {@code millis}. */
    boolean awaitPumps(long millis) throws InterruptedException {
        return pumps.await(millis, TimeUnit.MILLISECONDS);
    }
}
