package dev.jmp.magics.scan;

/**
 * The constant pool of one class file, with every tag up to Java 17 (JVMS 4.4). Entries are
 * decoded when the pool is read, so a malformed pool fails at once and lookups are cheap.
 */
public final class ConstantPool {

    /** {@code CONSTANT_Utf8}. */
    public static final int UTF8 = 1;
    /** {@code CONSTANT_Integer}. */
    public static final int INTEGER = 3;
    /** {@code CONSTANT_Float}. */
    public static final int FLOAT = 4;
    /** {@code CONSTANT_Long}. */
    public static final int LONG = 5;
    /** {@code CONSTANT_Double}. */
    public static final int DOUBLE = 6;
    /** {@code CONSTANT_Class}. */
    public static final int CLASS = 7;
    /** {@code CONSTANT_String}. */
    public static final int STRING = 8;
    /** {@code CONSTANT_Fieldref}. */
    public static final int FIELDREF = 9;
    /** {@code CONSTANT_Methodref}. */
    public static final int METHODREF = 10;
    /** {@code CONSTANT_InterfaceMethodref}. */
    public static final int INTERFACE_METHODREF = 11;
    /** {@code CONSTANT_NameAndType}. */
    public static final int NAME_AND_TYPE = 12;
    /** {@code CONSTANT_MethodHandle}. */
    public static final int METHOD_HANDLE = 15;
    /** {@code CONSTANT_MethodType}. */
    public static final int METHOD_TYPE = 16;
    /** {@code CONSTANT_Dynamic}. */
    public static final int DYNAMIC = 17;
    /** {@code CONSTANT_InvokeDynamic}. */
    public static final int INVOKE_DYNAMIC = 18;
    /** {@code CONSTANT_Module}. */
    public static final int MODULE = 19;
    /** {@code CONSTANT_Package}. */
    public static final int PACKAGE = 20;

    private final int[] tags;
    /** Per entry: first u2 operand (or u1 kind for handles), or the raw int/float bits. */
    private final int[] first;
    /** Per entry: second u2 operand, where the tag has one. */
    private final int[] second;
    private final Object[] values;

    private ConstantPool(int count) {
        tags = new int[count];
        first = new int[count];
        second = new int[count];
        values = new Object[count];
    }

    /** Reads {@code constant_pool_count} and the entries; leaves the cursor after the pool. */
    static ConstantPool read(ByteCursor in) {
        int count = in.u2();
        ConstantPool pool = new ConstantPool(count);
        for (int i = 1; i < count; i++) {
            int tag = in.u1();
            pool.tags[i] = tag;
            switch (tag) {
                case UTF8 -> pool.values[i] = in.modifiedUtf8();
                case INTEGER -> pool.values[i] = in.s4();
                case FLOAT -> pool.values[i] = Float.intBitsToFloat(in.s4());
                case LONG, DOUBLE -> {
                    long bits = in.s8();
                    pool.values[i] = tag == LONG ? (Object) bits : (Object) Double.longBitsToDouble(bits);
                    i++; // 8-byte constants take two slots (JVMS 4.4.5)
                }
                case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> pool.first[i] = in.u2();
                case FIELDREF, METHODREF, INTERFACE_METHODREF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC -> {
                    pool.first[i] = in.u2();
                    pool.second[i] = in.u2();
                }
                case METHOD_HANDLE -> {
                    pool.first[i] = in.u1();
                    pool.second[i] = in.u2();
                }
                default -> throw new ClassFileException("unknown constant pool tag " + tag
                        + " at index " + i + " (offset " + (in.position() - 1) + ")");
            }
        }
        return pool;
    }

    /** @return {@code constant_pool_count}: valid indexes are 1 to size() - 1 */
    public int size() {
        return tags.length;
    }

    /**
     * @param index a pool index
     * @return the entry's tag, 0 for index 0 and the unusable slot after a long or double
     */
    public int tag(int index) {
        if (index <= 0 || index >= tags.length) {
            throw new ClassFileException("constant pool index " + index + " out of range 1.." + (tags.length - 1));
        }
        return tags[index];
    }

    private void expect(int index, int... accepted) {
        int tag = tag(index);
        for (int a : accepted) {
            if (tag == a) {
                return;
            }
        }
        throw new ClassFileException("constant pool entry " + index + " has tag " + tag
                + ", expected " + java.util.Arrays.toString(accepted));
    }

    /** @return the string of a {@code CONSTANT_Utf8} */
    public String utf8(int index) {
        expect(index, UTF8);
        return (String) values[index];
    }

    /** @return the internal name of a {@code CONSTANT_Class} (arrays keep their descriptor form) */
    public String className(int index) {
        expect(index, CLASS);
        return utf8(first[index]);
    }

    /** @return the value of a String, Integer, Float, Long or Double constant */
    public Object literal(int index) {
        expect(index, STRING, INTEGER, FLOAT, LONG, DOUBLE);
        return tags[index] == STRING ? utf8(first[index]) : values[index];
    }

    /** @return the name of a {@code CONSTANT_NameAndType} */
    public String natName(int index) {
        expect(index, NAME_AND_TYPE);
        return utf8(first[index]);
    }

    /** @return the descriptor of a {@code CONSTANT_NameAndType} */
    public String natDescriptor(int index) {
        expect(index, NAME_AND_TYPE);
        return utf8(second[index]);
    }

    /** @return the member of a Fieldref, Methodref or InterfaceMethodref */
    public MemberRef memberRef(int index) {
        expect(index, FIELDREF, METHODREF, INTERFACE_METHODREF);
        int nat = second[index];
        return new MemberRef(className(first[index]), natName(nat), natDescriptor(nat));
    }

    /** @return a {@code CONSTANT_MethodHandle} */
    public HandleRef methodHandle(int index) {
        expect(index, METHOD_HANDLE);
        return new HandleRef(first[index], memberRef(second[index]));
    }

    /** @return the descriptor of a {@code CONSTANT_MethodType} */
    public String methodType(int index) {
        expect(index, METHOD_TYPE);
        return utf8(first[index]);
    }

    /** @return the bootstrap method index of a Dynamic or InvokeDynamic entry */
    public int bootstrapIndex(int index) {
        expect(index, DYNAMIC, INVOKE_DYNAMIC);
        return first[index];
    }

    /** @return the NameAndType index of a Dynamic or InvokeDynamic entry */
    public int dynamicNameAndType(int index) {
        expect(index, DYNAMIC, INVOKE_DYNAMIC);
        return second[index];
    }

    /** @return the name of a {@code CONSTANT_Module} or {@code CONSTANT_Package} */
    public String moduleOrPackageName(int index) {
        expect(index, MODULE, PACKAGE);
        return utf8(first[index]);
    }
}
