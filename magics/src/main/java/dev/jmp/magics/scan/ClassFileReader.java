package dev.jmp.magics.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads class files (any version up to Java 17, and later ones that add no constant pool
 * tags) into a {@link ClassFile}. Uses only the JDK: the runtime ships without ASM.
 * Attributes other than {@code Code}, {@code ConstantValue} and {@code BootstrapMethods} are
 * skipped by their length.
 */
public final class ClassFileReader {

    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileReader() {
    }

    /**
     * Parses a class file.
     *
     * @param bytes the class file
     * @return the parsed class
     * @throws ClassFileException if the bytes are not a well-formed class file
     */
    public static ClassFile read(byte[] bytes) {
        ByteCursor in = new ByteCursor(bytes, 0);
        if (in.s4() != MAGIC) {
            throw new ClassFileException("not a class file: bad magic number");
        }
        in.u2(); // minor version
        in.u2(); // major version: anything goes, unknown tags fail precisely instead
        ConstantPool pool = ConstantPool.read(in);
        int access = in.u2();
        String name = pool.className(in.u2());
        int superIndex = in.u2();
        String superName = superIndex == 0 ? null : pool.className(superIndex);
        int interfaceCount = in.u2();
        List<String> interfaces = new ArrayList<>(interfaceCount);
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(pool.className(in.u2()));
        }
        List<FieldInfo> fields = readFields(in, pool);
        List<MethodInfo> methods = readMethods(in, pool);
        List<BootstrapMethod> bootstraps = List.of();
        int attributeCount = in.u2();
        for (int i = 0; i < attributeCount; i++) {
            String attribute = pool.utf8(in.u2());
            int length = in.length4();
            if (attribute.equals("BootstrapMethods")) {
                int end = in.position() + length;
                bootstraps = readBootstrapMethods(in, pool);
                if (in.position() != end) {
                    throw new ClassFileException("BootstrapMethods attribute length mismatch in " + name);
                }
            } else {
                in.skip(length);
            }
        }
        return new ClassFile(access, name, superName, interfaces, fields, methods, bootstraps, pool);
    }

    private static List<FieldInfo> readFields(ByteCursor in, ConstantPool pool) {
        int count = in.u2();
        List<FieldInfo> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int access = in.u2();
            String name = pool.utf8(in.u2());
            String descriptor = pool.utf8(in.u2());
            Object constant = null;
            int attributeCount = in.u2();
            for (int a = 0; a < attributeCount; a++) {
                String attribute = pool.utf8(in.u2());
                int length = in.length4();
                if (attribute.equals("ConstantValue") && length == 2) {
                    constant = pool.literal(in.u2());
                } else {
                    in.skip(length);
                }
            }
            fields.add(new FieldInfo(access, name, descriptor, constant));
        }
        return fields;
    }

    private static List<MethodInfo> readMethods(ByteCursor in, ConstantPool pool) {
        int count = in.u2();
        List<MethodInfo> methods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int access = in.u2();
            String name = pool.utf8(in.u2());
            String descriptor = pool.utf8(in.u2());
            byte[] code = null;
            int attributeCount = in.u2();
            for (int a = 0; a < attributeCount; a++) {
                String attribute = pool.utf8(in.u2());
                int length = in.length4();
                if (attribute.equals("Code")) {
                    int end = in.position() + length;
                    in.u2(); // max_stack
                    in.u2(); // max_locals
                    code = in.take(in.length4());
                    in.skip(end - in.position()); // exception table and nested attributes
                } else {
                    in.skip(length);
                }
            }
            methods.add(new MethodInfo(access, name, descriptor, code));
        }
        return methods;
    }

    private static List<BootstrapMethod> readBootstrapMethods(ByteCursor in, ConstantPool pool) {
        int count = in.u2();
        List<BootstrapMethod> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HandleRef method = pool.methodHandle(in.u2());
            int argumentCount = in.u2();
            List<Integer> arguments = new ArrayList<>(argumentCount);
            for (int a = 0; a < argumentCount; a++) {
                arguments.add(in.u2());
            }
            result.add(new BootstrapMethod(method, arguments));
        }
        return result;
    }
}
