package dev.jmp.launch;

/**
 * Python's exit-code convention. A POSIX shell reports a process killed by signal N as
 * {@code 128 + N}, and so does {@link java.lang.Process#exitValue()}; Python reports {@code -N}.
 * An exit code above 128 chosen by the program itself is indistinguishable from a signal, as
 * in any shell; workers never choose one.
 */
public final class ExitCodes {

    /** A worker's own exit: its parent process ended (or it was re-parented). */
    public static final int PARENT_GONE = 78;
    /** A worker's own exit: it heard nothing from its parent for its heartbeat timeout. */
    public static final int PARENT_SILENT = 79;
    /** A worker's own exit: messages from its parent were lost in transit. */
    public static final int MESSAGES_LOST = 80;

    private ExitCodes() {
    }

    /** Converts a raw exit status to Python's convention. */
    public static int toPython(int raw) {
        if (raw > 128 && raw < 128 + 65) {
            return -(raw - 128);
        }
        return raw;
    }

    /** Returns the signal that killed a process with this (Python-style) code, or 0. */
    public static int signal(int pythonCode) {
        return pythonCode < 0 ? -pythonCode : 0;
    }

    /** Describes an exit code for messages: {@code exit code 3} or {@code killed by signal 9 (SIGKILL)}. */
    public static String describe(int pythonCode) {
        if (pythonCode >= 0) {
            return "exit code " + pythonCode + switch (pythonCode) {
                case PARENT_GONE -> " (the worker saw its parent process end and left)";
                case PARENT_SILENT -> " (the worker heard nothing from its parent for its heartbeat timeout and left)";
                case MESSAGES_LOST -> " (messages from the parent to the worker were lost in transit; the worker left)";
                default -> "";
            };
        }
        int sig = -pythonCode;
        String name = switch (sig) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> "signal " + sig;
        };
        return "killed by signal " + sig + " (" + name + ")";
    }
}
