package dev.jmp.supervisor;

import java.nio.file.Path;
import java.util.List;

/**
 * The class-data sharing archive of the worker's classes (filled in by a later slice: until the
 * archive exists, workers start with the JDK's default archive only).
 */
final class CdsArchive {

    private final RuntimeSettings settings;

    CdsArchive(RuntimeSettings settings) {
        this.settings = settings;
    }

    List<String> options(List<Path> classpath) {
        if (!settings.classDataSharing()) {
            return List.of();
        }
        return List.of();
    }
}
