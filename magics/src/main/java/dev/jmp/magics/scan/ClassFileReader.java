package dev.jmp.magics.scan;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads class files into a {@link ClassFile} with ASM, the JVM world's class-file library.
 * One pass collects the hierarchy, the fields with their {@code ConstantValue}, and for each
 * method with code what its bytecode references ({@link CodeRefs}); debug information and
 * stack map frames are skipped.
 */
public final class ClassFileReader {

    private static final int MAGIC = 0xCAFEBABE;
    /** ASM adds pseudo access flags above the class file's 16 bits (ACC_RECORD, ACC_DEPRECATED). */
    private static final int CLASS_FILE_FLAGS = 0xFFFF;

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
        if (bytes.length < 10 || readInt(bytes) != MAGIC) {
            throw new ClassFileException("not a class file: bad magic number");
        }
        Collector collector = new Collector();
        try {
            new ClassReader(bytes).accept(collector, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (ClassFileException e) {
            throw e;
        } catch (RuntimeException e) { // ASM reports truncation and bad entries by unchecked exceptions
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof IndexOutOfBoundsException || e.getMessage() == null) {
                detail = "truncated or malformed (" + detail + ")";
            }
            throw new ClassFileException("cannot read class file" + (collector.name == null ? "" : " "
                    + collector.name) + " of " + bytes.length + " bytes: " + detail);
        }
        return collector.result();
    }

    private static int readInt(byte[] b) {
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /** Gathers the class's parts; each method's references are collected by a {@link RefCollector}. */
    private static final class Collector extends ClassVisitor {
        private int access;
        private String name;
        private String superName;
        private List<String> interfaces = List.of();
        private final List<FieldInfo> fields = new ArrayList<>();
        private final List<RefCollector> methods = new ArrayList<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            this.access = access & CLASS_FILE_FLAGS;
            this.name = name;
            this.superName = superName;
            this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                       Object value) {
            fields.add(new FieldInfo(access & CLASS_FILE_FLAGS, name, descriptor, value));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            RefCollector method = new RefCollector(this.name, access & CLASS_FILE_FLAGS, name, descriptor);
            methods.add(method);
            return method;
        }

        ClassFile result() {
            List<MethodInfo> infos = new ArrayList<>(methods.size());
            methods.forEach(m -> infos.add(m.info()));
            return new ClassFile(access, name, superName, interfaces, fields, infos);
        }
    }
}
