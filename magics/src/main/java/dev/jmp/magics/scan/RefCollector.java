package dev.jmp.magics.scan;

import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Collects the references {@link CodeRefs} lists from one method's instructions as ASM visits
 * them. Bootstrap arguments are followed through dynamic constants, to a bounded depth.
 */
final class RefCollector extends MethodVisitor {

    /** Deeper nesting of dynamic constants is refused rather than followed. */
    private static final int MAX_DYNAMIC_DEPTH = 16;

    private final String owner;
    private final int access;
    private final String name;
    private final String descriptor;
    private boolean hasCode;
    private final Set<MemberRef> getStatic = new LinkedHashSet<>();
    private final Set<MemberRef> putStatic = new LinkedHashSet<>();
    private final Set<MemberRef> invokeStatic = new LinkedHashSet<>();
    private final Set<MemberRef> invokeVirtual = new LinkedHashSet<>();
    private final Set<MemberRef> invokeSpecial = new LinkedHashSet<>();
    private final Set<MemberRef> invokeInterface = new LinkedHashSet<>();
    private final Set<String> newTypes = new LinkedHashSet<>();
    private final Set<String> typeRefs = new LinkedHashSet<>();
    private final Set<HandleRef> handles = new LinkedHashSet<>();

    RefCollector(String owner, int access, String name, String descriptor) {
        super(Opcodes.ASM9);
        this.owner = owner;
        this.access = access;
        this.name = name;
        this.descriptor = descriptor;
    }

    MethodInfo info() {
        CodeRefs refs = hasCode ? new CodeRefs(getStatic, putStatic, invokeStatic, invokeVirtual, invokeSpecial,
                invokeInterface, newTypes, typeRefs, handles) : null;
        return new MethodInfo(access, name, descriptor, refs);
    }

    @Override
    public void visitCode() {
        hasCode = true;
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String fieldName, String fieldDescriptor) {
        if (opcode == Opcodes.GETSTATIC) {
            getStatic.add(new MemberRef(fieldOwner, fieldName, fieldDescriptor));
        } else if (opcode == Opcodes.PUTSTATIC) {
            putStatic.add(new MemberRef(fieldOwner, fieldName, fieldDescriptor));
        }
    }

    @Override
    public void visitMethodInsn(int opcode, String methodOwner, String methodName, String methodDescriptor,
                                boolean isInterface) {
        MemberRef m = new MemberRef(methodOwner, methodName, methodDescriptor);
        switch (opcode) {
            case Opcodes.INVOKESTATIC -> invokeStatic.add(m);
            case Opcodes.INVOKEVIRTUAL -> invokeVirtual.add(m);
            case Opcodes.INVOKESPECIAL -> invokeSpecial.add(m);
            default -> invokeInterface.add(m);
        }
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        if (opcode == Opcodes.NEW) {
            newTypes.add(type);
        } else {
            type(type); // anewarray, checkcast, instanceof
        }
    }

    @Override
    public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
        type(arrayDescriptor);
    }

    @Override
    public void visitLdcInsn(Object value) {
        constant(value, 0);
    }

    @Override
    public void visitInvokeDynamicInsn(String callName, String callDescriptor, Handle bootstrap,
                                       Object... arguments) {
        bootstrap(bootstrap, arguments, 0);
    }

    /** Adds a class constant's element type: primitive arrays name no class. */
    private void type(String internalNameOrArray) {
        int dims = 0;
        while (dims < internalNameOrArray.length() && internalNameOrArray.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            typeRefs.add(internalNameOrArray);
        } else if (internalNameOrArray.charAt(dims) == 'L' && internalNameOrArray.endsWith(";")) {
            typeRefs.add(internalNameOrArray.substring(dims + 1, internalNameOrArray.length() - 1));
        }
    }

    private void constant(Object value, int depth) {
        if (value instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
            type(t.getInternalName());
        } else if (value instanceof Handle h) {
            handles.add(handle(h));
        } else if (value instanceof ConstantDynamic d) {
            Object[] arguments = new Object[d.getBootstrapMethodArgumentCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = d.getBootstrapMethodArgument(i);
            }
            bootstrap(d.getBootstrapMethod(), arguments, depth + 1);
        }
        // literals and method types reference no member
    }

    private void bootstrap(Handle method, Object[] arguments, int depth) {
        if (depth > MAX_DYNAMIC_DEPTH) {
            throw new ClassFileException("dynamic constants nested deeper than " + MAX_DYNAMIC_DEPTH + " in "
                    + owner + "." + name + descriptor);
        }
        handles.add(handle(method));
        for (Object argument : arguments) {
            constant(argument, depth);
        }
    }

    private static HandleRef handle(Handle h) {
        return new HandleRef(h.getTag(), new MemberRef(h.getOwner(), h.getName(), h.getDesc()));
    }
}
