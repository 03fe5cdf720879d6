package dev.jmp.internal.worker;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Replaces {@code System.out} and {@code System.err} with streams that write whole lines, each
 * thread's separately, into the worker's native stdout (file descriptor 1), behind marker lines
 * that say the stream and the task. One pipe for both streams keeps a worker's Java output in
 * order; native writes to fd 1 and 2 still reach the parent's pipes untouched.
 */
public final class OutputCapture {

    private static final InheritableThreadLocal<TaskTag> TAG = new InheritableThreadLocal<>() {
        @Override
        protected TaskTag initialValue() {
            return TaskTag.NONE;
        }
    };

    private final String nonce;
    private final OutputStream fd1 = new FileOutputStream(FileDescriptor.out);
    private final LineStream out = new LineStream(false);
    private final LineStream err = new LineStream(true);
    private boolean lastErr;
    private TaskTag lastTag;
    private long lines;

    /** Creates the capture; call {@link #install()} to take over the standard streams. */
    public OutputCapture(String nonce) {
        this.nonce = nonce;
    }

    /** Installs the capturing streams as {@code System.out} and {@code System.err}. */
    public void install() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Sets the task tag of the calling thread (and threads it starts from now on). */
    public static void setTag(TaskTag tag) {
        TAG.set(tag);
    }

    /** Returns the calling thread's task tag. */
    public static TaskTag tag() {
        return TAG.get();
    }

    /** Number of lines written so far (to tell whether a task printed). */
    public synchronized long lines() {
        return lines;
    }

    /** Writes out the calling thread's partial lines, as if they ended with a newline. */
    public void flushPartial() {
        System.out.flush();
        System.err.flush();
        out.endLine();
        err.endLine();
    }

    /** Writes a task-done marker, after which the parent may complete the task. */
    public synchronized void done(long taskId) {
        write(OutputMarkers.done(nonce, taskId));
    }

    private synchronized void writeLine(boolean isErr, byte[] b, int off, int len) {
        TaskTag tag = TAG.get();
        if (lastTag == null || isErr != lastErr || !tag.equals(lastTag)) {
            write(OutputMarkers.stream(nonce, isErr, tag.job(), tag.item()));
            lastErr = isErr;
            lastTag = tag;
        }
        try {
            fd1.write(b, off, len);
            fd1.write('\n');
        } catch (IOException e) {
            // the parent is gone; the worker is about to exit
        }
        lines++;
    }

    private void write(byte[] marker) {
        try {
            fd1.write(marker);
        } catch (IOException e) {
            // the parent is gone
        }
    }

    /** Buffers each thread's bytes until a newline, so lines never interleave. */
    private final class LineStream extends OutputStream {
        private final boolean isErr;
        private final ThreadLocal<byte[][]> buffer = ThreadLocal.withInitial(() -> new byte[][] {new byte[256]});
        private final ThreadLocal<int[]> count = ThreadLocal.withInitial(() -> new int[1]);

        LineStream(boolean isErr) {
            this.isErr = isErr;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                if (count.get()[0] == 0) {
                    emit(new byte[0], 0, 0);
                } else {
                    endLine();
                }
                return;
            }
            byte[][] buf = buffer.get();
            int[] n = count.get();
            if (n[0] == buf[0].length) {
                buf[0] = Arrays.copyOf(buf[0], buf[0].length * 2);
            }
            buf[0][n[0]++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                if (b[i] == '\n') {
                    int[] n = count.get();
                    if (n[0] == 0) {
                        emit(b, start, i - start);
                    } else {
                        append(b, start, i - start);
                        endLine();
                    }
                    start = i + 1;
                }
            }
            if (start < end) {
                append(b, start, end - start);
            }
        }

        private void append(byte[] b, int off, int len) {
            byte[][] buf = buffer.get();
            int[] n = count.get();
            if (n[0] + len > buf[0].length) {
                buf[0] = Arrays.copyOf(buf[0], Math.max(buf[0].length * 2, n[0] + len));
            }
            System.arraycopy(b, off, buf[0], n[0], len);
            n[0] += len;
        }

        void endLine() {
            int[] n = count.get();
            if (n[0] > 0) {
                int len = n[0];
                n[0] = 0;
                emit(buffer.get()[0], 0, len);
            }
        }

        private void emit(byte[] b, int off, int len) {
            int trimmed = len > 0 && b[off + len - 1] == '\r' ? len - 1 : len;
            writeLine(isErr, b, off, trimmed);
        }
    }
}
