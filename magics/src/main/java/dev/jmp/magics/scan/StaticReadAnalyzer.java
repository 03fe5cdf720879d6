package dev.jmp.magics.scan;

import dev.jmp.spi.ClassSource;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Finds the notebook variables that code shipped to a worker reads: the static fields of
 * notebook classes read by code reachable from an entry point.
 *
 * <p>Reachability is by method, so a variable used only by an unrelated method of the same
 * JShell wrapper class is not included. From each reached notebook method the analysis
 * follows: static, special and virtual calls into notebook classes (a virtual or interface
 * call also reaches every notebook method that may override it: the same name and
 * descriptor in a notebook subtype of the call's owner, or in any notebook class when the
 * owner is not a notebook class); lambda and method-reference implementation methods named
 * by {@code invokedynamic}; and every instance method of a notebook class that is
 * instantiated, cast to, or held in a variable read (JDK code may call any of them, for
 * example {@code Runnable.run}), plus the static initializers of the notebook classes touched.
 * Code of non-notebook classes is not followed. The walk is cycle-safe and stops with an
 * error after a fixed number of methods.
 *
 * <p>Thread-safe; parsed class files are cached for the analyzer's lifetime, which is right
 * because JShell never changes the bytes of a class name it has defined.
 */
public final class StaticReadAnalyzer {

    /** The default bound on notebook methods one analysis scans. */
    public static final int DEFAULT_MAX_METHODS = 20_000;

    private final ClassSource source;
    private final Predicate<String> notebookClass;
    private final List<String> knownClasses;
    private final int maxMethods;
    private final Map<String, Optional<ClassFile>> parsed = new ConcurrentHashMap<>();

    /**
     * Creates an analyzer that finds overrides only among the notebook classes it reaches.
     *
     * @param source        class bytes by binary name (the kernel's recorded JShell classes)
     * @param notebookClass which binary names are notebook classes, for JShell
     *                      {@code name -> name.startsWith("REPL.")}
     */
    public StaticReadAnalyzer(ClassSource source, Predicate<String> notebookClass) {
        this(source, notebookClass, List.of(), DEFAULT_MAX_METHODS);
    }

    /**
     * Creates an analyzer.
     *
     * @param source        class bytes by binary name
     * @param notebookClass which binary names are notebook classes
     * @param knownClasses  binary names of all notebook classes defined so far, searched for
     *                      overrides of virtual calls (objects created by earlier cells may be
     *                      of classes the shipped code never names)
     * @param maxMethods    the most notebook methods one analysis may scan
     */
    public StaticReadAnalyzer(ClassSource source, Predicate<String> notebookClass,
                              Collection<String> knownClasses, int maxMethods) {
        this.source = Objects.requireNonNull(source, "source");
        this.notebookClass = Objects.requireNonNull(notebookClass, "notebookClass");
        this.knownClasses = knownClasses.stream().map(n -> n.replace('.', '/')).toList();
        if (maxMethods < 1) {
            throw new IllegalArgumentException("maxMethods must be positive, was " + maxMethods);
        }
        this.maxMethods = maxMethods;
    }

    private ClassFile classFile(String internalName) {
        return parsed.computeIfAbsent(internalName, n -> {
            byte[] bytes = source.classBytes(n.replace('/', '.'));
            return bytes == null ? Optional.empty() : Optional.of(ClassFileReader.read(bytes));
        }).orElse(null);
    }

    private ReachabilityWalk walk() {
        return new ReachabilityWalk(this::classFile, n -> notebookClass.test(n.replace('/', '.')),
                knownClasses, maxMethods);
    }

    /**
     * Analyzes from one method.
     *
     * @param className  the binary name of the method's class
     * @param methodName the method's name
     * @param descriptor the method's JVM descriptor, for example {@code ()Ljava/lang/Object;}
     * @return the static fields read
     */
    public StaticReads fromMethod(String className, String methodName, String descriptor) {
        ReachabilityWalk w = walk();
        w.resolvedMethod(new MemberRef(className.replace('.', '/'), methodName, descriptor));
        return w.run();
    }

    /**
     * Analyzes from every method of a class and its notebook supertypes, for a task object
     * whose class the notebook declared.
     *
     * @param className a notebook class's binary name
     * @return the static fields read
     */
    public StaticReads fromClass(String className) {
        String internal = className.replace('.', '/');
        ReachabilityWalk w = walk();
        w.liveClass(internal);
        ClassFile c = classFile(internal);
        if (c != null) {
            c.methods().forEach(m -> w.method(new MemberRef(internal, m.name(), m.descriptor())));
        }
        return w.run();
    }

    /**
     * Analyzes from a task object: a serializable lambda or method reference (from its
     * implementation method), or an instance of a notebook class (from all its methods).
     * Other objects read no notebook variable through their own code.
     *
     * @param task the object to ship
     * @return the static fields read
     * @throws IllegalArgumentException if the task is a lambda that is not serializable
     */
    public StaticReads fromObject(Object task) {
        ReachabilityWalk w = walk();
        addObject(w, task, 0);
        return w.run();
    }

    private void addObject(ReachabilityWalk w, Object value, int depth) {
        if (value == null || depth > 8) {
            return;
        }
        Class<?> type = value.getClass();
        Optional<SerializedLambda> lambda = serializedLambda(value);
        if (lambda.isPresent()) {
            addLambda(w, lambda.get(), depth);
        } else if (isLambdaClass(type)) {
            throw new IllegalArgumentException("a lambda sent to a worker must be Serializable: declare its type as"
                    + " an intersection, for example (Callable<Integer> & Serializable) () -> ...");
        } else if (notebookClass.test(type.getName())) {
            w.liveClass(type.getName().replace('.', '/'));
        } else if (type.getPackageName().equals("dev.jmp")) {
            // The API's wrappers (asExecutorService's task adapters) hold the notebook's task.
            addFields(w, value, depth);
        }
    }

    private void addFields(ReachabilityWalk w, Object value, int depth) {
        for (Class<?> k = value.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field field : k.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()
                        || !field.trySetAccessible()) {
                    continue;
                }
                try {
                    addObject(w, field.get(value), depth + 1);
                } catch (IllegalAccessException e) {
                    // not readable: nothing of the notebook's to find there
                }
            }
        }
    }

    private void addLambda(ReachabilityWalk w, SerializedLambda lambda, int depth) {
        MemberRef impl = new MemberRef(lambda.getImplClass(), lambda.getImplMethodName(),
                lambda.getImplMethodSignature());
        w.handle(new HandleRef(lambda.getImplMethodKind(), impl));
        List<Object> captured = new ArrayList<>();
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
            captured.add(lambda.getCapturedArg(i));
        }
        for (Object arg : captured) {
            addObject(w, arg, depth + 1);
        }
    }

    private static boolean isLambdaClass(Class<?> type) {
        // X$$Lambda$14/0x... up to JDK 20, X$$Lambda/0x... from 21
        return type.isSynthetic() && type.getName().contains("$$Lambda");
    }

    /** The serialized form javac gives serializable lambdas, through their writeReplace method. */
    static Optional<SerializedLambda> serializedLambda(Object value) {
        if (!isLambdaClass(value.getClass()) || !(value instanceof java.io.Serializable)) {
            return Optional.empty();
        }
        try {
            Method writeReplace = value.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replaced = writeReplace.invoke(value);
            return replaced instanceof SerializedLambda s ? Optional.of(s) : Optional.empty();
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException
                 | RuntimeException e) {
            return Optional.empty();
        }
    }
}
