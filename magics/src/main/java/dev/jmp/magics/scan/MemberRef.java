package dev.jmp.magics.scan;

import java.util.Objects;

/**
 * A field or method as the JVM names it in a class file.
 *
 * @param owner      the owner's internal name, for example {@code REPL/$JShell$11}
 * @param name       the member's name, for example {@code x} or {@code lambda$do_it$$0}
 * @param descriptor the JVM descriptor, for example {@code I} or {@code ()Ljava/lang/Object;}
 */
public record MemberRef(String owner, String name, String descriptor) {

    /** Checks that no part is null. */
    public MemberRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    @Override
    public String toString() {
        return owner + "." + name + descriptor;
    }
}
