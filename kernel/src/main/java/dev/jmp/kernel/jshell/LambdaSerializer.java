package dev.jmp.kernel.jshell;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.LambdaMetafactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes every lambda and method reference of a class JShell defined serializable, whatever its
 * interface, so a notebook's {@code () -> 6 * 7} can be sent to a worker as a {@code Callable},
 * {@code Runnable}, {@code Comparator} or anything else. It does to the class file what javac
 * does for a lambda whose target type is serializable: each lambda's {@code invokedynamic}
 * through {@code LambdaMetafactory.metafactory} goes through {@code altMetafactory} with
 * {@code FLAG_SERIALIZABLE}, and the class gets a {@code $deserializeLambda$} method (the one of
 * {@link LambdaRebuilder}, which rebuilds any of its lambdas; it replaces javac's, which only
 * knows the lambdas javac made serializable).
 *
 * <p>The kernel loads the rewritten bytes and ships the same bytes to workers, so a lambda
 * serialized in the kernel is rebuilt in a worker from the same class. What a lambda captures
 * must still be serializable; serialization reports what is not.
 */
public final class LambdaSerializer {

    private static final String FACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final String ALT_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;";
    private static final Handle ALT_FACTORY = new Handle(Opcodes.H_INVOKESTATIC, FACTORY, "altMetafactory",
            ALT_DESCRIPTOR, false);
    private static final int API = Opcodes.ASM9;
    private static final byte[] REBUILDER = rebuilderBytes();

    /**
     * A rewritten class.
     *
     * @param bytes       the class file to load and ship (the input itself when it has no lambda)
     * @param lambdaLines the first source line of each lambda body the class holds, ascending
     */
    public record Result(byte[] bytes, List<Integer> lambdaLines) {
    }

    private LambdaSerializer() {
    }

    /**
     * Rewrites a class file.
     *
     * @param classFile a class as JShell compiled it
     * @return the class with serializable lambdas
     */
    public static Result rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Scan scan = new Scan();
        reader.accept(scan, ClassReader.SKIP_FRAMES);
        if (scan.lambdas == 0) {
            return new Result(classFile, List.of());
        }
        List<Integer> lines = new ArrayList<>(new TreeSet<>(scan.lambdaLines()));
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new Rewrite(writer), 0);
        return new Result(writer.toByteArray(), List.copyOf(lines));
    }

    private static boolean isFactory(Handle bootstrap) {
        return bootstrap.getOwner().equals(FACTORY)
                && (bootstrap.getName().equals("metafactory") || bootstrap.getName().equals("altMetafactory"));
    }

    /** Counts the lambdas and finds the first line of each lambda's implementation method. */
    private static final class Scan extends ClassVisitor {
        private String name;
        private int lambdas;
        private final Set<String> implMethods = new LinkedHashSet<>();
        private final Map<String, Integer> firstLines = new HashMap<>();

        Scan() {
            super(API);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.name = name;
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                String[] exceptions) {
            String key = method + descriptor;
            return new MethodVisitor(API) {
                @Override
                public void visitLineNumber(int line, Label start) {
                    firstLines.merge(key, line, Math::min);
                }

                @Override
                public void visitInvokeDynamicInsn(String n, String d, Handle bootstrap, Object... args) {
                    if (isFactory(bootstrap)) {
                        lambdas++;
                        if (args.length > 1 && args[1] instanceof Handle impl && impl.getOwner().equals(name)
                                && impl.getName().startsWith("lambda$")) {
                            implMethods.add(impl.getName() + impl.getDesc());
                        }
                    }
                }
            };
        }

        List<Integer> lambdaLines() {
            List<Integer> lines = new ArrayList<>();
            for (String m : implMethods) {
                Integer line = firstLines.get(m);
                if (line != null) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }

    /** Turns each lambda's bootstrap serializable and puts in the generic {@code $deserializeLambda$}. */
    private static final class Rewrite extends ClassVisitor {
        Rewrite(ClassVisitor next) {
            super(API, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                String[] exceptions) {
            if (method.equals(LambdaRebuilder.NAME) && descriptor.equals(LambdaRebuilder.DESCRIPTOR)) {
                return null; // javac's, for the lambdas it made serializable; the generic one replaces it
            }
            MethodVisitor next = super.visitMethod(access, method, descriptor, signature, exceptions);
            return new MethodVisitor(API, next) {
                @Override
                public void visitInvokeDynamicInsn(String n, String d, Handle bootstrap, Object... args) {
                    if (bootstrap.getOwner().equals(FACTORY) && bootstrap.getName().equals("metafactory")
                            && args.length == 3) {
                        super.visitInvokeDynamicInsn(n, d, ALT_FACTORY,
                                args[0], args[1], args[2], LambdaMetafactory.FLAG_SERIALIZABLE);
                    } else if (bootstrap.getOwner().equals(FACTORY) && bootstrap.getName().equals("altMetafactory")
                            && args.length > 3 && args[3] instanceof Integer flags) {
                        // Markers and bridges follow the flags unchanged; only the bit is added.
                        Object[] serializable = args.clone();
                        serializable[3] = flags | LambdaMetafactory.FLAG_SERIALIZABLE;
                        super.visitInvokeDynamicInsn(n, d, bootstrap, serializable);
                    } else {
                        super.visitInvokeDynamicInsn(n, d, bootstrap, args);
                    }
                }
            };
        }

        @Override
        public void visitEnd() {
            copyRebuilder(cv);
            super.visitEnd();
        }
    }

    /** Copies {@link LambdaRebuilder}'s method into the class being written, without its debug tables. */
    private static void copyRebuilder(ClassVisitor target) {
        new ClassReader(REBUILDER).accept(new ClassVisitor(API) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                    String[] exceptions) {
                if (!method.equals(LambdaRebuilder.NAME)) {
                    return null;
                }
                int flags = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
                return new MethodVisitor(API, target.visitMethod(flags, method, descriptor, null, exceptions)) {
                    @Override
                    public void visitLineNumber(int line, Label start) {
                        // the rebuilder's lines mean nothing in the notebook class
                    }

                    @Override
                    public void visitLocalVariable(String n, String d, String s, Label start, Label end, int index) {
                        // likewise
                    }
                };
            }
        }, 0);
    }

    private static byte[] rebuilderBytes() {
        String resource = LambdaRebuilder.class.getSimpleName() + ".class";
        try (InputStream in = LambdaRebuilder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
