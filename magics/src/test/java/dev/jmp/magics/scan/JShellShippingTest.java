package dev.jmp.magics.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The design proven on JShell's real output: a lambda defined in a JShell session is analyzed,
 * the variables it reads are snapshotted, and it runs in an unrelated class loader that only
 * has the recorded bytes, seeing the values the session had at dispatch time.
 */
@Timeout(300)
class JShellShippingTest {

    private final RecordingExecutionControl control = new RecordingExecutionControl();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private JShell shell;

    @BeforeEach
    void startJShell() {
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        shell = JShell.builder().executionEngine(control.provider(), Map.of()).out(out).err(out).build();
        eval("import java.io.Serializable;"); // the API adds none of the jshell tool's default imports
        eval("import java.util.concurrent.Callable;");
    }

    @AfterEach
    void closeJShell() {
        shell.close();
    }

    private void eval(String source) {
        for (SnippetEvent e : shell.eval(source)) {
            assertTrue(e.exception() == null, source + " threw " + e.exception() + "\n" + output);
            assertTrue(e.status() == Snippet.Status.VALID || e.status() == Snippet.Status.OVERWRITTEN,
                    source + ": " + e.status() + " " + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null))
                            .collect(Collectors.joining("; ")));
        }
    }

    /** The newest recorded wrapper class declaring a field: JShell's home of that variable. */
    private Class<?> holderOf(String variable) throws ClassNotFoundException {
        String newest = null;
        for (Map.Entry<String, byte[]> e : new TreeMap<>(control.recorded).entrySet()) {
            if (ClassFileReader.read(e.getValue()).field(variable) != null
                    && (newest == null || wrapperNumber(e.getKey()) > wrapperNumber(newest))) {
                newest = e.getKey();
            }
        }
        assertNotNull(newest, "no recorded class declares " + variable + ": " + control.recorded.keySet());
        return control.loaded(newest);
    }

    private static int wrapperNumber(String name) {
        return Integer.parseInt(name.replaceAll("^REPL\\.\\$JShell\\$(\\d+).*$", "$1"));
    }

    private static Object valueOf(Class<?> holder, String variable) throws ReflectiveOperationException {
        Field f = holder.getDeclaredField(variable);
        f.setAccessible(true);
        return f.get(null);
    }

    private StaticReadAnalyzer analyzer() {
        return new StaticReadAnalyzer(control.recorded::get, n -> n.startsWith("REPL."), control.recorded.keySet(),
                StaticReadAnalyzer.DEFAULT_MAX_METHODS);
    }

    @Test
    void lambdaFromJShellRunsInAFreshLoaderWithItsVariables() throws Exception {
        eval("int x = 21;");
        eval("int twice() { return 2 * x; }");
        eval("Object lock = new Object();"); // not serializable, and not read by the lambda
        eval("String unrelated() { return lock.toString(); }");
        eval("Callable<Integer> c = (Callable<Integer> & Serializable) () -> twice();");

        Class<?> holder = holderOf("c");
        ClassLoader kernelLoader = holder.getClassLoader();
        Object c = valueOf(holder, "c");
        StaticReads reads = analyzer().fromObject(c);
        Set<String> names = reads.fields().stream().map(StaticField::displayName).collect(Collectors.toSet());
        assertEquals(Set.of("x"), names, "analysis of JShell's bytecode: " + reads);
        assertTrue(reads.missingClasses().isEmpty(), reads.toString());

        byte[] wire = StaticSnapshot.capture(reads.fields(), kernelLoader).toBytes();
        byte[] task = ValueCodec.javaSerialization().encode(c);
        eval("x = 100;"); // after dispatch; the worker must still see 21

        BytesClassLoader worker = new BytesClassLoader(control.recorded);
        Callable<?> shipped = (Callable<?>) ValueCodec.javaSerialization().decode(task, worker);
        assertSame(worker, shipped.getClass().getClassLoader(), "the lambda was rebuilt from the recorded bytes");
        assertEquals(0, shipped.call(), "before installing, the worker's x is the default");
        StaticSnapshot.fromBytes(wire).install(worker);
        assertEquals(42, shipped.call());
        assertEquals(200, ((Callable<?>) c).call(), "the kernel's own lambda sees the kernel's x");
    }

    @Test
    void redefinedMethodAndNotebookRecordAreSeen() throws Exception {
        eval("int bonus = 1;");
        eval("record Point(int x, int y) implements Serializable { int sum() { return x + y + bonus; } }");
        eval("Point p = new Point(2, 3);");
        eval("int scale() { return 10; }");
        eval("int scale() { return 100 * bonus; }"); // redefinition: a new wrapper class
        eval("Callable<Integer> c = (Callable<Integer> & Serializable) () -> p.sum() * scale();");

        Class<?> holder = holderOf("c");
        Object c = valueOf(holder, "c");
        StaticReads reads = analyzer().fromObject(c);
        Set<String> names = reads.fields().stream().map(StaticField::displayName).collect(Collectors.toSet());
        assertEquals(Set.of("p", "bonus"), names, reads.toString());

        byte[] wire = StaticSnapshot.capture(reads.fields(), holder.getClassLoader()).toBytes();
        BytesClassLoader worker = new BytesClassLoader(control.recorded);
        Callable<?> shipped = (Callable<?>) ValueCodec.javaSerialization().decode(
                ValueCodec.javaSerialization().encode(c), worker);
        StaticSnapshot.fromBytes(wire).install(worker);
        assertEquals((2 + 3 + 1) * 100, shipped.call(), "the redefined scale() with bonus = 1");
    }

    @Test
    void unsendableVariableIsNamedAsTheUserWroteIt() throws Exception {
        eval("Thread worker = new Thread(() -> { });");
        eval("int n = 3;");
        eval("Callable<String> c = (Callable<String> & Serializable) () -> worker.getName() + n;");
        Class<?> holder = holderOf("c");
        StaticReads reads = analyzer().fromObject(valueOf(holder, "c"));
        UnsendableVariablesException e = org.junit.jupiter.api.Assertions.assertThrows(
                UnsendableVariablesException.class,
                () -> StaticSnapshot.capture(reads.fields(), holder.getClassLoader()));
        assertEquals("variable `worker` (java.lang.Thread) cannot be sent to a worker: "
                + "java.lang.Thread is not Serializable", e.getMessage());
    }
}
