package dev.jmp.kernel;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Ends the kernel when the process that started it ends, as ipykernel does: Jupyter names that
 * process in {@code JPY_PARENT_PID}. A notebook server or {@code nbconvert} killed with
 * {@code kill -9} cannot shut its kernels down, and a kernel left running then holds its worker
 * JVMs, ports and memory with nobody able to reach it. The exit runs the runtime's exit hook, so
 * the kernel's workers go with it.
 */
final class ParentWatch {

    /** The environment variable Jupyter's launcher sets to its own process id. */
    static final String VARIABLE = "JPY_PARENT_PID";

    private ParentWatch() {
    }

    /**
     * Watches the process {@code value} names, if any.
     *
     * @param value the variable's value ({@code null} or blank: nothing to watch)
     * @param log   where to say why the kernel exits, or why it cannot watch
     */
    static void start(String value, PrintStream log) {
        if (value == null || value.isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            log.println("jmp kernel: " + VARIABLE + "=" + value + " is not a process id; the kernel will not exit with its parent");
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (parent.isEmpty() || pid == ProcessHandle.current().pid()) {
            // Already gone (or an inherited value naming nothing useful): nothing to follow.
            return;
        }
        parent.get().onExit().thenRun(() -> {
            log.println("jmp kernel: the process that started it (pid " + pid + ") has ended; the kernel exits with it");
            System.exit(0);
        });
    }
}
