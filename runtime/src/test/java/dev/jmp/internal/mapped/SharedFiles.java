package dev.jmp.internal.mapped;

import java.lang.reflect.Field;
import java.nio.file.Path;

/** Test access to the mapped file behind a public shared object. */
public final class SharedFiles {

    private SharedFiles() {
    }

    /** Returns the file that backs {@code shared} (a {@code dev.jmp.shared.Shared*} object). */
    public static Path pathOf(Object shared) {
        try {
            Field cells = shared.getClass().getDeclaredField("cells");
            cells.setAccessible(true);
            return Path.of(((MappedCells) cells.get(shared)).path());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no mapped cells in " + shared.getClass(), e);
        }
    }
}
