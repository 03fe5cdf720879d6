package dev.jmp.kernel.jshell;

import dev.jmp.kernel.JmpKernel;
import dev.jmp.magics.CellFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 items 12 and 18 through JShell itself (on the JDK running the test: 17, or 25 with
 * {@code -Djvm=}): lambdas written in cells, of any interface, serialize in the kernel and come
 * back in a loader that has only the recorded bytes (as a worker has), and failures name
 * notebook classes, variables and lambdas as the notebook does.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class NotebookLambdasTest {

    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(JmpKernel.notebookClasspath(), List.of(),
                NotebookLambdasTest.class.getClassLoader(), new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    /** A worker's view: notebook classes only from the recorded bytes. */
    private static final class RecordedBytesLoader extends ClassLoader {
        RecordedBytesLoader() {
            super(NotebookLambdasTest.class.getClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = evaluator.classRecorder().classBytes(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    private static Object throughAWorker(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        ClassLoader worker = new RecordedBytesLoader();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, worker);
            }
        }) {
            return in.readObject();
        }
    }

    @Test
    void cellLambdasOfAnyInterfaceAreSerializable() throws Exception {
        evaluator.eval("Callable<Integer> answer = () -> 6 * 7;", 1);
        // Top-level variables are static fields of their wrappers (a worker gets them from snapshots);
        // a method's parameter is captured, so it travels with the lambda.
        evaluator.eval("Function<Integer, Integer> adder(int base) { return x -> x + base; }\n"
                + "Function<Integer, Integer> add = adder(40);", 2);
        // The JDK's serializable comparator holds the cell's method reference, which must travel too.
        evaluator.eval("Comparator<String> byLength = Comparator.comparing(String::length);", 3);
        evaluator.eval("int[] hits = {0};\nRunnable hitter(int[] h) { return () -> h[0]++; }\nRunnable hit = hitter(hits);", 4);
        evaluator.eval("class Greeter { String name = \"jmp\"; Supplier<String> greet() { return () -> \"hi \" + name; } }", 5);

        Object answer = evaluator.eval("answer", 6).value();
        assertInstanceOf(Serializable.class, answer);
        Object copy = throughAWorker(answer);
        assertTrue(copy.getClass().getClassLoader() instanceof RecordedBytesLoader, "rebuilt from the recorded bytes");
        assertEquals(42, ((Callable<?>) copy).call());
        @SuppressWarnings("unchecked")
        Function<Integer, Integer> add = (Function<Integer, Integer>) throughAWorker(evaluator.eval("add", 7).value());
        assertEquals(42, add.apply(2));
        @SuppressWarnings("unchecked")
        Comparator<String> byLength = (Comparator<String>) throughAWorker(evaluator.eval("byLength", 8).value());
        assertTrue(byLength.compare("bbb", "a") > 0);
        ((Runnable) throughAWorker(evaluator.eval("hit", 9).value())).run();
        assertEquals(0, evaluator.eval("hits[0]", 10).value(), "the worker's copy ran, on its own copy of the array");
        // A lambda in a notebook class, capturing a non-serializable instance: still refused.
        Object greet = evaluator.eval("new Greeter().greet()", 11).value();
        java.io.NotSerializableException refused = assertThrows(java.io.NotSerializableException.class,
                () -> throughAWorker(greet));
        assertTrue(refused.getMessage().endsWith("Greeter"), refused.getMessage());
    }

    @Test
    void failuresNameNotebookVariablesClassesAndLambdasAsTheNotebookDoes() throws Exception {
        evaluator.eval("String daemonLog = null;", 21);
        CellFailure npe = assertThrows(CellFailure.class, () -> evaluator.eval("daemonLog.length()", 22));
        assertClean(npe);
        assertTrue(npe.errorValue().contains("\"daemonLog\""), npe.errorValue());

        evaluator.eval("class PageX { }", 23);
        CellFailure notSerializable = assertThrows(CellFailure.class, () -> evaluator.eval(
                "new ObjectOutputStream(OutputStream.nullOutputStream()).writeObject(new PageX())", 24));
        assertClean(notSerializable);
        assertEquals("PageX", notSerializable.errorValue());

        evaluator.eval("Object task = 0;\nRunnable job = () -> { };\ntask = job;", 25);
        CellFailure cast = assertThrows(CellFailure.class, () -> evaluator.eval("String s = (String) task;", 26));
        assertClean(cast);
        assertTrue(cast.errorValue().contains("the lambda at cell [25], line 2"), cast.errorValue());
    }

    private static void assertClean(CellFailure failure) {
        String all = failure.errorValue() + "\n" + String.join("\n", failure.traceback());
        assertFalse(all.contains("$JShell$") || all.contains("REPL."), all);
    }
}
