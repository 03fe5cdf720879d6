package dev.jmp.magics.scan;

import java.lang.reflect.Modifier;

/**
 * A field declared by a class.
 *
 * @param access        the access flags ({@link Modifier} bits)
 * @param name          the field's name
 * @param descriptor    the field's JVM descriptor
 * @param constantValue the {@code ConstantValue} attribute's value (a compile-time constant
 *                      that javac inlines at every use), or {@code null} when there is none
 */
public record FieldInfo(int access, String name, String descriptor, Object constantValue) {

    /** @return whether the field is static */
    public boolean isStatic() {
        return Modifier.isStatic(access);
    }

    /** @return whether the field is final */
    public boolean isFinal() {
        return Modifier.isFinal(access);
    }

    /** @return whether the field is a static final compile-time constant, inlined by javac */
    public boolean isInlinedConstant() {
        return isStatic() && isFinal() && constantValue != null;
    }
}
