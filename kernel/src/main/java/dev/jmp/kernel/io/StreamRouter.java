package dev.jmp.kernel.io;

import dev.jmp.spi.Daemons;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Installs process-wide {@code System.out} and {@code System.err} that publish to the cell:
 * notebook code runs in the kernel JVM, so whatever any thread prints belongs to a cell.
 * A periodic flush publishes partial lines within {@value #FLUSH_MILLIS} ms.
 */
public final class StreamRouter implements AutoCloseable {

    static final long FLUSH_MILLIS = 50;

    private final CellOutputStream stdout;
    private final CellOutputStream stderr;
    private final PrintStream out;
    private final PrintStream err;
    private final ScheduledExecutorService flusher;
    private volatile boolean cellRunning;
    private volatile StdioCapture capture;

    /**
     * Creates the streams (not installed yet).
     *
     * @param publisher publishes under the current cell
     */
    public StreamRouter(IOPubPublisher publisher) {
        this.stdout = new CellOutputStream(PublishStream.StreamType.OUT, publisher);
        this.stderr = new CellOutputStream(PublishStream.StreamType.ERR, publisher);
        this.out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
        this.err = new PrintStream(stderr, false, StandardCharsets.UTF_8);
        this.flusher = Daemons.timer("jmp-stream-flush");
    }

    /** Makes these streams {@code System.out}/{@code System.err} and starts the periodic flush. */
    public void install() {
        System.setOut(out);
        System.setErr(err);
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * The cell's stdout.
     *
     * @return the stream
     */
    public PrintStream out() {
        return out;
    }

    /**
     * The cell's stderr.
     *
     * @return the stream
     */
    public PrintStream err() {
        return err;
    }

    /**
     * Sends what arrives on the kernel's captured descriptors 1 and 2 to the running cell (and to
     * the terminal when no cell runs).
     *
     * @param captured the capture the launcher set up
     */
    public void forward(StdioCapture captured) {
        this.capture = captured;
        captured.start(() -> cellRunning, out, err);
    }

    /** Marks that a cell starts: captured output goes to it from now on. */
    public void cellStarted() {
        cellRunning = true;
    }

    /**
     * Marks that a cell ends: output already written to the captured descriptors reaches it
     * first, then everything buffered is published (before the cell's result or reply).
     */
    public void cellEnded() {
        StdioCapture c = capture;
        if (c != null && cellRunning) {
            c.drain();
        }
        cellRunning = false;
        flush();
    }

    /** Publishes everything buffered (before a cell's result or reply). */
    public void flush() {
        out.flush();
        err.flush();
    }

    @Override
    public void close() {
        flush();
        flusher.shutdownNow();
    }
}
