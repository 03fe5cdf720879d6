package dev.jmp.internal.supervisor;

import dev.jmp.internal.util.DeadOwners;
import dev.jmp.internal.worker.ItemProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The progress files of one runtime's workers (see {@link ItemProgress}), in a temporary
 * directory of its own that goes away with the runtime. The directory's name carries its owner's
 * tag ({@code jmp-progress-<pid>-<start>-<n>}), so that the next runtime to start removes the
 * directories of owners killed before they could ({@link #sweepDead}).
 */
final class ProgressFiles {

    private static final System.Logger LOG = System.getLogger("dev.jmp.supervisor");
    private static final String PREFIX = "jmp-progress-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+-\\d+)-\\d+");
    private Path dir;

    /**
     * Makes the zeroed file of a new worker; {@code null} if it cannot (the pool then treats every
     * item of a dead worker's tasks as hit by the death, as without the file).
     */
    synchronized Path create(String workerId) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory(PREFIX + DeadOwners.self() + "-");
            }
            Path f = dir.resolve(workerId);
            ItemProgress.create(f);
            return f;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no progress file for worker " + workerId, e);
            return null;
        }
    }

    /** Reads what a dead worker left in its file, then deletes the file. */
    static ItemProgress.Last readAndDelete(Path file) {
        if (file == null) {
            return null;
        }
        ItemProgress.Last last = ItemProgress.read(file);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // deleted with the directory
        }
        return last;
    }

    /**
     * Removes the progress directories that dead runtimes left in the temporary directory.
     *
     * @param tmp the temporary directory ({@code java.io.tmpdir})
     * @return how many were removed
     */
    static int sweepDead(Path tmp) {
        return DeadOwners.sweep(tmp, PREFIX + "*", NAME);
    }

    /** Deletes the directory and what is left in it. */
    synchronized void deleteAll() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot delete " + dir, e);
        }
    }
}
