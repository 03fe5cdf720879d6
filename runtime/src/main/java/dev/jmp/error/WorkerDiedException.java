package dev.jmp.error;

import java.util.List;

/**
 * The worker running a task died before the task finished (killed, crashed, out of memory,
 * {@code System.exit}), and the task had no retries left. Carries how the worker ended and the
 * last lines it wrote to stderr.
 */
public class WorkerDiedException extends JmpException {

    private static final long serialVersionUID = 1L;
    private final String workerName;
    private final long pid;
    private final int exitCode;
    private final List<String> lastStderr;

    /**
     * Creates the exception.
     *
     * @param workerName the worker's name
     * @param pid        its process id
     * @param exitCode   its exit code, Python-style ({@code -9} when killed by SIGKILL)
     * @param how        a description of the exit
     * @param lastStderr the last lines it wrote to stderr
     */
    public WorkerDiedException(String workerName, long pid, int exitCode, String how, List<String> lastStderr) {
        super("worker " + workerName + " (pid " + pid + ") died while running the task: " + how
                + (lastStderr.isEmpty() ? "" : "; last stderr lines:\n  " + String.join("\n  ", lastStderr)));
        this.workerName = workerName;
        this.pid = pid;
        this.exitCode = exitCode;
        this.lastStderr = List.copyOf(lastStderr);
    }

    /** The dead worker's name. */
    public String workerName() {
        return workerName;
    }

    /** The dead worker's process id. */
    public long pid() {
        return pid;
    }

    /** Its exit code, Python-style: {@code -N} when killed by signal N. */
    public int exitCode() {
        return exitCode;
    }

    /** The signal that killed it, or 0. */
    public int signal() {
        return exitCode < 0 ? -exitCode : 0;
    }

    /** The last lines it wrote to stderr. */
    public List<String> lastStderr() {
        return lastStderr;
    }

    /** {@link ErrorCode#WORKER_DIED}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.WORKER_DIED;
    }
}
