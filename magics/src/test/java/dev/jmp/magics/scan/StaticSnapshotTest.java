package dev.jmp.magics.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Kernel loader to an unrelated "worker" loader defining the same bytes: values travel by snapshot. */
@Timeout(300)
class StaticSnapshotTest {

    private static final ValueCodec CODEC = ValueCodec.javaSerialization();

    /** Ships a task object as a worker would receive it: encoded, decoded through the worker's loader. */
    private static Object ship(Object task, ClassLoader worker) throws Exception {
        return CODEC.decode(CODEC.encode(task), worker);
    }

    @Test
    void lambdaRunsInAFreshLoaderWithTheValuesAtDispatchTime() throws Exception {
        ReplFixture repl = new ReplFixture();
        Object c = ReplFixture.get(repl.kernel, "REPL.$JShell$15", "c");
        StaticReads reads = ReplFixture.analyzer(true).fromObject(c);
        StaticSnapshot snapshot = StaticSnapshot.fromBytes(StaticSnapshot.capture(reads.fields(), repl.kernel).toBytes());
        ReplFixture.set(repl.kernel, "REPL.$JShell$11", "x", 100); // after dispatch: not seen by the worker

        BytesClassLoader worker = new BytesClassLoader(ReplFixture.CLASSES);
        Callable<?> shipped = (Callable<?>) ship(c, worker);
        assertEquals("null 0", shipped.call(), "without the snapshot the worker sees defaults");
        snapshot.install(worker);
        assertEquals("hello 42", shipped.call());

        ReplFixture.set(worker, "REPL.$JShell$12", "greeting", "changed in worker");
        assertEquals("hello", ReplFixture.get(repl.kernel, "REPL.$JShell$12", "greeting"), "no flow back");
        assertEquals(snapshot.fields().size(), 2);
    }

    @Test
    void notebookRecordsArriveAsTheWorkersOwnClassAndSharingIsKept() throws Exception {
        ReplFixture repl = new ReplFixture();
        Object same = ReplFixture.get(repl.kernel, "REPL.$JShell$17", "same");
        Object area = ReplFixture.get(repl.kernel, "REPL.$JShell$17", "area");
        StaticReads reads = ReplFixture.analyzer(true).fromObject(same);
        StaticSnapshot snapshot = StaticSnapshot.capture(ReplFixture.analyzer(true).fromObject(area).fields(),
                repl.kernel);
        StaticSnapshot both = StaticSnapshot.capture(reads.fields(), repl.kernel);

        BytesClassLoader worker = new BytesClassLoader(ReplFixture.CLASSES);
        snapshot.install(worker);
        assertEquals(63.0, ((Supplier<?>) ship(area, worker)).get(), "3 * 1 * 1 * x with x = 21");
        Object shape = ReplFixture.get(worker, "REPL.$JShell$16", "shape");
        assertSame(worker, shape.getClass().getClassLoader(), "a record resolves to the worker's copy");
        assertNotSame(ReplFixture.get(repl.kernel, "REPL.$JShell$16", "shape"), shape);

        BytesClassLoader worker2 = new BytesClassLoader(ReplFixture.CLASSES);
        both.install(worker2);
        assertEquals(Boolean.TRUE, ((Supplier<?>) ship(same, worker2)).get(),
                "two variables naming one object still name one object");
    }

    @Test
    void everyUnsendableVariableIsNamedWithItsType() throws Exception {
        ReplFixture repl = new ReplFixture();
        List<StaticField> fields = List.of(
                new StaticField("REPL.$JShell$11", "x", "I"),
                new StaticField("REPL.$JShell$13", "conn", "Ljava/net/Socket;"),
                new StaticField("REPL.$JShell$13", "lock", "Ljava/lang/Object;"),
                new StaticField("REPL.$JShell$13", "holder", "Ljava/util/List;"),
                new StaticField("REPL.$JShell$15", "plain", "Ljava/util/concurrent/Callable;"));
        UnsendableVariablesException e = assertThrows(UnsendableVariablesException.class,
                () -> StaticSnapshot.capture(fields, repl.kernel));
        assertEquals(List.of("conn", "lock", "holder", "plain"), e.variables());
        String[] lines = e.getMessage().split("\n");
        assertEquals("variable `conn` (java.net.Socket) cannot be sent to a worker: "
                + "java.net.Socket is not Serializable", lines[0]);
        assertEquals("variable `lock` (java.lang.Object) cannot be sent to a worker: "
                + "java.lang.Object is not Serializable", lines[1]);
        assertEquals("variable `holder` (java.util.ArrayList) cannot be sent to a worker: "
                + "it refers to a java.net.Socket, which is not Serializable", lines[2]);
        assertTrue(lines[3].startsWith("variable `plain` (a lambda) cannot be sent to a worker: a lambda is not"
                + " Serializable"), lines[3]);
        assertTrue(!e.getMessage().contains("$JShell$"), "wrapper class names are internal: " + e.getMessage());
    }

    @Test
    void aFieldOfANotebookClassIsNamedByItsClass() {
        assertEquals("Circle.BY_R", new StaticField("REPL.$JShell$16$Circle", "BY_R", "Ljava/util/Comparator;")
                .displayName());
        assertEquals("x", new StaticField("REPL.$JShell$11", "x", "I").displayName());
    }

    @Test
    void installRefusesFinalsAndNamesMissingVariables() throws Exception {
        ReplFixture repl = new ReplFixture();
        StaticSnapshot finals = StaticSnapshot.capture(
                List.of(new StaticField("REPL.$JShell$16$Circle", "PI", "D")), repl.kernel);
        IllegalStateException fin = assertThrows(IllegalStateException.class,
                () -> finals.install(new BytesClassLoader(ReplFixture.CLASSES)));
        assertTrue(fin.getMessage().contains("`Circle.PI`") && fin.getMessage().contains("final"), fin.getMessage());

        StaticSnapshot x = StaticSnapshot.capture(List.of(new StaticField("REPL.$JShell$11", "x", "I")), repl.kernel);
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> x.install(new BytesClassLoader(java.util.Map.of())));
        assertTrue(missing.getMessage().contains("`x`"), missing.getMessage());
    }

    @Test
    void emptyAndMalformedSnapshots() {
        StaticSnapshot empty = StaticSnapshot.fromBytes(StaticSnapshot.capture(List.of(), getClass().getClassLoader())
                .toBytes());
        assertTrue(empty.isEmpty());
        empty.install(new BytesClassLoader(java.util.Map.of()));
        assertThrows(IllegalArgumentException.class, () -> StaticSnapshot.fromBytes(new byte[] {0, 0, 0, 9}));
        assertThrows(IllegalArgumentException.class, () -> StaticSnapshot.fromBytes(new byte[] {0, 0, 0, 1, 0}));
    }
}
