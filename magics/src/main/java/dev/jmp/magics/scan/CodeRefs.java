package dev.jmp.magics.scan;

import java.util.Set;

/**
 * What one method's bytecode references, each set in order of first appearance.
 *
 * @param getStatic       fields read by {@code getstatic}
 * @param putStatic       fields written by {@code putstatic}
 * @param invokeStatic    methods called by {@code invokestatic}
 * @param invokeVirtual   methods called by {@code invokevirtual}
 * @param invokeSpecial   constructors, private and super methods called by {@code invokespecial}
 * @param invokeInterface methods called by {@code invokeinterface}
 * @param newTypes        internal names of classes instantiated by {@code new}
 * @param typeRefs        internal names of classes named by {@code checkcast}, {@code instanceof},
 *                        {@code anewarray}, {@code multianewarray} or {@code ldc} (element types
 *                        for arrays; primitive arrays are left out)
 * @param handles         method handles in bootstrap methods and their static arguments of
 *                        {@code invokedynamic} and dynamic constants, and in {@code ldc}: the
 *                        implementation methods of lambdas and method references
 */
public record CodeRefs(Set<MemberRef> getStatic, Set<MemberRef> putStatic, Set<MemberRef> invokeStatic,
                       Set<MemberRef> invokeVirtual, Set<MemberRef> invokeSpecial,
                       Set<MemberRef> invokeInterface, Set<String> newTypes, Set<String> typeRefs,
                       Set<HandleRef> handles) {

    /** Makes the sets unmodifiable, keeping their order. */
    public CodeRefs {
        getStatic = frozen(getStatic);
        putStatic = frozen(putStatic);
        invokeStatic = frozen(invokeStatic);
        invokeVirtual = frozen(invokeVirtual);
        invokeSpecial = frozen(invokeSpecial);
        invokeInterface = frozen(invokeInterface);
        newTypes = frozen(newTypes);
        typeRefs = frozen(typeRefs);
        handles = frozen(handles);
    }

    private static <T> Set<T> frozen(Set<T> set) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(set));
    }

    /** @return the references of a method without code */
    static CodeRefs empty() {
        return new CodeRefs(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of());
    }
}
