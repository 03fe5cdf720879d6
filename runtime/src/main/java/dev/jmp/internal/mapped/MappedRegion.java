package dev.jmp.internal.mapped;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One mapped file: a 64-byte header, then the elements. A process maps each file once; every
 * backend on it in this process shares the region, so the owner's file lives until the last
 * of them is unreachable.
 *
 * <p>Header (native byte order): magic, version, kind, length, a 128-bit random token that
 * proves a reference names this very file, the state ({@link #OPEN} or {@link #CLOSED}) and
 * the owner pid. The state word is what makes use after close a clean error: the owner sets
 * it before unlinking, and every operation reads it (an acquire load of a cache line that is
 * only ever read, so it stays shared in every core's cache and costs about nothing).
 */
final class MappedRegion {

    static final int HEADER_BYTES = 64;
    static final int OPEN = 1;
    static final int CLOSED = 2;

    static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private static final int MAGIC = 0x4A4D5053; // "JMPS"
    private static final int VERSION = 1;
    private static final int AT_MAGIC = 0;
    private static final int AT_VERSION = 4;
    private static final int AT_KIND = 8;
    private static final int AT_LENGTH = 12;
    private static final int AT_TOKEN_HI = 16;
    private static final int AT_TOKEN_LO = 24;
    static final int AT_STATE = 32;
    private static final int AT_OWNER_PID = 36;

    private static final Cleaner CLEANER = Cleaner.create();
    private static final SecureRandom TOKENS = new SecureRandom();
    private static final ConcurrentHashMap<String, WeakReference<MappedRegion>> MAPPED = new ConcurrentHashMap<>();

    final ByteBuffer buffer;
    final MappedRef ref;
    private final OwnedFile owned;

    private MappedRegion(ByteBuffer buffer, MappedRef ref, OwnedFile owned) {
        this.buffer = buffer;
        this.ref = ref;
        this.owned = owned;
    }

    /** Creates a zeroed region owned by this process, freed when it becomes unreachable. */
    static MappedRegion create(MappedHome home, ElementKind kind, int length, String label) {
        if (length < 1) {
            throw new IllegalArgumentException(label + " length must be at least 1, got " + length);
        }
        long size = HEADER_BYTES + (long) length * kind.bytes();
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(label + " length " + length + " is too large: at most "
                    + (Integer.MAX_VALUE - HEADER_BYTES) / kind.bytes() + " " + kind.name().toLowerCase()
                    + " elements fit one mapping");
        }
        long seq = home.nextSequence();
        Path path = home.ensureOwnerDirectory().resolve(kind.name().toLowerCase() + "-" + seq);
        ByteBuffer buffer;
        try {
            Files.createFile(path,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                reserve(channel, size);
                buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size).order(ByteOrder.nativeOrder());
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // The exit hook removes the directory anyway.
            }
            throw new IllegalStateException("cannot create the shared memory for " + label + " (" + size
                    + " bytes) at " + path + ": " + e, e);
        }
        long hi = TOKENS.nextLong();
        long lo = TOKENS.nextLong();
        buffer.putInt(AT_MAGIC, MAGIC);
        buffer.putInt(AT_VERSION, VERSION);
        buffer.putInt(AT_KIND, kind.ordinal());
        buffer.putInt(AT_LENGTH, length);
        buffer.putLong(AT_TOKEN_HI, hi);
        buffer.putLong(AT_TOKEN_LO, lo);
        buffer.putInt(AT_OWNER_PID, (int) home.pid());
        INTS.setRelease(buffer, AT_STATE, OPEN);
        String name = label + "#" + seq + "@pid" + home.pid();
        MappedRef ref = new MappedRef(HostIdentity.current(), path.toString(), kind, length, hi, lo,
                home.pid(), name);
        OwnedFile owned = new OwnedFile(path, buffer, home);
        MappedRegion region = new MappedRegion(buffer, ref, owned);
        home.remember(owned);
        CLEANER.register(region, owned);
        MAPPED.put(ref.path(), new WeakReference<>(region));
        return region;
    }

    /** Maps the file a reference names, or returns this process's existing mapping of it. */
    static MappedRegion open(MappedRef ref) {
        WeakReference<MappedRegion> known = MAPPED.get(ref.path());
        MappedRegion region = known == null ? null : known.get();
        if (region != null && region.ref.sameFile(ref)) {
            if (!region.isOpen()) {
                throw region.closedError();
            }
            return region;
        }
        region = map(ref);
        MAPPED.put(ref.path(), new WeakReference<>(region));
        MAPPED.values().removeIf(w -> w.get() == null);
        return region;
    }

    private static MappedRegion map(MappedRef ref) {
        Path path = Path.of(ref.path());
        long size = HEADER_BYTES + (long) ref.length() * ref.kind().bytes();
        ByteBuffer buffer;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (channel.size() < size) {
                throw gone(ref, "its file " + path + " is shorter than expected");
            }
            buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size).order(ByteOrder.nativeOrder());
        } catch (NoSuchFileException e) {
            throw gone(ref, "its file " + path + " no longer exists");
        } catch (IOException e) {
            throw new IllegalStateException("cannot map " + ref.name() + " from " + path + ": " + e, e);
        }
        if (buffer.getInt(AT_MAGIC) != MAGIC || buffer.getInt(AT_VERSION) != VERSION
                || buffer.getLong(AT_TOKEN_HI) != ref.tokenHi() || buffer.getLong(AT_TOKEN_LO) != ref.tokenLo()
                || buffer.getInt(AT_KIND) != ref.kind().ordinal() || buffer.getInt(AT_LENGTH) != ref.length()) {
            throw gone(ref, "the file " + path + " now holds something else");
        }
        MappedRegion region = new MappedRegion(buffer, ref, null);
        if (!region.isOpen()) {
            throw region.closedError();
        }
        return region;
    }

    boolean isOpen() {
        return (int) INTS.getAcquire(buffer, AT_STATE) == OPEN;
    }

    /** Frees the file for every process; only the owner's region can. */
    void destroy() {
        if (owned != null) {
            owned.run();
        }
    }

    IllegalStateException closedError() {
        return new IllegalStateException(ref.name() + " was closed by its owner (pid " + ref.ownerPid()
                + "): a shared value or array cannot be used after its owner closes it or exits");
    }

    static void markClosed(ByteBuffer buffer) {
        INTS.setVolatile(buffer, AT_STATE, CLOSED);
    }

    private static IllegalStateException gone(MappedRef ref, String why) {
        return new IllegalStateException(ref.name() + " no longer exists: its owner (pid " + ref.ownerPid()
                + ") closed it or exited, and " + why);
    }

    /** Writes zeros so that a full {@code /dev/shm} fails here with an error, not later with SIGBUS. */
    private static void reserve(FileChannel channel, long size) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(size, 1 << 20));
        long at = 0;
        while (at < size) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), size - at));
            at += channel.write(zeros, at);
        }
    }
}
