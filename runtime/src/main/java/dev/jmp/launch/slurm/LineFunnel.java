package dev.jmp.launch.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One stream made of whole lines from several writers: srun's own stderr and the launcher's lines
 * about the job (pending reason, queue timeout, how it ended). Whole lines only, so the reader
 * never sees a status line cut into the middle of one of srun's.
 */
final class LineFunnel extends InputStream {

    private static final byte[] END = new byte[0];
    private final LinkedBlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int at;
    private boolean ended;
    private volatile boolean closed;

    /** Adds a line (a newline is added). Ignored once the funnel is closed. */
    void line(String text) {
        bytes((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Adds bytes that end with a newline, or the last bytes of a stream. */
    void bytes(byte[] b) {
        if (!closed && b.length > 0) {
            lines.add(b);
        }
    }

    /** Ends the stream: the reader sees end-of-file after the lines added so far. */
    void end() {
        if (!closed) {
            closed = true;
            lines.add(END);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (at >= current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = lines.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading a Slurm worker's stderr", e);
            }
            at = 0;
            if (current == END) {
                ended = true;
                return -1;
            }
        }
        int n = Math.min(len, current.length - at);
        System.arraycopy(current, at, b, off, n);
        at += n;
        return n;
    }

    /**
     * Copies a stream into the funnel line by line (a line longer than {@code max} is passed on in
     * pieces), until its end, leaving out the lines {@code drop} picks.
     */
    void copyLines(InputStream in, int max, java.util.function.Predicate<String> drop) {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    line.write(buf[i]);
                    if (buf[i] == '\n' || line.size() >= max) {
                        byte[] b = line.toByteArray();
                        if (!drop.test(new String(b, StandardCharsets.UTF_8).strip())) {
                            bytes(b);
                        }
                        line.reset();
                    }
                }
            }
        } catch (IOException e) {
            // srun is gone; what it wrote so far is passed on
        }
        bytes(line.toByteArray());
    }
}
