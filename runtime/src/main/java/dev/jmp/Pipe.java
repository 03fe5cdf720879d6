package dev.jmp;

import dev.jmp.internal.service.QueueCalls;

/**
 * Two connected {@link Connection}s, like Python's {@code Pipe()}: what one end sends, the other
 * receives. Duplex by default; a one-way pipe's {@link #first()} only receives and
 * {@link #second()} only sends, as in Python.
 */
public final class Pipe {

    private final Connection first;
    private final Connection second;

    private Pipe(Connection first, Connection second) {
        this.first = first;
        this.second = second;
    }

    /** A two-way pipe. */
    public static Pipe open() {
        return open(true);
    }

    /** A two-way pipe, or a one-way one when {@code duplex} is false. */
    public static Pipe open(boolean duplex) {
        return open(QueueHome.here(), duplex);
    }

    /**
     * Opens a pipe of {@code runtime}: it lives in that runtime's process and serves its workers.
     *
     * @param runtime the runtime
     * @param duplex  whether both ends send and receive (otherwise {@link #first()} only receives
     *                and {@link #second()} only sends)
     * @return the pipe
     */
    public static Pipe open(JmpRuntime runtime, boolean duplex) {
        return open(QueueHome.of(runtime), duplex);
    }

    private static Pipe open(QueueCalls calls, boolean duplex) {
        long ab = calls.create(0, false);
        if (!duplex) {
            return new Pipe(new Connection(calls, ab, -1), new Connection(calls, -1, ab));
        }
        long ba = calls.create(0, false);
        return new Pipe(new Connection(calls, ba, ab), new Connection(calls, ab, ba));
    }

    /** The first end. */
    public Connection first() {
        return first;
    }

    /** The second end. */
    public Connection second() {
        return second;
    }
}
