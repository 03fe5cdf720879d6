package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.ManagerClosedException;
import dev.jmp.shared.Manager;
import dev.jmp.shared.SharedCounter;
import dev.jmp.spi.WorkerInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A runtime of its own beside the default one; a process's end as a future; a group of processes. */
@Timeout(300)
class JmpRuntimeIT extends WorkerTracking {

    @Test
    void aRuntimeOfItsOwnRunsPoolsProcessesAndManagersAndEndsThemWhenClosed() throws Exception {
        List<Long> pids;
        SharedCounter counter;
        try (JmpRuntime rt = JmpRuntime.builder().warmWorkers(0).build()) {
            assertFalse(rt.isClosed());
            Manager m = new Manager(rt);
            counter = m.counter(0);
            try (Pool pool = Pool.builder().runtime(rt).processes(2).build()) {
                assertEquals(List.of(1, 4, 9), pool.map(x -> x * x, List.of(1, 2, 3)));
            }
            Process p = new Process(() -> counter.incrementAndGet()).runtime(rt).start();
            assertEquals(1L, p.onExit().get(300, TimeUnit.SECONDS).result());
            assertEquals(1L, counter.get());

            Process sleepy = new Process(() -> Thread.sleep(60_000)).name("sleepy").runtime(rt).start();
            WorkerInfo busy = waitFor(rt, "sleepy");
            assertTrue(busy.cpuNanos() > 0, "the worker reports its CPU time: " + busy);
            assertTrue(busy.rssBytes() != 0, "and its memory (or -1 where unknown): " + busy);
            assertEquals(List.of(), Jmp.launchedPids(), "the default runtime was not started");
            pids = rt.launchedPids();
            assertTrue(pids.containsAll(List.of(p.pid(), sleepy.pid())), "its processes are its workers: " + pids);
            assertTrue(sleepy.isAlive());
        }
        assertEquals(List.of(), survivors(pids, 300_000), "closing the runtime ends its workers");
        assertThrows(ManagerClosedException.class, counter::get);
    }

    @Test
    void aClosedRuntimeStartsNothing() {
        JmpRuntime rt = JmpRuntime.builder().build();
        rt.close();
        assertTrue(rt.isClosed());
        Process p = new Process(() -> { });
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> p.runtime(rt).start());
        assertTrue(x.getMessage().contains("shut down"), x.getMessage());
        assertThrows(IllegalStateException.class, () -> new Manager(rt));
        assertEquals(List.of(), rt.launchedPids());
    }

    @Test
    void theDefaultRuntimeIsOneObjectUntilItIsShutDown() {
        JmpRuntime first = JmpRuntime.defaultRuntime();
        assertSame(first, JmpRuntime.defaultRuntime());
        Jmp.shutdown();
        assertTrue(first.isClosed());
        JmpRuntime second = JmpRuntime.defaultRuntime();
        assertFalse(second.isClosed(), "a fresh default runtime after a shutdown");
    }

    @Test
    void onExitCompletesWithTheProcessOnceItsOutcomeIsIn() throws Exception {
        Process p = new Process(() -> 42).name("answer");
        var exit = p.onExit();
        assertFalse(exit.isDone(), "not before it was started");
        p.start();
        assertSame(p, exit.get(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitCode());
        assertEquals(42, p.result());
        exit.cancel(true);
        assertTrue(p.onExit().isDone(), "cancelling one future does not touch the process's");
    }

    @Test
    void aGroupEndsWithItsLastProcessAndStopsTheRestWithGrace() throws Exception {
        Process quick = new Process(() -> 1).name("quick");
        Process slow = new Process(() -> Thread.sleep(60_000)).name("slow");
        ProcessGroup g = new ProcessGroup(List.of(quick, slow)).start();
        quick.onExit().get(300, TimeUnit.SECONDS);
        assertTrue(g.isAlive());
        assertFalse(g.onExit().isDone());
        g.stop(Duration.ofSeconds(2));
        assertSame(g, g.onExit().get(300, TimeUnit.SECONDS));
        assertEquals(0, quick.exitCode());
        assertNotNull(slow.exitCode());
        assertTrue(slow.exitCode() < 0, "slow was stopped by a signal: " + slow.exitCode());
    }

    @Test
    void aGroupWhoseStartFailsKillsWhatItStarted() throws Exception {
        Process first = new Process(() -> Thread.sleep(60_000)).name("first");
        Object notSerializable = new Object();
        Process second = new Process(() -> notSerializable.hashCode()).name("second");
        ProcessGroup g = new ProcessGroup(List.of(first, second));
        assertThrows(RuntimeException.class, g::start);
        assertFalse(first.isAlive(), "the process started before the failure was killed and waited for");
        assertNotNull(first.exitCode());
        assertTrue(second.pid() < 0, "the failing one never started");
    }

    private static WorkerInfo waitFor(JmpRuntime rt, String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            for (WorkerInfo w : rt.workers()) {
                if (w.name().equals(name) && w.cpuNanos() >= 0) {
                    return w;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no connected worker named " + name + ": " + rt.workers());
    }
}
