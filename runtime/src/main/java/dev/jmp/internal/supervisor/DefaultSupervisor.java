package dev.jmp.internal.supervisor;

/**
 * The supervisor of the default runtime, behind the convenience API ({@code Jmp.*}, a
 * {@code Process}, {@code Pool} or {@code Manager} made without a runtime, queues and pipes):
 * started on first use with {@link RuntimeSettings#global()}, and started afresh after a shutdown.
 * Only those entry points look it up; everything they create is handed the supervisor they got
 * here and keeps it.
 */
public final class DefaultSupervisor {

    private static Supervisor current;

    private DefaultSupervisor() {
    }

    /** Returns the default runtime's supervisor, starting it if it is not running. */
    public static synchronized Supervisor get() {
        if (current == null || current.isClosed()) {
            current = Supervisor.start(RuntimeSettings.global());
        }
        return current;
    }

    /** Returns the default runtime's supervisor if it runs, or {@code null}. */
    public static synchronized Supervisor peek() {
        return current == null || current.isClosed() ? null : current;
    }

    /** Stops the default runtime if it runs; the next use starts a fresh one. */
    public static void shutdown() {
        Supervisor s;
        synchronized (DefaultSupervisor.class) {
            s = current;
            current = null;
        }
        if (s != null) {
            s.close();
        }
    }
}
