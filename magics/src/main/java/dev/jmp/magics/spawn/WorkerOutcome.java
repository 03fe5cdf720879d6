package dev.jmp.magics.spawn;

import dev.jmp.error.RemoteException;

import java.util.List;

/**
 * How one worker of a run ended.
 *
 * @param index      its index in the run (0-based)
 * @param name       its process name
 * @param pid        its process id
 * @param exitCode   Python-style exit code: 0 ok, 1 exception, N from {@code System.exit(N)}, -N signal N
 * @param millis     how long it ran
 * @param result     the value the body returned, or null
 * @param resultText the result as shown in the summary
 * @param exception  what the body threw, or null
 * @param lastStderr the last lines it wrote to stderr
 */
public record WorkerOutcome(int index, String name, long pid, int exitCode, long millis, Object result,
                            String resultText, RemoteException exception, List<String> lastStderr) {

    /** Copies the stderr lines. */
    public WorkerOutcome {
        lastStderr = List.copyOf(lastStderr);
    }

    /**
     * Whether the worker succeeded.
     *
     * @return true for exit code 0
     */
    public boolean ok() {
        return exitCode == 0;
    }

    /**
     * The worker's label in output and tables.
     *
     * @return for example {@code w0}
     */
    public String label() {
        return "w" + index;
    }

    /**
     * Describes the exit for tables and errors.
     *
     * @return for example {@code exit code 3} or {@code killed by SIGTERM}
     */
    public String exitText() {
        return describeExit(exitCode);
    }

    /**
     * Describes an exit code.
     *
     * @param code Python-style exit code
     * @return the description
     */
    public static String describeExit(int code) {
        if (code >= 0) {
            return "exit code " + code;
        }
        String signal = switch (-code) {
            case 2 -> "SIGINT";
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 15 -> "SIGTERM";
            default -> "signal " + (-code);
        };
        return "killed by " + signal;
    }
}
