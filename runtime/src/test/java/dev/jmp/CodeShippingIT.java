package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.RemoteException;
import dev.jmp.error.SerializationException;
import dev.jmp.function.SerialCallable;
import dev.jmp.function.SerialFunction;
import dev.jmp.spi.ClassSource;
import java.io.Serializable;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Classes that exist only as bytes in the parent run in workers; serialization errors are precise. */
@Timeout(300)
class CodeShippingIT extends WorkerTracking {

    private ClassSource plugged;

    @AfterEach
    void unplug() {
        if (plugged != null) {
            Jmp.removeClassSource(plugged);
        }
        Jmp.setResultClassLoader(CodeShippingIT.class.getClassLoader());
        dev.jmp.internal.supervisor.RuntimeSettings.global().clearClasspath();
    }

    @Test
    @SuppressWarnings("unchecked")
    void classDefinedFromBytesAloneRunsInAWorkerAndItsResultComesBackAsItself() throws Exception {
        InMemoryCompiler mem = new InMemoryCompiler(CodeShippingIT.class.getClassLoader()).compile(Map.of(
                "gen.Point", "package gen; public record Point(int x, int y) implements java.io.Serializable {}",
                "gen.Maker", """
                        package gen;
                        public class Maker implements dev.jmp.function.SerialCallable<Object> {
                            private final int base;
                            public Maker(int base) { this.base = base; }
                            public Object call() { return new Point(base, dev.jmp.Worker.index()); }
                            public static dev.jmp.function.SerialFunction<Integer, Object> scaled(int k) {
                                return x -> new Point(x * k, -1);
                            }
                        }
                        """));
        plugged = mem::bytesOf;
        Jmp.addClassSource(plugged);
        Jmp.setResultClassLoader(mem);
        Class<?> maker = Class.forName("gen.Maker", true, mem);
        Class<?> point = Class.forName("gen.Point", true, mem);
        assertThrows(ClassNotFoundException.class, () -> Class.forName("gen.Point", false,
                CodeShippingIT.class.getClassLoader()), "the class exists only in the in-memory loader");

        SerialCallable<Object> task = (SerialCallable<Object>) maker.getConstructor(int.class).newInstance(5);
        Process p = new Process(task).start();
        p.join();
        assertEquals(0, p.exitCode(), String.valueOf(p.lastStderr()));
        Object result = p.result();
        assertSame(point, result.getClass());
        assertEquals(5, point.getMethod("x").invoke(result));

        SerialFunction<Integer, Object> scaled = (SerialFunction<Integer, Object>) maker.getMethod("scaled", int.class)
                .invoke(null, 3);
        try (Pool pool = new Pool(1)) {
            List<Object> points = pool.map(scaled, List.of(1, 2));
            assertSame(point, points.get(0).getClass());
            assertEquals(6, point.getMethod("x").invoke(points.get(1)));
        }
    }

    @Test
    void jarsAddedToTheClasspathReachRunningAndNewWorkers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        InMemoryCompiler mem = new InMemoryCompiler(CodeShippingIT.class.getClassLoader()).compile(Map.of(
                "gen.Jarred", "package gen; public class Jarred { public static String hello() { return \"from jar\"; } }"));
        java.nio.file.Path jar = dir.resolve("extra.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("gen/Jarred.class"));
            out.write(mem.bytesOf("gen.Jarred"));
            out.closeEntry();
            out.putNextEntry(new java.util.jar.JarEntry("gen/data.txt"));
            out.write("resource in jar".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        SerialCallable<String> useJar = () -> {
            ClassLoader l = Thread.currentThread().getContextClassLoader();
            String hello = (String) Class.forName("gen.Jarred", true, l).getMethod("hello").invoke(null);
            try (java.io.InputStream in = l.getResourceAsStream("gen/data.txt")) {
                return hello + " / " + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        };
        try (Pool running = new Pool(1)) {
            RemoteException before = assertThrows(RemoteException.class, () -> running.apply(useJar));
            assertTrue(before.is(ClassNotFoundException.class), before.remoteClassName());
            Jmp.addClasspath(jar);
            assertEquals("from jar / resource in jar", running.apply(useJar), "a running worker got the jar");
        }
        try (Pool fresh = new Pool(1)) {
            assertEquals("from jar / resource in jar", fresh.apply(useJar), "a new worker starts with the jar");
        }
    }

    static final class Conn implements Serializable {
        private static final long serialVersionUID = 1L;
        final ServerSocket conn;

        Conn(ServerSocket conn) {
            this.conn = conn;
        }
    }

    @Test
    void unserializableCaptureFailsBeforeAnyDispatchWithTypeAndPath() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            Conn holder = new Conn(socket);
            Process p = new Process(() -> holder.conn.isBound());
            SerializationException e = assertThrows(SerializationException.class, p::start);
            assertEquals("task.arg$1.conn", e.path());
            assertEquals("java.net.ServerSocket", e.typeName());
            dev.jmp.internal.supervisor.Supervisor s = dev.jmp.internal.supervisor.DefaultSupervisor.peek();
            assertTrue(s == null || s.launchedPids().isEmpty(), "no worker was started for a task that cannot be sent");
            try (Pool pool = new Pool(1)) {
                SerializationException arg = assertThrows(SerializationException.class,
                        () -> pool.map(x -> x, List.of(1, socket)));
                assertEquals("items[1]", arg.path());
                SerializationException star = assertThrows(SerializationException.class,
                        () -> pool.apply(args -> 1, "ok", holder));
                assertEquals("args[1].conn", star.path());
                assertEquals(1, pool.apply(() -> 1), "nothing was sent, the pool is fine");
            }
        }
    }

    @Test
    void unserializableResultFailsTheTaskWithTypeAndPath() {
        try (Pool pool = new Pool(1)) {
            RemoteException e = assertThrows(RemoteException.class, () -> pool.apply(() -> List.of(1, new Object())));
            assertTrue(e.is(SerializationException.class), e.remoteClassName());
            assertTrue(e.remoteMessage().startsWith("result[1]: java.lang.Object"), e.remoteMessage());
        }
    }
}
