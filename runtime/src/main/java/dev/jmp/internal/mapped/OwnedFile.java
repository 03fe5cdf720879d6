package dev.jmp.internal.mapped;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The owner's duty to free one mapped file: mark its header closed, so that every process
 * still mapping it fails cleanly instead of using orphaned memory, then unlink it. Runs on
 * {@code close()}, from the {@link java.lang.ref.Cleaner} when the owner's objects become
 * unreachable, or from the shutdown hook. It must not reference the region it cleans, or the
 * region would never become unreachable.
 */
final class OwnedFile implements Runnable {

    private final Path path;
    private final ByteBuffer buffer;
    private final MappedHome home;
    private final AtomicBoolean destroyed = new AtomicBoolean();

    OwnedFile(Path path, ByteBuffer buffer, MappedHome home) {
        this.path = path;
        this.buffer = buffer;
        this.home = home;
    }

    Path path() {
        return path;
    }

    @Override
    public void run() {
        if (!destroyed.compareAndSet(false, true)) {
            return;
        }
        MappedRegion.markClosed(buffer);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // The directory sweep at exit or at the next start removes it.
        }
        home.forget(this);
    }
}
