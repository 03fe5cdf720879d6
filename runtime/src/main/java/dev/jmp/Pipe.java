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
        long ab = QueueCalls.create(0, false);
        if (!duplex) {
            return new Pipe(new Connection(ab, -1), new Connection(-1, ab));
        }
        long ba = QueueCalls.create(0, false);
        return new Pipe(new Connection(ba, ab), new Connection(ab, ba));
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
