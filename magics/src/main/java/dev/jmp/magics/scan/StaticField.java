package dev.jmp.magics.scan;

import dev.jmp.spi.NotebookNames;
import java.util.Objects;

/**
 * A static field of a notebook class: for JShell, a top-level variable (the field of a wrapper
 * class such as {@code REPL.$JShell$11}) or a static field of a class the notebook declared.
 *
 * @param className  the declaring class's binary name, as {@link ClassLoader#loadClass} takes it
 * @param name       the field's name, which for a JShell variable is the name the user wrote
 * @param descriptor the field's JVM descriptor
 */
public record StaticField(String className, String name, String descriptor) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks that no part is null. */
    public StaticField {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    /**
     * @return the name to show users: the variable's name for a JShell top-level variable,
     *         {@code Type.field} for a static field of a notebook-declared class
     */
    public String displayName() {
        String owner = NotebookNames.displayClassName(className);
        return owner.isEmpty() ? name : owner + "." + name;
    }

    @Override
    public String toString() {
        return className + "." + name;
    }
}
