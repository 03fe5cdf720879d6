package dev.jmp.magics.classpath;

import dev.jmp.magics.MagicException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * The check every host kernel makes before it hands entries to JShell: JShell takes a missing or
 * unreadable path without a word and the user's import then fails far from the cause, so each
 * entry is refused here, by name, with the reason.
 */
public final class ClasspathEntries {

    private ClasspathEntries() {
    }

    /**
     * Refuses the first entry that does not exist or cannot be read.
     *
     * @param entries jars or folders about to be added to the class path
     * @throws MagicException naming the entry and what is wrong with it
     */
    public static void requireReadable(List<Path> entries) throws MagicException {
        requireReadable(entries, Files::isReadable);
    }

    /** As above, with the readability test given: root reads everything, so tests pass their own. */
    static void requireReadable(List<Path> entries, Predicate<Path> readable) throws MagicException {
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                throw new MagicException("Cannot add " + entry + " to the class path: no such file or folder.");
            }
            if (!readable.test(entry)) {
                throw new MagicException("Cannot add " + entry + " to the class path: it is not readable.");
            }
        }
    }
}
