package dev.jmp.jjava;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the adapter needs from the host kernel that JJava has no API for, read by reflection.
 *
 * <p>Class bytes: JShell hands every class it compiles to the execution's {@code LoaderDelegate},
 * and JJava's keeps them in a {@code Map<String, byte[]>}. Rather than naming JJava's private
 * fields (they moved between releases), the delegate is found by walking the kernel's object
 * graph (fields of non-JDK objects and the values of maps, a few levels deep), and the map is
 * the delegate's field whose values are {@code byte[]}.
 */
final class HostInternals {

    private static final int MAX_DEPTH = 8;
    private static final int MAX_OBJECTS = 20_000;

    private HostInternals() {
    }

    /**
     * The live map of class name to bytes that the host's JShell loader delegate keeps.
     *
     * @param root the kernel
     * @return the map, if the host has one where expected
     */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, byte[]>> declaredClasses(Object root) {
        Object delegate = find(root, HostInternals::isLoaderDelegate);
        if (delegate == null) {
            return Optional.empty();
        }
        for (Class<?> c = delegate.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || !Map.class.isAssignableFrom(f.getType())) {
                    continue;
                }
                Object value = read(f, delegate);
                if (value instanceof Map<?, ?> map && holdsBytes(f)) {
                    return Optional.of((Map<String, byte[]>) map);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean holdsBytes(Field f) {
        String generic = f.getGenericType().getTypeName();
        return generic.endsWith("byte[]>");
    }

    private static boolean isLoaderDelegate(Object o) {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals("jdk.jshell.execution.LoaderDelegate")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Breadth-first over the fields of non-JDK objects and the values of collections. */
    private static Object find(Object root, java.util.function.Predicate<Object> wanted) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object[]> queue = new ArrayDeque<>();
        queue.add(new Object[] {root, 0});
        while (!queue.isEmpty() && seen.size() < MAX_OBJECTS) {
            Object[] next = queue.poll();
            Object o = next[0];
            int depth = (Integer) next[1];
            if (o == null || seen.put(o, Boolean.TRUE) != null) {
                continue;
            }
            if (wanted.test(o)) {
                return o;
            }
            if (depth >= MAX_DEPTH) {
                continue;
            }
            if (o instanceof Map<?, ?> map) {
                for (Object v : map.values().toArray()) {
                    queue.add(new Object[] {v, depth + 1});
                }
                continue;
            }
            if (o instanceof Collection<?> coll) {
                for (Object v : coll.toArray()) {
                    queue.add(new Object[] {v, depth + 1});
                }
                continue;
            }
            if (isJdk(o.getClass())) {
                continue;
            }
            for (Class<?> c = o.getClass(); c != null && !isJdk(c); c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                        queue.add(new Object[] {read(f, o), depth + 1});
                    }
                }
            }
        }
        return null;
    }

    private static boolean isJdk(Class<?> c) {
        String n = c.getName();
        return c.isArray() || n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.")
                || n.startsWith("sun.") || n.startsWith("com.sun.");
    }

    private static Object read(Field f, Object target) {
        try {
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a field of a module that does not open it: not where JJava keeps its state
        }
    }

    /**
     * Reads a field by name, searching the class and its superclasses.
     *
     * @return its value, or empty when there is no such field or it cannot be read
     */
    static Optional<Object> field(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                return Optional.ofNullable(read(f, target));
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return Optional.empty();
    }

    /**
     * Calls a method without arguments by name (public or not), searching superclasses.
     *
     * @return its result, or empty when there is no such method or it fails
     */
    static Optional<Object> call(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(name);
                m.setAccessible(true);
                return Optional.ofNullable(m.invoke(target));
            } catch (NoSuchMethodException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
