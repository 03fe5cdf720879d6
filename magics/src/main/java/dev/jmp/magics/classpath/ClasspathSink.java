package dev.jmp.magics.classpath;

import dev.jmp.magics.MagicException;

import java.nio.file.Path;
import java.util.List;

/** Where class path magics put what they found: the kernel adds the entries to JShell. */
@FunctionalInterface
public interface ClasspathSink {

    /**
     * Adds entries to the notebook's class path.
     *
     * @param entries existing jars or directories
     * @throws MagicException if they cannot be added
     */
    void add(List<Path> entries) throws MagicException;
}
