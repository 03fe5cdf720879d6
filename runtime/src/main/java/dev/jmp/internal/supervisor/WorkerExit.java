package dev.jmp.internal.supervisor;

import dev.jmp.launch.ExitCodes;
import dev.jmp.internal.worker.ItemProgress;
import java.util.List;

/**
 * How a worker ended.
 *
 * @param exitCode   Python-style: 0 ok, N for exit(N), -N killed by signal N
 * @param lastStderr the last lines it wrote to stderr
 * @param lostReason why jmp stopped it, in words (it fell silent, never connected, lost messages,
 *                   could not be launched, was terminated through the API, the runtime shut down),
 *                   or {@code null} if jmp did not
 * @param stopAsked  whether that reason is a stop someone asked for (terminate, kill, shutdown),
 *                   not a failure jmp saw
 * @param lastItem   the item it ran last (see {@link ItemProgress}), or {@code null} if unknown
 */
public record WorkerExit(int exitCode, List<String> lastStderr, String lostReason, boolean stopAsked,
                         ItemProgress.Last lastItem) {

    /** Describes the exit for error messages: the reason jmp stopped it, if it did, then the code. */
    public String describe() {
        return (lostReason != null ? lostReason + "; " : "") + ExitCodes.describe(exitCode);
    }

    /**
     * Why the worker failed by jmp's decision, in words: the parent gave up on it (it never
     * connected, fell silent, could not be reached, lost messages, could not be launched), or the
     * worker left on its own decision (exit codes 78, 79, 80), with the line it wrote about it.
     * {@code null} if it ended otherwise: its task returned or threw, it called
     * {@code System.exit}, a signal from elsewhere killed it, or someone asked for the stop (as
     * in Python, a terminated process has an exit code, not an exception; the reason is still in
     * {@link #describe()}).
     */
    public String jmpReason() {
        if (exitCode == 0 || stopAsked) {
            return null;
        }
        if (lostReason != null) {
            return describe();
        }
        if (exitCode == ExitCodes.PARENT_GONE || exitCode == ExitCodes.PARENT_SILENT
                || exitCode == ExitCodes.MESSAGES_LOST) {
            for (String line : lastStderr) {
                if (line.startsWith(SELF_EXIT_PREFIX)) {
                    return line.substring(SELF_EXIT_PREFIX.length()) + "; " + ExitCodes.describe(exitCode);
                }
            }
            return ExitCodes.describe(exitCode);
        }
        return null;
    }

    /** How a worker's line about its own decision to leave begins (as {@code WorkerRuntime} writes it). */
    static final String SELF_EXIT_PREFIX = "jmp worker exiting: ";
}
