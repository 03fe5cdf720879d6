package dev.jmp.magics.scan;

import java.lang.reflect.Modifier;

/** A method declared by a class, with the bytecode of its {@code Code} attribute if it has one. */
public final class MethodInfo {

    private final int access;
    private final String name;
    private final String descriptor;
    private final byte[] code;

    MethodInfo(int access, String name, String descriptor, byte[] code) {
        this.access = access;
        this.name = name;
        this.descriptor = descriptor;
        this.code = code;
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
        return code != null;
    }

    /** @return a copy of the method's bytecode, or {@code null} for abstract and native methods */
    public byte[] code() {
        return code == null ? null : code.clone();
    }

    /** The bytecode without a copy, for the walker. */
    byte[] codeView() {
        return code;
    }

    @Override
    public String toString() {
        return name + descriptor;
    }
}
