package dev.jmp.internal.pool;

import dev.jmp.error.RemoteException;
import dev.jmp.internal.serial.Errors;
import dev.jmp.internal.serial.Slice;
import dev.jmp.internal.wire.message.ErrorInfo;

/**
 * The result of one item, still encoded: a value's bytes, a remote error, or a local failure
 * (the worker died, the job was cancelled). Decoded by whoever consumes it, never on the wire
 * thread, with the caller's class loader.
 */
public final class ItemResult {

    private final Slice value;
    private final boolean raw;
    private final ErrorInfo remote;
    private final RuntimeException local;
    private dev.jmp.spi.ItemTiming timing;
    private ChunkTiming chunkTiming;
    private int indexInChunk;

    private ItemResult(Slice value, boolean raw, ErrorInfo remote, RuntimeException local,
                       dev.jmp.spi.ItemTiming timing) {
        this.value = value;
        this.raw = raw;
        this.remote = remote;
        this.local = local;
        this.timing = timing;
    }

    private ItemResult(Slice value, boolean raw, ErrorInfo remote, RuntimeException local) {
        this(value, raw, remote, local, null);
    }

    /** This result with when and where the item ran. */
    public ItemResult timed(dev.jmp.spi.ItemTiming t) {
        return new ItemResult(value, raw, remote, local, t);
    }

    /** This result as item {@code i} of a chunk timed by {@code t} (its span made when asked for). */
    ItemResult timed(ChunkTiming t, int i) {
        chunkTiming = t;
        indexInChunk = i;
        return this;
    }

    /** When and where the item ran, or null if unknown (never dispatched, cancelled). */
    public synchronized dev.jmp.spi.ItemTiming timing() {
        if (timing == null && chunkTiming != null) {
            timing = chunkTiming.item(indexInChunk);
        }
        return timing;
    }

    /** An encoded value. */
    public static ItemResult ok(Slice value) {
        return new ItemResult(value, false, null, null);
    }

    /** A value from a value list, encoded or (status {@code BYTES}) a raw byte array. */
    public static ItemResult ok(Slice value, byte status) {
        return new ItemResult(value, status == dev.jmp.internal.serial.ValueList.BYTES, null, null);
    }

    /** An exception thrown remotely. */
    public static ItemResult remote(ErrorInfo error) {
        return new ItemResult(null, false, error, null);
    }

    /** A failure decided in the parent. */
    public static ItemResult local(RuntimeException error) {
        return new ItemResult(null, false, null, error);
    }

    /** The value's bytes (a copy), or {@code null} if the item produced none. */
    public byte[] bytes() {
        return value == null ? null : value.toArray();
    }

    /** Whether the value is a raw {@code byte[]} rather than an encoded value. */
    public boolean isRaw() {
        return raw;
    }

    /** The error the item (or its task) threw in the worker, or {@code null}. */
    public ErrorInfo remoteError() {
        return remote;
    }

    /** Whether the item produced a value. */
    public boolean isOk() {
        return value != null;
    }

    /**
     * Returns the value.
     *
     * @throws RemoteException   if the task threw
     * @throws RuntimeException  the local failure (worker died, cancelled, cannot deserialize)
     */
    public Object value(ClassLoader loader) {
        if (value != null) {
            return raw ? value.toArray() : dev.jmp.internal.serial.BatchCodec.decode(value.buf(), value.off(), value.len(), loader);
        }
        throw failure();
    }

    /** Returns the failure as an exception (a fresh {@code RemoteException} for remote errors). */
    public RuntimeException failure() {
        if (remote != null) {
            return Errors.toException(remote);
        }
        if (local != null) {
            return local;
        }
        throw new IllegalStateException("the item succeeded");
    }
}
