package dev.jmp.kernel.jshell;

import dev.jmp.kernel.JmpKernel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Must-show 5: after a method, a record and a lambda are defined through the kernel's
 * evaluator, their bytes are recorded, and a fresh class loader built only from those bytes
 * (its parent knows nothing of JShell) loads them and runs them.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClassRecordingTest {

    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(JmpKernel.notebookClasspath(), List.of(),
                ClassRecordingTest.class.getClassLoader(), new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    /** A loader that defines classes only from the recorder's bytes. */
    private static final class RecordedBytesLoader extends ClassLoader {
        private final ClassRecorder recorder;

        RecordedBytesLoader(ClassRecorder recorder) {
            super(ClassRecordingTest.class.getClassLoader());
            this.recorder = recorder;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = recorder.classBytes(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    private static Class<?> declaring(ClassLoader loader, String method) throws ClassNotFoundException {
        for (String name : evaluator.classRecorder().classNames()) {
            Class<?> type = loader.loadClass(name);
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(method)) {
                    return type;
                }
            }
        }
        throw new AssertionError("no recorded class declares " + method + ": " + evaluator.classRecorder().classNames());
    }

    @Test
    void methodRecordAndLambdaRunFromRecordedBytesInAFreshLoader() throws Exception {
        evaluator.eval("int square(int x) { return x * x; }", 1);
        evaluator.eval("record Point(int x, int y) { int sum() { return x + y; } }", 2);
        evaluator.eval("Function<Integer, Integer> triple = v -> v * 3;", 3);
        assertEquals(49, evaluator.eval("square(7)", 4).value());

        ClassRecorder recorder = evaluator.classRecorder();
        String point = recorder.classNames().stream().filter(n -> n.endsWith("$Point")).findFirst()
                .orElseThrow(() -> new AssertionError("record not recorded: " + recorder.classNames()));
        assertNotNull(recorder.classBytes(point));

        ClassLoader fresh = new RecordedBytesLoader(recorder);
        Class<?> squareOwner = declaring(fresh, "square");
        assertNotSame(evaluator.classLoader(), squareOwner.getClassLoader());
        Method square = squareOwner.getDeclaredMethod("square", int.class);
        square.setAccessible(true);
        assertEquals(144, square.invoke(null, 12));

        Class<?> pointType = fresh.loadClass(point);
        assertTrue(pointType.isRecord());
        var constructor = pointType.getDeclaredConstructor(int.class, int.class);
        constructor.setAccessible(true);
        Object p = constructor.newInstance(2, 5);
        Method sum = pointType.getDeclaredMethod("sum");
        sum.setAccessible(true);
        assertEquals(7, sum.invoke(p));

        // The lambda's body is a synthetic method of the variable's wrapper class; running
        // the wrapper's initializer in the fresh loader yields a working lambda.
        Class<?> tripleOwner = declaring(fresh, "do_it$");
        for (String name : recorder.classNames()) {
            Class<?> type = fresh.loadClass(name);
            boolean hasLambda = false;
            for (Method m : type.getDeclaredMethods()) {
                hasLambda |= m.getName().startsWith("lambda$");
            }
            if (hasLambda) {
                tripleOwner = type;
            }
        }
        Method doIt = tripleOwner.getDeclaredMethod("do_it$");
        doIt.setAccessible(true);
        @SuppressWarnings("unchecked")
        Function<Integer, Integer> triple = (Function<Integer, Integer>) doIt.invoke(null);
        assertEquals(21, triple.apply(7));
        assertNotSame(evaluator.classLoader(), triple.getClass().getClassLoader().getParent());
    }

    @Test
    void redefinitionIsRecordedToo() throws Exception {
        evaluator.eval("int version() { return 1; }", 10);
        int before = evaluator.classRecorder().classNames().size();
        evaluator.eval("int version() { return 2; }", 11);
        assertEquals(2, evaluator.eval("version()", 12).value());
        assertTrue(evaluator.classRecorder().classNames().size() > before, "redefinition recorded as new class bytes");
        Class<?> owner = null;
        ClassLoader fresh = new RecordedBytesLoader(evaluator.classRecorder());
        for (String name : evaluator.classRecorder().classNames()) {
            Class<?> type = fresh.loadClass(name);
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals("version")) {
                    owner = type;
                }
            }
        }
        assertNotNull(owner);
        Method version = owner.getDeclaredMethod("version");
        version.setAccessible(true);
        assertEquals(2, version.invoke(null), "the latest recorded definition returns 2");
    }
}
