package dev.jmp.magics.render;

import dev.jmp.magics.CellOutput;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Streams whole lines into a cell, live: lines from any thread are batched into one stream
 * message per {@value #FLUSH_MILLIS} ms (or sooner when a batch grows large or the stream
 * switches between stdout and stderr), so a chatty worker does not flood the frontend with
 * one message per line, order across workers is kept, and no line is ever split.
 */
public final class LineStreamer implements AutoCloseable {

    /** How long a line may wait before it is published. */
    public static final long FLUSH_MILLIS = 50;
    private static final int MAX_BATCH = 32 * 1024;

    private final CellOutput cell;
    private final StringBuilder batch = new StringBuilder();
    private final ScheduledFuture<?> tick;
    private boolean batchIsErr;
    private boolean closed;

    /**
     * Starts streaming into a cell.
     *
     * @param cell the cell's output
     */
    public LineStreamer(CellOutput cell) {
        this.cell = cell;
        this.tick = RenderClock.TIMER.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Adds a line.
     *
     * @param prefix a label such as {@code [w0] }, or empty
     * @param stderr whether the line goes to stderr
     * @param line   the line without its terminator
     */
    public synchronized void line(String prefix, boolean stderr, String line) {
        if (closed) {
            return;
        }
        if (batch.length() > 0 && stderr != batchIsErr) {
            publish();
        }
        batchIsErr = stderr;
        batch.append(prefix).append(line).append('\n');
        if (batch.length() >= MAX_BATCH) {
            publish();
        }
    }

    /** Publishes the lines waiting now. */
    public synchronized void flush() {
        publish();
    }

    private void publish() {
        if (batch.length() == 0) {
            return;
        }
        String text = batch.toString();
        batch.setLength(0);
        if (batchIsErr) {
            cell.stderr(text);
        } else {
            cell.stdout(text);
        }
    }

    /** Publishes what waits and stops; later lines are dropped. */
    @Override
    public synchronized void close() {
        publish();
        closed = true;
        tick.cancel(false);
    }
}
