package dev.jmp.magics.scan;

import java.lang.reflect.Modifier;

/** A method declared by a class, with what its bytecode references if it has code. */
public final class MethodInfo {

    private final int access;
    private final String name;
    private final String descriptor;
    private final CodeRefs refs;

    MethodInfo(int access, String name, String descriptor, CodeRefs refs) {
        this.access = access;
        this.name = name;
        this.descriptor = descriptor;
        this.refs = refs;
    }

    /** @return the access flags ({@link Modifier} bits) */
    public int access() {
        return access;
    }

    /** @return the method's name ({@code <init>} for constructors) */
    public String name() {
        return name;
    }

    /** @return the method's JVM descriptor */
    public String descriptor() {
        return descriptor;
    }

    /** @return whether the method is static */
    public boolean isStatic() {
        return Modifier.isStatic(access);
    }

    /** @return whether the method has bytecode (it is neither abstract nor native) */
    public boolean hasCode() {
        return refs != null;
    }

    /** @return what the bytecode references; empty for abstract and native methods */
    CodeRefs refs() {
        return refs == null ? CodeRefs.empty() : refs;
    }

    @Override
    public String toString() {
        return name + descriptor;
    }
}
