package dev.jmp.supervisor;

import dev.jmp.launch.ExitCodes;
import java.util.List;

/**
 * How a worker ended.
 *
 * @param exitCode   Python-style: 0 ok, N for exit(N), -N killed by signal N
 * @param lastStderr the last lines it wrote to stderr
 * @param lost       whether the parent killed it for falling silent
 */
public record WorkerExit(int exitCode, List<String> lastStderr, boolean lost) {

    /** Describes the exit for error messages. */
    public String describe() {
        return (lost ? "stopped answering heartbeats and was killed; " : "") + ExitCodes.describe(exitCode);
    }
}
