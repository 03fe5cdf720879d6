package dev.jmp.kernel.io;

import io.github.spencerpark.jupyter.messages.publish.PublishStream;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One of the cell's output streams (stdout or stderr). Bytes are buffered and published as a
 * {@code stream} message at each line end, on {@link #flush()}, and by the router's periodic
 * flush, so a {@code print} without a newline shows up promptly too. A UTF-8 character split
 * across writes is held back until complete.
 */
final class CellOutputStream extends OutputStream {

    private static final int MAX_BUFFER = 64 * 1024;

    private final PublishStream.StreamType type;
    private final IOPubPublisher publisher;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    CellOutputStream(PublishStream.StreamType type, IOPubPublisher publisher) {
        this.type = type;
        this.publisher = publisher;
    }

    @Override
    public synchronized void write(int b) {
        buffer.write(b);
        if (b == '\n' || buffer.size() >= MAX_BUFFER) {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
        buffer.write(bytes, off, len);
        if (buffer.size() >= MAX_BUFFER) {
            flush();
            return;
        }
        for (int i = off + len - 1; i >= off; i--) {
            if (bytes[i] == '\n') {
                flush();
                return;
            }
        }
    }

    @Override
    public synchronized void flush() {
        if (buffer.size() == 0) {
            return;
        }
        byte[] bytes = buffer.toByteArray();
        int complete = completeUtf8Length(bytes);
        if (complete == 0) {
            return;
        }
        String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
        buffer.reset();
        buffer.write(bytes, complete, bytes.length - complete);
        if (publisher.hasParent()) {
            publisher.publish(new PublishStream(type, text));
        } else {
            publisher.fallback().print(text);
            publisher.fallback().flush();
        }
    }

    /** The length of the longest prefix that does not end inside a multi-byte UTF-8 character. */
    static int completeUtf8Length(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue;
            }
            int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }
}
