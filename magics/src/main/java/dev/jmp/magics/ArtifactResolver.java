package dev.jmp.magics;

import java.nio.file.Path;
import java.util.List;

/**
 * Resolves Maven coordinates to local jar files, downloading them (and their transitive
 * runtime dependencies) when they are not cached yet.
 */
@FunctionalInterface
public interface ArtifactResolver {

    /**
     * Resolves artifacts.
     *
     * @param coordinates coordinates like {@code group:artifact:version} or
     *                    {@code group:artifact:extension:classifier:version}
     * @return the jars of the artifacts and of their dependencies, without duplicates
     * @throws MagicException when a coordinate is malformed or cannot be resolved; the message
     *                        names it and says why
     */
    List<Path> resolve(List<String> coordinates) throws MagicException;
}
