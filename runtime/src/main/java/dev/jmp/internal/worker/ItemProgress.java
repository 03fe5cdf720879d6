package dev.jmp.internal.worker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Which item a worker is running, kept in a small memory-mapped file the worker writes and the
 * parent reads after the worker died. Memory stores to a shared file mapping survive a
 * {@code kill -9} (they live in the page cache, not in the process), so the parent learns which
 * item was running at the death without a message per item: that item gets the worker-died
 * error, and the items around it run again elsewhere.
 *
 * <p>One 8-byte word, written with a single aligned store (never torn):
 * {@code taskId << 21 | offset << 1 | finished}, where {@code offset} is the item's index within
 * its task (chunks are at most 100,000 items, below 2<sup>20</sup>). Zero means no task started.
 */
public final class ItemProgress {

    /** Bytes of the file. */
    public static final int SIZE = 8;
    private static final int OFFSET_BITS = 20;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;

    /**
     * What the word said.
     *
     * @param taskId   the task last started, or 0 if none
     * @param offset   the item within it
     * @param finished whether that item had finished (then no item was running)
     */
    public record Last(long taskId, int offset, boolean finished) {
    }

    private final MappedByteBuffer word;

    private ItemProgress(MappedByteBuffer word) {
        this.word = word;
    }

    /** Maps the file the parent made for this worker, or returns {@code null} if there is none. */
    public static ItemProgress open(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_WRITE, 0, SIZE);
            b.order(ByteOrder.nativeOrder());
            return new ItemProgress(b);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Records that item {@code offset} of task {@code taskId} starts. */
    public void started(long taskId, int offset) {
        word.putLong(0, taskId << (OFFSET_BITS + 1) | ((long) offset & OFFSET_MASK) << 1);
    }

    /** Records that item {@code offset} of task {@code taskId} finished. */
    public void finished(long taskId, int offset) {
        word.putLong(0, taskId << (OFFSET_BITS + 1) | ((long) offset & OFFSET_MASK) << 1 | 1);
    }

    /** Creates the zeroed file for a new worker. */
    public static void create(Path file) throws IOException {
        Files.write(file, new byte[SIZE]);
    }

    /** Reads what a dead worker left, or {@code null} if the file cannot be read. */
    public static Last read(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            if (b.length < SIZE) {
                return null;
            }
            long w = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getLong(0);
            return new Last(w >>> (OFFSET_BITS + 1), (int) ((w >>> 1) & OFFSET_MASK), (w & 1) != 0);
        } catch (IOException e) {
            return null;
        }
    }
}
