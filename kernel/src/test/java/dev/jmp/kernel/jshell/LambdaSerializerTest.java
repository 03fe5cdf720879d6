package dev.jmp.kernel.jshell;

import dev.jmp.kernel.jshell.fixture.Lambdas;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaSerializerTest {

    private static final String FIXTURE = Lambdas.class.getName();

    /** Defines the fixture from given bytes (child first), as the kernel's and a worker's loaders do. */
    private static final class Loader extends ClassLoader {
        private final byte[] bytes;

        Loader(byte[] bytes) {
            super(LambdaSerializerTest.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.equals(FIXTURE)) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                return c != null ? c : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }

    private static byte[] fixtureBytes() throws IOException {
        try (InputStream in = Lambdas.class.getResourceAsStream("Lambdas.class")) {
            return in.readAllBytes();
        }
    }

    private static Object call(ClassLoader loader, String method, Object... args) throws Exception {
        Class<?> fixture = loader.loadClass(FIXTURE);
        for (java.lang.reflect.Method m : fixture.getMethods()) {
            if (m.getName().equals(method)) {
                return m.invoke(null, args);
            }
        }
        throw new NoSuchMethodException(method);
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** Reads in a fresh loader of the same rewritten bytes: the kernel's class is not there, as in a worker. */
    private static Object deserialize(byte[] data, ClassLoader loader) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, loader);
            }
        }) {
            return in.readObject();
        }
    }

    private static Object roundTrip(byte[] rewritten, String method, Object... args) throws Exception {
        Object lambda = call(new Loader(rewritten), method, args);
        Loader worker = new Loader(rewritten);
        Object back = deserialize(serialize(lambda), worker);
        assertSame(worker.loadClass(FIXTURE), back.getClass().getNestHost(), "rebuilt from the worker's class");
        assertNotSame(lambda.getClass(), back.getClass());
        return back;
    }

    @Test
    void lambdasOfAnyInterfaceSurviveSerializationIntoAFreshLoader() throws Exception {
        byte[] rewritten = LambdaSerializer.rewrite(fixtureBytes()).bytes();
        assertEquals(42, ((Callable<?>) roundTrip(rewritten, "answer")).call());
        @SuppressWarnings("unchecked")
        Function<Integer, Integer> adder = (Function<Integer, Integer>) roundTrip(rewritten, "adder", 40);
        assertEquals(42, adder.apply(2));
        @SuppressWarnings("unchecked")
        Comparator<String> byLength = (Comparator<String>) roundTrip(rewritten, "byLength");
        assertTrue(byLength.compare("a", "bbb") < 0);
        assertEquals("JMP", ((Supplier<?>) roundTrip(rewritten, "upper", "jmp")).get());
        @SuppressWarnings("unchecked")
        Function<String, StringBuilder> builder = (Function<String, StringBuilder>) roundTrip(rewritten, "builder");
        assertEquals("x", builder.apply("x").toString());
        int[] counter = {41};
        Runnable counting = (Runnable) roundTrip(rewritten, "counting", (Object) counter);
        counting.run();
        assertEquals(41, counter[0], "the copy counts in its own array");
        assertEquals("a!", ((Callable<?>) roundTrip(rewritten, "javacSerializable", "a")).call());
        // A rebuilt lambda is serializable again (a worker can pass it on).
        Object again = deserialize(serialize(roundTrip(rewritten, "answer")), new Loader(rewritten));
        assertEquals(42, ((Callable<?>) again).call());
    }

    @Test
    void withoutTheRewriteTheSameLambdaCannotBeSerialized() throws Exception {
        Object lambda = call(new Loader(fixtureBytes()), "answer");
        assertThrows(NotSerializableException.class, () -> serialize(lambda));
    }

    @Test
    void aCaptureThatIsNotSerializableStillFailsSerialization() throws Exception {
        byte[] rewritten = LambdaSerializer.rewrite(fixtureBytes()).bytes();
        Object lambda = call(new Loader(rewritten), "capturing", new Object());
        NotSerializableException e = assertThrows(NotSerializableException.class, () -> serialize(lambda));
        assertEquals("java.lang.Object", e.getMessage());
    }

    @Test
    void aClassWithoutLambdasIsLeftAsItIs() throws Exception {
        byte[] plain;
        try (InputStream in = LambdaSerializerTest.class.getResourceAsStream("LambdaSerializerTest$Loader.class")) {
            plain = in.readAllBytes();
        }
        LambdaSerializer.Result result = LambdaSerializer.rewrite(plain);
        assertArrayEquals(plain, result.bytes());
        assertEquals(List.of(), result.lambdaLines());
    }

    @Test
    void reportsTheLinesWhereLambdaBodiesStart() throws Exception {
        List<Integer> lines = LambdaSerializer.rewrite(fixtureBytes()).lambdaLines();
        // One line per lambda body (method references have none of their own): answer, adder, byLength,
        // counting, javacSerializable, capturing.
        assertEquals(6, lines.size(), lines.toString());
        assertTrue(lines.get(0) > 10, lines.toString());
    }
}
