package dev.jmp.internal.util;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one sweeper of files a process leaves behind when it dies without cleaning up (a
 * {@code kill -9}): every such file or directory carries its owner's tag, {@code <pid>-<start>}
 * (the start token of {@link ProcessStart}, so a reused pid does not make a dead owner look
 * alive), and the next process that starts removes those whose owner is gone. Shared-object
 * homes, worker progress directories and class-data archives in training use it.
 */
public final class DeadOwners {

    private static final String SELF = ProcessHandle.current().pid() + "-" + ProcessStart.self();

    private DeadOwners() {
    }

    /**
     * This process's tag.
     *
     * @return {@code <pid>-<start>}
     */
    public static String self() {
        return SELF;
    }

    /**
     * Tells whether a tag names a process that is no longer running.
     *
     * @param tag {@code <pid>-<start>}, or a bare {@code <pid>} (older names: dead only when no
     *            process has the pid)
     * @return {@code true} for a well-formed tag whose process is gone
     */
    public static boolean isDead(String tag) {
        int dash = tag.indexOf('-');
        long pid;
        long start;
        try {
            pid = Long.parseLong(dash < 0 ? tag : tag.substring(0, dash));
            start = dash < 0 ? 0 : Long.parseLong(tag.substring(dash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return true;
        }
        OptionalLong started = ProcessStart.of(pid);
        return start != 0 && started.isPresent() && !ProcessStart.same(start, started.getAsLong());
    }

    /**
     * Removes the entries of a directory whose name matches and whose owner is dead; other
     * entries, and this process's own, are left alone.
     *
     * @param dir  the directory (nothing happens if it does not exist)
     * @param glob which names to look at, for example {@code jmp-progress-*}
     * @param name the whole name; group 1 is the owner's tag
     * @return the number of entries removed
     */
    public static int sweep(Path dir, String glob, Pattern name) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
            for (Path entry : entries) {
                Matcher m = name.matcher(entry.getFileName().toString());
                if (m.matches() && !m.group(1).equals(SELF) && isDead(m.group(1)) && delete(entry)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // A directory we cannot list holds nothing we could remove either.
        }
        return removed;
    }

    /**
     * Deletes a file, or a directory with the files in it (owners' directories are flat).
     *
     * @param entry the file or directory
     * @return whether it is gone
     */
    public static boolean delete(Path entry) {
        try {
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                List<Path> files = new ArrayList<>();
                try (DirectoryStream<Path> inside = Files.newDirectoryStream(entry)) {
                    inside.forEach(files::add);
                }
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(entry);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
