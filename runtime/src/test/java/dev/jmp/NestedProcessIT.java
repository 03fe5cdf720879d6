package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.function.SerialCallable;
import dev.jmp.shared.Manager;
import dev.jmp.shared.SharedCounter;
import dev.jmp.shared.SharedLock;
import dev.jmp.spi.ClassSource;
import dev.jmp.spi.TaskPayload;
import dev.jmp.spi.TaskPreparer;
import java.lang.reflect.Field;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Processes started from a worker, at any depth, see what the top-level process gives its
 * children: classes only its class source has (as JShell's classes exist only in the kernel),
 * the values its task preparer captures (the notebook's variables), and the shared objects of a
 * manager it hosts. Each level joins the process it started.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NestedProcessIT extends WorkerTracking {

    /**
     * Classes that exist only as bytes in this JVM. {@code Nest(levels, ...)} appends
     * {@code /levels} to the variable {@code note}, starts {@code Nest(levels - 1)} in a new
     * process and returns its result; {@code Nest(0)} announces itself on the counter, waits for
     * the lock the test holds, and returns a record with the variable it sees ({@code Nest(0)} without
     * shared objects returns the record at once). Each level starts the
     * next from a pool thread (see the source).
     */
    private static final Map<String, String> SOURCES = Map.of(
            "gen.Secret", "package gen; public record Secret(String word) implements java.io.Serializable {}",
            "gen.Nest", """
                    package gen;
                    import dev.jmp.shared.SharedCounter;
                    import dev.jmp.shared.SharedLock;
                    public record Nest(int levels, SharedCounter counter, SharedLock lock)
                            implements dev.jmp.function.SerialCallable<Object> {
                        public static String note;
                        /** Start timeout of the nested runtimes: three JVM generations on a busy machine are slow. */
                        static final long LOADED = 300_000;
                        public Object call() {
                            if (levels == 0 && counter == null) {
                                return new Secret(note + (lock == null ? " alone"
                                        : " held=" + lock.isHeldByCurrentThread() + " tryLock=" + lock.tryLock()));
                            }
                            boolean holds = counter == null && lock != null;
                            if (holds) {
                                lock.lock();
                            }
                            if (levels == 0) {
                                boolean free = lock.tryLock();
                                counter.incrementAndGet();
                                lock.lock();
                                try {
                                    counter.incrementAndGet();
                                } finally {
                                    lock.unlock();
                                }
                                return new Secret(note + " free=" + free);
                            }
                            note = note + "/" + levels;
                            // Started off the task thread, from a pool thread whose context loader is the
                            // system's, as code in a worker may (a parallel stream, a CompletableFuture).
                            dev.jmp.Process p = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                                    new dev.jmp.Process(new Nest(levels - 1, counter, lock))
                                            .jvmOptions("-Djmp.startTimeoutMillis=" + LOADED).start().join()).join();
                            if (holds) {
                                lock.unlock();
                            }
                            if (p.exitCode() != 0) {
                                throw new IllegalStateException("level " + levels + ": exit " + p.exitCode() + ", "
                                        + p.exception() + " " + p.lastStderr());
                            }
                            return p.result();
                        }
                    }
                    """);

    /** Sets {@code gen.Nest.note} in a worker; passed on, it reads the note as that worker has it. */
    record SetNote(String value) implements TaskPayload {
        @Override
        public void install(ClassLoader workerLoader) {
            try {
                note(workerLoader).set(null, value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public TaskPayload forward(ClassLoader workerLoader) {
            try {
                return new SetNote((String) note(workerLoader).get(null));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Field note(ClassLoader loader) throws ReflectiveOperationException {
            return Class.forName("gen.Nest", true, loader).getField("note");
        }
    }

    /** The start timeout of the child's own runtime (a hang detector, not a measurement). */
    private static final String PATIENT = "-Djmp.startTimeoutMillis=300000";

    private ClassSource plugged;
    private TaskPreparer preparer;
    private long startTimeout;

    @org.junit.jupiter.api.BeforeEach
    void patientStarts() {
        startTimeout = dev.jmp.internal.supervisor.RuntimeSettings.global().startTimeoutMillis();
        dev.jmp.internal.supervisor.RuntimeSettings.global().setStartTimeoutMillis(300_000);
    }

    @AfterEach
    void unplug() {
        dev.jmp.internal.supervisor.RuntimeSettings.global().setStartTimeoutMillis(startTimeout);
        if (plugged != null) {
            Jmp.removeClassSource(plugged);
        }
        if (preparer != null) {
            Jmp.removeTaskPreparer(preparer);
        }
        Jmp.setResultClassLoader(NestedProcessIT.class.getClassLoader());
    }

    private SerialCallable<Object> nest(int levels, SharedCounter counter, SharedLock lock) throws Exception {
        InMemoryCompiler mem = new InMemoryCompiler(NestedProcessIT.class.getClassLoader()).compile(SOURCES);
        plugged = mem::bytesOf;
        Jmp.addClassSource(plugged);
        Jmp.setResultClassLoader(mem);
        preparer = task -> new SetNote("top");
        Jmp.addTaskPreparer(preparer);
        assertThrows(ClassNotFoundException.class, () -> Class.forName("gen.Secret", false,
                NestedProcessIT.class.getClassLoader()), "the classes exist only in the in-memory loader");
        @SuppressWarnings("unchecked")
        SerialCallable<Object> task = (SerialCallable<Object>) Class.forName("gen.Nest", true, mem)
                .getConstructor(int.class, SharedCounter.class, SharedLock.class).newInstance(levels, counter, lock);
        return task;
    }

    /** Runs a nest whose leaf is {@code depth} processes below this one. */
    private void runsAtDepth(int depth) throws Exception {
        try (Manager manager = new Manager()) {
            SharedCounter counter = manager.counter(0);
            SharedLock lock = manager.lock();
            lock.lock();
            Process p;
            try {
                p = new Process(nest(depth - 1, counter, lock)).jvmOptions(PATIENT).start();
                long deadline = System.currentTimeMillis() + 500_000; // a hang detector
                while (counter.get() < 1) {
                    assertTrue(System.currentTimeMillis() < deadline, "the leaf reached the counter");
                    assertTrue(p.exitCode() == null, () -> "the process ended early: " + p.exception());
                    Thread.sleep(20);
                }
                assertEquals(1, counter.get(), "the leaf waits for the lock this process holds");
            } finally {
                lock.unlock();
            }
            p.join();
            assertEquals(0, p.exitCode(), () -> p.exception() + " " + p.lastStderr());
            StringBuilder levels = new StringBuilder("top");
            for (int k = depth - 1; k >= 1; k--) {
                levels.append('/').append(k);
            }
            assertEquals("Secret[word=" + levels + " free=false]", p.result().toString(),
                    "a notebook record made in the leaf travels back up as itself");
            assertEquals("gen.Secret", p.result().getClass().getName());
            assertEquals(2, counter.get(), "the leaf counted again once it had the lock");
        }
    }

    /**
     * Without shared objects, the child's first use of its runtime is on the pool thread, so its
     * class server cannot rely on the task loader being that thread's context loader.
     */
    @Test
    void aGrandchildGetsTheTopLevelsClassesAndVariablesWithoutSharedObjects() throws Exception {
        Process p = new Process(nest(1, null, null)).jvmOptions(PATIENT).start().join();
        assertEquals(0, p.exitCode(), () -> p.exception() + " " + p.lastStderr());
        assertEquals("Secret[word=top/1 alone]", p.result().toString());
    }

    /**
     * A grandchild's calls reach the manager through its parent's connection, as the parent's own
     * do: the manager must still tell their threads apart (the grandchild does not hold the lock
     * its parent holds, and is not refused as if it re-entered it).
     */
    @Test
    void aLockHeldByTheChildIsNotHeldByItsChild() throws Exception {
        try (Manager manager = new Manager()) {
            SharedLock lock = manager.lock();
            Process p = new Process(nest(1, null, lock)).jvmOptions(PATIENT).start().join();
            assertEquals(0, p.exitCode(), () -> p.exception() + " " + p.lastStderr());
            assertEquals("Secret[word=top/1 held=false tryLock=false]", p.result().toString());
            assertTrue(lock.tryLock(), "the child released the lock");
            lock.unlock();
        }
    }

    @Test
    void aGrandchildSeesTheTopLevelsClassesVariablesAndSharedObjects() throws Exception {
        runsAtDepth(2);
    }

    @Test
    void soDoesAProcessThreeLevelsDown() throws Exception {
        runsAtDepth(3);
    }
}
