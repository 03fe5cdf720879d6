package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.spi.OutputEvent;
import dev.jmp.spi.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Process} with real worker JVMs: targets, results, exit codes, signals, subclasses. */
@Timeout(300)
class ProcessIT extends WorkerTracking {

    @Test
    void runnableTargetPrintsAndExitsZero() throws Exception {
        List<OutputEvent> lines = new CopyOnWriteArrayList<>();
        Subscription l = Jmp.addOutputListener(lines::add);
        try {
            Process p = new Process(() -> System.out.println("hello from " + Worker.name())).name("greeter");
            assertNull(p.exitCode());
            p.start();
            assertTrue(p.pid() > 0);
            assertNotEquals(ProcessHandle.current().pid(), p.pid());
            p.join();
            assertEquals(0, p.exitCode());
            assertFalse(p.isAlive());
            assertTrue(lines.stream().anyMatch(e -> e.line().equals("hello from greeter")
                    && e.stream() == OutputEvent.Stream.STDOUT && e.pid() == p.pid()), lines.toString());
        } finally {
            l.close();
        }
    }

    @Test
    void callableResultComesBack() {
        Process p = new Process(() -> List.of(Worker.pid(), "x")).start();
        p.join();
        assertEquals(0, p.exitCode());
        assertEquals(List.of(p.pid(), "x"), p.result());
    }

    @Test
    void argumentsReachTheTarget() {
        Process p = new Process(args -> (int) args[0] + ((String) args[1]).length(), 40, "ab").start();
        p.join();
        assertEquals(42, p.result());
    }

    @Test
    void uncaughtExceptionExitsOneAndKeepsTheRemoteTrace() {
        Process p = new Process(() -> {
            throw new IllegalStateException("boom");
        }).start();
        p.join();
        assertEquals(1, p.exitCode());
        assertEquals("java.lang.IllegalStateException", p.exception().remoteClassName());
        assertEquals("boom", p.exception().remoteMessage());
        assertTrue(p.lastStderr().stream().anyMatch(s -> s.contains("IllegalStateException: boom")), p.lastStderr().toString());
    }

    @Test
    void systemExitCodeIsReported() {
        Process p = new Process(() -> System.exit(3)).start();
        p.join();
        assertEquals(3, p.exitCode());
    }

    @Test
    void killedBySignalIsNegative() {
        Process p = new Process(() -> Thread.sleep(60_000)).start();
        assertFalse(p.join(Duration.ofMillis(300)));
        p.kill();
        p.join();
        assertEquals(-9, p.exitCode());
        Process q = new Process(() -> Thread.sleep(60_000)).start();
        assertFalse(q.join(Duration.ofMillis(300)));
        q.terminate();
        q.join();
        assertEquals(-15, q.exitCode());
    }

    static class Counter extends Process {
        private static final long serialVersionUID = 1L;
        final int from;

        Counter(int from) {
            this.from = from;
        }

        @Override
        public void run() {
            System.out.println("counted " + (from + 1) + " in " + Worker.name());
        }
    }

    @Test
    void subclassFieldsAreShipped() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Subscription l = Jmp.addOutputListener(e -> lines.add(e.line()));
        try {
            Process p = new Counter(41).name("counter").start();
            p.join();
            assertEquals(0, p.exitCode());
            assertTrue(lines.contains("counted 42 in counter"), lines.toString());
        } finally {
            l.close();
        }
    }

    @Test
    void aProcessCanRunItsOwnPoolAndItsWorkersDieWithIt() throws Exception {
        Process p = new Process(() -> {
            try (Pool inner = new Pool(1)) {
                return inner.map(x -> List.of(x + 1, Worker.pid()), List.of(1, 2));
            }
        }).start();
        p.join();
        assertEquals(0, p.exitCode(), String.valueOf(p.lastStderr()));
        @SuppressWarnings("unchecked")
        List<List<Object>> out = (List<List<Object>>) p.result();
        assertEquals(2, out.get(0).get(0));
        assertEquals(3, out.get(1).get(0));
        long grandchild = (Long) out.get(0).get(1);
        assertNotEquals(p.pid(), grandchild);
        assertTrue(survivors(List.of(grandchild), 300_000).isEmpty(), "the grandchild exits with its parent");
    }

    @Test
    void jvmOptionsAndEnvironmentReachTheWorker() {
        Process p = new Process(() -> System.getenv("JMP_PROBE") + " " + Runtime.getRuntime().maxMemory())
                .env("JMP_PROBE", "yes").jvmOptions("-Xmx96m").start();
        p.join();
        String[] r = ((String) p.result()).split(" ");
        assertEquals("yes", r[0]);
        assertTrue(Long.parseLong(r[1]) <= 96L << 20, r[1]);
    }

    @Test
    void aWarmWorkerServesAProcessStart() throws Exception {
        Jmp.setWarmWorkers(1);
        try {
            dev.jmp.internal.supervisor.Supervisor s = dev.jmp.internal.supervisor.DefaultSupervisor.get();
            long deadline = System.currentTimeMillis() + 300_000;
            // The warm worker is the one the warm set owns: workers of earlier tests may still be ending.
            java.util.function.Supplier<dev.jmp.internal.supervisor.WorkerHandle> warmOne = () -> s.workers().stream()
                    .filter(w -> w.owner() == s.warm() && w.ready().isDone()).findFirst().orElse(null);
            while (warmOne.get() == null) {
                assertTrue(System.currentTimeMillis() < deadline, "a warm worker starts");
                Thread.sleep(10);
            }
            long warmPid = warmOne.get().pid();
            Process p = new Process(Worker::pid).name("from-warm").start();
            assertEquals(warmPid, p.pid());
            p.join();
            assertEquals(warmPid, p.result());
        } finally {
            Jmp.setWarmWorkers(0);
        }
    }

    @Test
    void badUseGivesClearErrors() {
        Process p = new Process(() -> { });
        IllegalStateException never = assertThrows(IllegalStateException.class, p::join);
        assertTrue(never.getMessage().contains("never started"), never.getMessage());
        p.start();
        IllegalStateException twice = assertThrows(IllegalStateException.class, p::start);
        assertTrue(twice.getMessage().contains("already started"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.join(Duration.ofSeconds(-1)));
        p.join();
    }
}
