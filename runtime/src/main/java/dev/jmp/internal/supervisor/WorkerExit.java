package dev.jmp.internal.supervisor;

import dev.jmp.launch.ExitCodes;
import dev.jmp.internal.worker.ItemProgress;
import java.util.List;

/**
 * How a worker ended.
 *
 * @param exitCode   Python-style: 0 ok, N for exit(N), -N killed by signal N
 * @param lastStderr the last lines it wrote to stderr
 * @param lostReason why the parent killed it (it fell silent, never connected, lost messages),
 *                   or {@code null} if the parent did not
 * @param lastItem   the item it ran last (see {@link ItemProgress}), or {@code null} if unknown
 */
public record WorkerExit(int exitCode, List<String> lastStderr, String lostReason, ItemProgress.Last lastItem) {

    /** Describes the exit for error messages. */
    public String describe() {
        return (lostReason != null ? lostReason + " and was killed; " : "") + ExitCodes.describe(exitCode);
    }
}
