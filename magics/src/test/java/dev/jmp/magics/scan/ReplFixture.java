package dev.jmp.magics.scan;

import java.lang.reflect.Field;
import java.util.Map;

/** The compiled {@link ReplSamples}, a "kernel" loader that ran every cell, and helpers. */
final class ReplFixture {

    static final Map<String, byte[]> CLASSES = InMemoryCompiler.compile(ReplSamples.sources());

    final BytesClassLoader kernel = new BytesClassLoader(CLASSES);

    ReplFixture() throws ReflectiveOperationException {
        for (String cell : ReplSamples.sources().keySet()) {
            kernel.loadClass(cell).getMethod("do_it$").invoke(null);
        }
    }

    static Object get(ClassLoader loader, String className, String field) throws ReflectiveOperationException {
        return Class.forName(className, true, loader).getField(field).get(null);
    }

    static void set(ClassLoader loader, String className, String field, Object value)
            throws ReflectiveOperationException {
        Field f = Class.forName(className, true, loader).getField(field);
        f.set(null, value);
    }

    static StaticReadAnalyzer analyzer(boolean withKnownClasses) {
        return withKnownClasses
                ? new StaticReadAnalyzer(CLASSES::get, n -> n.startsWith("REPL."), CLASSES.keySet(),
                        StaticReadAnalyzer.DEFAULT_MAX_METHODS)
                : new StaticReadAnalyzer(CLASSES::get, n -> n.startsWith("REPL."));
    }
}
