package dev.jmp.magics.scan;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Steps over every instruction of a method's bytecode (JVMS 6.5), including the padded
 * {@code tableswitch} and {@code lookupswitch}, {@code wide}, {@code invokeinterface},
 * {@code invokedynamic} and {@code multianewarray}, and collects the references
 * {@link CodeRefs} lists.
 */
public final class BytecodeWalker {

    /** Fixed instruction lengths by opcode; 0 marks variable-length and -1 undefined opcodes. */
    private static final int[] LENGTH = new int[256];

    static {
        Arrays.fill(LENGTH, -1);
        fill(0x00, 0x0f, 1);  // nop, aconst_null, iconst_*, lconst_*, fconst_*, dconst_*
        LENGTH[0x10] = 2;     // bipush
        LENGTH[0x11] = 3;     // sipush
        LENGTH[0x12] = 2;     // ldc
        LENGTH[0x13] = 3;     // ldc_w
        LENGTH[0x14] = 3;     // ldc2_w
        fill(0x15, 0x19, 2);  // iload .. aload
        fill(0x1a, 0x35, 1);  // *load_n, *aload
        fill(0x36, 0x3a, 2);  // istore .. astore
        fill(0x3b, 0x83, 1);  // *store_n, *astore, stack ops, arithmetic
        LENGTH[0x84] = 3;     // iinc
        fill(0x85, 0x98, 1);  // conversions, comparisons
        fill(0x99, 0xa8, 3);  // if*, goto, jsr
        LENGTH[0xa9] = 2;     // ret
        LENGTH[0xaa] = 0;     // tableswitch
        LENGTH[0xab] = 0;     // lookupswitch
        fill(0xac, 0xb1, 1);  // returns
        fill(0xb2, 0xb8, 3);  // get/put field/static, invokevirtual/special/static
        LENGTH[0xb9] = 5;     // invokeinterface
        LENGTH[0xba] = 5;     // invokedynamic
        LENGTH[0xbb] = 3;     // new
        LENGTH[0xbc] = 2;     // newarray
        LENGTH[0xbd] = 3;     // anewarray
        fill(0xbe, 0xbf, 1);  // arraylength, athrow
        fill(0xc0, 0xc1, 3);  // checkcast, instanceof
        fill(0xc2, 0xc3, 1);  // monitorenter, monitorexit
        LENGTH[0xc4] = 0;     // wide
        LENGTH[0xc5] = 4;     // multianewarray
        fill(0xc6, 0xc7, 3);  // ifnull, ifnonnull
        fill(0xc8, 0xc9, 5);  // goto_w, jsr_w
    }

    private static void fill(int from, int to, int length) {
        Arrays.fill(LENGTH, from, to + 1, length);
    }

    /** Receives each instruction's offset and opcode, with the cursor just after the opcode. */
    @FunctionalInterface
    interface Visitor {
        void instruction(int offset, int opcode, ByteCursor operands);
    }

    private BytecodeWalker() {
    }

    /**
     * Lists the offset of every instruction, in order.
     *
     * @param code a method's bytecode
     * @return the instruction offsets
     * @throws ClassFileException on an undefined opcode or an instruction running past the end
     */
    public static int[] instructionOffsets(byte[] code) {
        int[] offsets = new int[Math.max(1, code.length)];
        int[] count = {0};
        walk(code, (offset, opcode, operands) -> offsets[count[0]++] = offset);
        return Arrays.copyOf(offsets, count[0]);
    }

    static void walk(byte[] code, Visitor visitor) {
        int pc = 0;
        while (pc < code.length) {
            int opcode = code[pc] & 0xFF;
            visitor.instruction(pc, opcode, new ByteCursor(code, pc + 1));
            int next = pc + length(code, pc, opcode);
            if (next > code.length) {
                throw new ClassFileException("instruction 0x" + Integer.toHexString(opcode) + " at " + pc
                        + " runs past the end of the code (" + code.length + " bytes)");
            }
            pc = next;
        }
    }

