package dev.jmp.magics.scan;

import java.util.Objects;

/**
 * A {@code CONSTANT_MethodHandle}: a reference kind and the member it points at. Bootstrap
 * arguments of this type name lambda and method-reference implementation methods.
 *
 * @param kind   the reference kind, one of the {@code REF_*} constants (JVMS 5.4.3.5)
 * @param member the referenced field or method
 */
public record HandleRef(int kind, MemberRef member) {

    /** {@code REF_getField}. */
    public static final int REF_GET_FIELD = 1;
    /** {@code REF_getStatic}. */
    public static final int REF_GET_STATIC = 2;
    /** {@code REF_putField}. */
    public static final int REF_PUT_FIELD = 3;
    /** {@code REF_putStatic}. */
    public static final int REF_PUT_STATIC = 4;
    /** {@code REF_invokeVirtual}. */
    public static final int REF_INVOKE_VIRTUAL = 5;
    /** {@code REF_invokeStatic}. */
    public static final int REF_INVOKE_STATIC = 6;
    /** {@code REF_invokeSpecial}. */
    public static final int REF_INVOKE_SPECIAL = 7;
    /** {@code REF_newInvokeSpecial}. */
    public static final int REF_NEW_INVOKE_SPECIAL = 8;
    /** {@code REF_invokeInterface}. */
    public static final int REF_INVOKE_INTERFACE = 9;

    /** Checks the kind's range and that the member is present. */
    public HandleRef {
        if (kind < REF_GET_FIELD || kind > REF_INVOKE_INTERFACE) {
            throw new ClassFileException("method handle kind " + kind + " is not 1..9");
        }
        Objects.requireNonNull(member, "member");
    }
}
