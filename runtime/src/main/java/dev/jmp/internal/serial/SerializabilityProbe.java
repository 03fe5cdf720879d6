package dev.jmp.internal.serial;

import dev.jmp.error.SerializationException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds where in an object graph the value that Java serialization refused sits, so the error
 * names a path such as {@code task.arg$1.conn: java.net.Socket} instead of only a class. It
 * follows what serialization follows: non-transient instance fields of serializable classes,
 * the captured arguments of lambdas, the elements of arrays, collections and maps.
 */
public final class SerializabilityProbe {

    private static final int MAX_DEPTH = 200;
    private static final int MAX_OBJECTS = 100_000;

    private SerializabilityProbe() {
    }

    /** Builds the error for a value whose serialization failed. */
    static SerializationException explain(Object root, String rootName, NotSerializableException e) {
        Found f = find(root, rootName);
        if (f == null) {
            String type = e.getMessage();
            return new SerializationException(rootName, type, rootName + " cannot be serialized: " + type
                    + " is not Serializable");
        }
        return new SerializationException(f.path, f.type, f.path + ": " + f.type
                + " is not Serializable (mark the field transient, or send a serializable value)");
    }

    /**
     * Returns {@code path: type} of the first non-serializable value reachable from {@code root},
     * or {@code null} if none is found.
     */
    public static String describe(Object root, String rootName) {
        Found f = find(root, rootName);
        return f == null ? null : f.path + ": " + f.type;
    }

    private record Found(String path, String type) {
    }

    private static Found find(Object root, String rootName) {
        return new Walk().visit(root, rootName, 0);
    }

    private static final class Walk {
        private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();

        Found visit(Object o, String path, int depth) {
            if (o == null || depth > MAX_DEPTH || seen.size() > MAX_OBJECTS || seen.put(o, Boolean.TRUE) != null) {
                return null;
            }
            Class<?> c = o.getClass();
            if (c.isArray()) {
                if (c.getComponentType().isPrimitive()) {
                    return null;
                }
                for (int i = 0; i < Array.getLength(o); i++) {
                    Found f = visit(Array.get(o, i), path + "[" + i + "]", depth + 1);
                    if (f != null) {
                        return f;
                    }
                }
                return null;
            }
            boolean lambda = isLambda(c);
            if (!(o instanceof Serializable)) {
                return new Found(path, lambda ? "a lambda of non-serializable type "
                        + String.join("&", interfaceNames(c)) + " (use a Serial* interface)" : c.getName());
            }
            if (o instanceof String || o instanceof Number || o instanceof Enum || o instanceof Class
                    || o instanceof Boolean || o instanceof Character) {
                return null;
            }
            if (o instanceof Map<?, ?> m && isJdk(c)) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    Found f = visit(e.getKey(), path + ".key(" + e.getKey() + ")", depth + 1);
                    if (f == null) {
                        f = visit(e.getValue(), path + "[" + e.getKey() + "]", depth + 1);
                    }
                    if (f != null) {
                        return f;
                    }
                }
                return null;
            }
            if (o instanceof Collection<?> col && isJdk(c)) {
                int i = 0;
                for (Object e : col) {
                    Found f = visit(e, path + "[" + i++ + "]", depth + 1);
                    if (f != null) {
                        return f;
                    }
                }
                return null;
            }
            for (Class<?> k = c; k != null && Serializable.class.isAssignableFrom(k); k = k.getSuperclass()) {
                if (isJdk(k) && !lambda) {
                    continue;
                }
                for (Field field : k.getDeclaredFields()) {
                    int mod = field.getModifiers();
                    if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || field.getType().isPrimitive()
                            || !field.trySetAccessible()) {
                        continue;
                    }
                    Object v;
                    try {
                        v = field.get(o);
                    } catch (IllegalAccessException e) {
                        continue;
                    }
                    Found f = visit(v, path + "." + field.getName(), depth + 1);
                    if (f != null) {
                        return f;
                    }
                }
            }
            return null;
        }
    }

    private static boolean isLambda(Class<?> c) {
        return c.isSynthetic() && c.getName().contains("$$Lambda");
    }

    private static String[] interfaceNames(Class<?> c) {
        Class<?>[] in = c.getInterfaces();
        String[] names = new String[in.length];
        for (int i = 0; i < in.length; i++) {
            names[i] = in[i].getName();
        }
        return names;
    }

    private static boolean isJdk(Class<?> c) {
        String n = c.getName();
        return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.") || n.startsWith("sun.");
    }
}