    private static int length(byte[] code, int pc, int opcode) {
        int fixed = LENGTH[opcode];
        if (fixed > 0) {
            return fixed;
        }
        if (fixed < 0) {
            throw new ClassFileException("undefined opcode 0x" + Integer.toHexString(opcode) + " at " + pc);
        }
        if (opcode == 0xc4) { // wide: iinc takes a 2-byte index and 2-byte constant
            ByteCursor in = new ByteCursor(code, pc + 1);
            return in.u1() == 0x84 ? 6 : 4;
        }
        int padded = (pc + 4) & ~3; // operands start at the next multiple of 4 from the method start
        ByteCursor in = new ByteCursor(code, padded);
        in.s4(); // default
        if (opcode == 0xaa) {
            long low = in.s4();
            long high = in.s4();
            long entries = high - low + 1;
            if (entries < 0 || entries > code.length) {
                throw new ClassFileException("tableswitch at " + pc + " has bad range " + low + ".." + high);
            }
            return (int) (padded - pc + 12 + entries * 4);
        }
        int pairs = in.s4();
        if (pairs < 0 || pairs > code.length) {
            throw new ClassFileException("lookupswitch at " + pc + " has bad pair count " + pairs);
        }
        return padded - pc + 8 + pairs * 8;
    }

    static CodeRefs scan(ClassFile owner, MethodInfo method) {
        byte[] code = method.codeView();
        if (code == null) {
            return CodeRefs.empty();
        }
        Collector c = new Collector(owner);
        walk(code, c::instruction);
        return new CodeRefs(c.getStatic, c.putStatic, c.invokeStatic, c.invokeVirtual, c.invokeSpecial,
                c.invokeInterface, c.newTypes, c.typeRefs, c.handles);
    }

    /** Gathers references while walking; bootstrap arguments are followed through dynamic constants. */
    private static final class Collector {
        final ClassFile owner;
        final ConstantPool pool;
        final Set<MemberRef> getStatic = new LinkedHashSet<>();
        final Set<MemberRef> putStatic = new LinkedHashSet<>();
        final Set<MemberRef> invokeStatic = new LinkedHashSet<>();
        final Set<MemberRef> invokeVirtual = new LinkedHashSet<>();
        final Set<MemberRef> invokeSpecial = new LinkedHashSet<>();
        final Set<MemberRef> invokeInterface = new LinkedHashSet<>();
        final Set<String> newTypes = new LinkedHashSet<>();
        final Set<String> typeRefs = new LinkedHashSet<>();
        final Set<HandleRef> handles = new LinkedHashSet<>();

        Collector(ClassFile owner) {
            this.owner = owner;
            this.pool = owner.constantPool();
        }

        void instruction(int offset, int opcode, ByteCursor in) {
            switch (opcode) {
                case 0x12 -> constant(in.u1(), 0);
                case 0x13, 0x14 -> constant(in.u2(), 0);
                case 0xb2 -> getStatic.add(pool.memberRef(in.u2()));
                case 0xb3 -> putStatic.add(pool.memberRef(in.u2()));
                case 0xb6 -> invokeVirtual.add(pool.memberRef(in.u2()));
                case 0xb7 -> invokeSpecial.add(pool.memberRef(in.u2()));
                case 0xb8 -> invokeStatic.add(pool.memberRef(in.u2()));
                case 0xb9 -> invokeInterface.add(pool.memberRef(in.u2()));
                case 0xba -> bootstrap(pool.bootstrapIndex(in.u2()), 0);
                case 0xbb -> newTypes.add(pool.className(in.u2()));
                case 0xbd, 0xc0, 0xc1, 0xc5 -> type(pool.className(in.u2()));
                default -> {
                    // no constant pool operand that matters here
                }
            }
        }

        private void type(String name) {
            int dims = 0;
            while (dims < name.length() && name.charAt(dims) == '[') {
                dims++;
            }
            if (dims == 0) {
                typeRefs.add(name);
            } else if (name.charAt(dims) == 'L' && name.endsWith(";")) {
                typeRefs.add(name.substring(dims + 1, name.length() - 1));
            }
        }

        private void constant(int index, int depth) {
            switch (pool.tag(index)) {
                case ConstantPool.CLASS -> type(pool.className(index));
                case ConstantPool.METHOD_HANDLE -> handles.add(pool.methodHandle(index));
                case ConstantPool.DYNAMIC -> bootstrap(pool.bootstrapIndex(index), depth + 1);
                default -> {
                    // literals and method types reference no member
                }
            }
        }

        private void bootstrap(int index, int depth) {
            if (depth > 16) {
                throw new ClassFileException("dynamic constants nested deeper than 16 in " + owner.name());
            }
            if (index >= owner.bootstrapMethods().size()) {
                throw new ClassFileException("bootstrap method " + index + " missing in " + owner.name());
            }
            BootstrapMethod bsm = owner.bootstrapMethods().get(index);
            handles.add(bsm.method());
            for (int argument : bsm.arguments()) {
                constant(argument, depth);
            }
        }
    }
}
