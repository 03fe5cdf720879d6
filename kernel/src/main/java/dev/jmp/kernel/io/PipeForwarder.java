package dev.jmp.kernel.io;

import dev.jmp.spi.Daemons;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Copies what arrives on one captured descriptor (a pipe the kernel JVM has in place of its
 * stdout or stderr) to where it belongs at that moment, on a daemon thread of its own.
 *
 * <p>The kernel marks the end of a cell by writing {@link #MARK} into the same pipe; the pipe
 * keeps order, so once the forwarder has passed the mark, everything written before it (by a
 * child that has exited, say) has reached the cell. Marks are taken out of the stream.
 */
final class PipeForwarder {

    /** Written by the kernel, never shown; its first byte occurs in it only once. */
    static final byte[] MARK = "\u0001jmp-cell-end\u0002".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final InputStream pipe;
    private final Supplier<OutputStream> target;
    private final PrintStream log;
    private final String name;
    private int matched;
    private long marksSeen;
    private boolean closed;

    /**
     * Creates a forwarder (not started).
     *
     * @param pipe   the read end of the captured descriptor
     * @param target where a chunk goes, asked for each chunk
     * @param log    the kernel's log, for a read that fails
     * @param name   the descriptor, for messages
     */
    PipeForwarder(InputStream pipe, Supplier<OutputStream> target, PrintStream log, String name) {
        this.pipe = pipe;
        this.target = target;
        this.log = log;
        this.name = name;
    }

    void start() {
        Daemons.start("jmp-" + name + "-forward", this::run);
    }

    private void run() {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        try {
            while (true) {
                int n = pipe.read(buffer);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == MARK[matched]) {
                        if (++matched == MARK.length) {
                            matched = 0;
                            write(chunk);
                            markSeen();
                        }
                        continue;
                    }
                    // Not the mark after all: what looked like its start is output.
                    chunk.write(MARK, 0, matched);
                    matched = b == MARK[0] ? 1 : 0;
                    if (matched == 0) {
                        chunk.write(b);
                    }
                }
                write(chunk);
            }
        } catch (IOException | RuntimeException e) {
            log.println("jmp kernel: stopped forwarding the captured " + name + ": " + e);
        }
        synchronized (this) {
            closed = true;
            notifyAll();
        }
    }

    private void write(ByteArrayOutputStream chunk) {
        if (chunk.size() == 0) {
            return;
        }
        OutputStream out = target.get();
        try {
            chunk.writeTo(out);
            out.flush();
        } catch (IOException e) {
            log.println("jmp kernel: cannot forward the captured " + name + ": " + e);
        }
        chunk.reset();
    }

    private synchronized void markSeen() {
        marksSeen++;
        notifyAll();
    }

    /**
     * Waits until this forwarder has passed a number of marks.
     *
     * @param marks       how many marks written so far
     * @param deadlineNanos give up at this {@link System#nanoTime()}
     * @return whether it has passed them
     * @throws InterruptedException if interrupted while waiting
     */
    synchronized boolean awaitMarks(long marks, long deadlineNanos) throws InterruptedException {
        while (marksSeen < marks && !closed) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return marksSeen >= marks;
    }
}
