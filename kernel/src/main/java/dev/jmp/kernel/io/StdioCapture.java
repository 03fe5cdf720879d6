package dev.jmp.kernel.io;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The kernel JVM's file descriptors 1 and 2, captured as IPython's kernel captures its own: the
 * launcher ({@code jmp-kernel}) starts the JVM with pipes in their place and keeps the original
 * terminal (or log) open on two more descriptors, named by the system property
 * {@value #PROPERTY} as {@code OUT_PIPE,ERR_PIPE,TERMINAL_OUT,TERMINAL_ERR}.
 *
 * <p>What is written to descriptors 1 and 2 by anything but the kernel's Java code (a child
 * process started with {@code ProcessBuilder.inheritIO()}, native code, the JVM itself) goes to
 * the cell running at that moment, as its stdout or stderr, or to the terminal when no cell
 * runs. The kernel's own log is written to the terminal directly, never through the pipes, so it
 * never lands in a cell; Java's {@code System.out} in a cell already goes to the cell and does
 * not pass here either.
 */
public final class StdioCapture {

    /** The system property the launcher sets. */
    public static final String PROPERTY = "jmp.kernel.stdio";

    /** How long the end of a cell waits for output already written to reach it. */
    private static final long DRAIN_MILLIS = 2000;

    private final FileInputStream outPipe;
    private final FileInputStream errPipe;
    private final PrintStream terminalOut;
    private final PrintStream terminalErr;
    private final FileOutputStream fd1 = new FileOutputStream(FileDescriptor.out);
    private final FileOutputStream fd2 = new FileOutputStream(FileDescriptor.err);
    private PipeForwarder out;
    private PipeForwarder err;
    private long marks;
    private boolean warned;

    private StdioCapture(FileInputStream outPipe, FileInputStream errPipe, PrintStream terminalOut,
                         PrintStream terminalErr) {
        this.outPipe = outPipe;
        this.errPipe = errPipe;
        this.terminalOut = terminalOut;
        this.terminalErr = terminalErr;
    }

    /**
     * Opens the descriptors the launcher named.
     *
     * @param spec the property's value, {@code OUT_PIPE,ERR_PIPE,TERMINAL_OUT,TERMINAL_ERR}, or null
     * @return the capture, or null when {@code spec} is null or blank (the JVM was started without pipes)
     * @throws IOException              if a descriptor cannot be opened
     * @throws IllegalArgumentException if {@code spec} is not four descriptor numbers
     */
    public static StdioCapture open(String spec) throws IOException {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        String[] fds = spec.split(",", -1);
        if (fds.length != 4) {
            throw new IllegalArgumentException(PROPERTY + " must be four descriptor numbers "
                    + "OUT_PIPE,ERR_PIPE,TERMINAL_OUT,TERMINAL_ERR, got: " + spec);
        }
        for (String fd : fds) {
            if (!fd.strip().matches("\\d{1,4}")) {
                throw new IllegalArgumentException(PROPERTY + ": not a descriptor number: '" + fd + "' in " + spec);
            }
        }
        FileInputStream outPipe = new FileInputStream(path(fds[0]));
        FileInputStream errPipe = new FileInputStream(path(fds[1]));
        return new StdioCapture(outPipe, errPipe, terminal(fds[2]), terminal(fds[3]));
    }

    /**
     * The original descriptor itself, so the kernel's log shares its file offset with Jupyter's
     * own writes when it is a log file (a reopened {@code /dev/fd/N} of a regular file has an
     * offset of its own, and one writer would overwrite the other). Taking a descriptor by
     * number needs {@code --add-opens java.base/java.io=ALL-UNNAMED}, which the launcher passes;
     * without it the descriptor is reopened in append mode. One that cannot be reopened either
     * (a socket) becomes a sink: the pipes must be read whatever happens, or a child filling one
     * would block the kernel.
     */
    private static PrintStream terminal(String fd) {
        OutputStream stream;
        try {
            FileDescriptor descriptor = new FileDescriptor();
            Field number = FileDescriptor.class.getDeclaredField("fd");
            number.setAccessible(true);
            number.setInt(descriptor, Integer.parseInt(fd.strip()));
            stream = new FileOutputStream(descriptor);
        } catch (ReflectiveOperationException | RuntimeException notOpen) {
            try {
                stream = new FileOutputStream(path(fd), true);
            } catch (IOException e) {
                stream = OutputStream.nullOutputStream();
            }
        }
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    private static String path(String fd) {
        return "/dev/fd/" + fd.strip();
    }

    /**
     * The original stdout (the terminal or log Jupyter gave the kernel).
     *
     * @return a stream that writes there directly
     */
    public PrintStream terminalOut() {
        return terminalOut;
    }

    /**
     * The original stderr, where the kernel's own log goes.
     *
     * @return a stream that writes there directly
     */
    public PrintStream terminalErr() {
        return terminalErr;
    }

    /**
     * Starts forwarding what arrives on the pipes.
     *
     * @param cellRunning whether a cell runs now
     * @param cellOut     the running cell's stdout
     * @param cellErr     the running cell's stderr
     */
    public synchronized void start(BooleanSupplier cellRunning, OutputStream cellOut, OutputStream cellErr) {
        if (out != null) {
            throw new IllegalStateException("the capture of descriptors 1 and 2 is already started");
        }
        out = new PipeForwarder(outPipe, () -> cellRunning.getAsBoolean() ? cellOut : terminalOut, terminalErr, "stdout");
        err = new PipeForwarder(errPipe, () -> cellRunning.getAsBoolean() ? cellErr : terminalErr, terminalErr, "stderr");
        out.start();
        err.start();
    }

    /**
     * Waits (at most 2 s) until what was written to descriptors 1 and 2 before this call has been
     * forwarded: called at the end of a cell, so a child's last lines land in the cell that ran it.
     */
    public synchronized void drain() {
        if (out == null) {
            return;
        }
        try {
            marks++;
            fd1.write(PipeForwarder.MARK);
            fd2.write(PipeForwarder.MARK);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
            boolean done = out.awaitMarks(marks, deadline) && err.awaitMarks(marks, deadline);
            if (!done && !warned) {
                warned = true;
                terminalErr.println("jmp kernel: output of child processes did not reach the cell within "
                        + DRAIN_MILLIS + " ms; later output may land in the next cell");
            }
        } catch (IOException e) {
            terminalErr.println("jmp kernel: cannot mark the end of a cell on descriptors 1 and 2: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
