package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.RemoteException;
import dev.jmp.error.WaitTimeoutException;
import dev.jmp.error.WorkerDiedException;
import dev.jmp.function.SerialCallable;
import dev.jmp.spi.WorkerInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Pool} with real worker JVMs. */
@Timeout(300)
class PoolIT extends WorkerTracking {

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    @Test
    void mapKeepsInputOrderAndUsesEveryWorker() {
        try (Pool pool = new Pool(2)) {
            List<Integer> squares = pool.map(x -> x * x, range(200));
            assertTrue(pool.awaitWorkers(Duration.ofSeconds(300)));
            assertEquals(range(200).stream().map(x -> x * x).collect(Collectors.toList()), squares);
            List<String> names = pool.map(x -> {
                Thread.sleep(20);
                return Worker.name() + "/" + Worker.index();
            }, range(20), 1);
            assertEquals(Set.of("PoolWorker-1/0", "PoolWorker-2/1"), new HashSet<>(names));
            assertEquals(List.of(), pool.map(x -> x, List.of()));
            List<WorkerInfo> infos = Jmp.workers(Duration.ofSeconds(300)).stream()
                    .filter(w -> w.state().equals("busy")).collect(Collectors.toList());
            assertEquals(2, infos.size(), () -> "busy workers: " + infos);
            for (WorkerInfo w : infos) {
                assertTrue(w.tasksDone() > 0 && w.pid() > 0, w.toString());
            }
        }
    }

    @Test
    void starmapApplyAndCallbacks() throws Exception {
        try (Pool pool = new Pool(2)) {
            assertEquals(List.of(3, 7), pool.starmap(args -> (int) args[0] + (int) args[1],
                    List.of(new Object[] {1, 2}, new Object[] {3, 4})));
            assertEquals(List.of("a1", "b2"), pool.starmap((String s, Integer i) -> s + i,
                    List.of(Map.entry("a", 1), Map.entry("b", 2))));
            assertEquals(42, pool.apply(() -> 42));
            assertEquals("xyz", pool.apply(args -> "x" + args[0] + args[1], "y", "z"));
            CompletableFuture<Object> got = new CompletableFuture<>();
            AtomicReference<String> thread = new AtomicReference<>();
            AsyncResult<Integer> ok = pool.applyAsync(() -> 5, v -> {
                thread.set(Thread.currentThread().getName());
                got.complete(v);
            }, got::completeExceptionally);
            assertEquals(5, got.get(300, TimeUnit.SECONDS));
            assertTrue(thread.get().startsWith("jmp-pool-callbacks"), thread.get());
            assertTrue(ok.ready());
            assertTrue(ok.successful());
            CompletableFuture<Throwable> err = new CompletableFuture<>();
            AsyncResult<Integer> bad = pool.applyAsync(() -> {
                throw new IOException("disk");
            }, v -> err.complete(null), err::complete);
            Throwable t = err.get(300, TimeUnit.SECONDS);
            assertInstanceOf(RemoteException.class, t);
            assertFalse(bad.successful());
            assertEquals(12, pool.applyAsync(() -> 12).toCompletableFuture().get(300, TimeUnit.SECONDS));
        }
    }

    @Test
    void largeValuesRoundTripIntact() {
        try (Pool pool = new Pool(1)) {
            byte[] big = pool.apply(() -> {
                byte[] b = new byte[3 << 20];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (i * 31);
                }
                return b;
            });
            assertEquals(3 << 20, big.length);
            for (int i = 0; i < big.length; i += 4099) {
                assertEquals((byte) (i * 31), big[i]);
            }
            double[] in = new double[300_000];
            for (int i = 0; i < in.length; i++) {
                in[i] = i * 0.5;
            }
            double[] out = pool.apply(given -> {
                double[] d = given.clone();
                for (int i = 0; i < d.length; i++) {
                    d[i] += 1;
                }
                return d;
            }, in);
            assertEquals(in.length, out.length);
            assertEquals(in[12345] + 1, out[12345]);
            assertEquals(in[in.length - 1] + 1, out[out.length - 1]);
        }
    }

    static int fail(int depth) {
        if (depth == 0) {
            throw new IllegalStateException("deep", new IllegalArgumentException("root cause"));
        }
        return fail(depth - 1);
    }

    @Test
    void remoteExceptionsCarryClassMessageStackAndCauses() {
        try (Pool pool = new Pool(1)) {
            RemoteException e = assertThrows(RemoteException.class, () -> pool.map(x -> fail(3), List.of(1)));
            assertEquals("java.lang.IllegalStateException", e.remoteClassName());
            assertEquals("deep", e.remoteMessage());
            assertTrue(e.is(IllegalStateException.class));
            assertTrue(e.getStackTrace().length >= 4);
            assertEquals("fail", e.getStackTrace()[0].getMethodName());
            assertEquals(PoolIT.class.getName(), e.getStackTrace()[0].getClassName());
            RemoteException cause = (RemoteException) e.getCause();
            assertEquals("java.lang.IllegalArgumentException", cause.remoteClassName());
            assertEquals("root cause", cause.remoteMessage());
            assertTrue(e.toString().startsWith("java.lang.IllegalStateException: deep"));
            assertEquals(7, pool.apply(() -> 7), "the pool still works");
        }
    }

    @Test
    void imapIsLazyOrderedAndImapUnorderedGivesIndices() {
        try (Pool pool = new Pool(2)) {
            Iterable<Integer> naturals = () -> new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Integer next() {
                    return i++;
                }
            };
            List<Integer> first = new ArrayList<>();
            try (ResultIterator<Integer> it = pool.imap(x -> x * 10, naturals)) {
                for (int k = 0; k < 50; k++) {
                    first.add(it.next());
                }
            }
            assertEquals(range(50).stream().map(x -> x * 10).collect(Collectors.toList()), first);
            Set<Long> indices = new HashSet<>();
            ResultIterator<Integer> un = pool.imapUnordered(x -> {
                Thread.sleep(x % 3 * 10);
                return x;
            }, range(30));
            for (Integer v : un) {
                assertEquals((long) v, un.lastIndex());
                indices.add(un.lastIndex());
            }
            assertEquals(30, indices.size());
            ResultIterator<Integer> withError = pool.imap(x -> 10 / x, List.of(1, 0, 2));
            assertEquals(10, withError.next());
            assertThrows(RemoteException.class, withError::next);
            assertEquals(5, withError.next(), "iteration goes on after a failed item");
            assertFalse(withError.hasNext());
        }
    }

    @Test
    void cancelInterruptsRunningTaskAndGetThrowsCancellation() throws Exception {
        try (Pool pool = Pool.builder().processes(1).cancelGrace(Duration.ofSeconds(10)).build()) {
            String running = runningMarker();
            AsyncResult<String> r = pool.applyAsync(() -> {
                try {
                    java.nio.file.Files.createFile(java.nio.file.Path.of(running));
                    Thread.sleep(60_000);
                    return "slept";
                } catch (InterruptedException e) {
                    return "interrupted";
                }
            });
            awaitFile(running);
            long pid = pool.pids().get(0);
            assertTrue(r.cancel());
            assertTrue(r.isCancelled());
            CancellationException c = assertThrows(CancellationException.class, r::get);
            assertTrue(c.getMessage().contains("cancelled"), c.getMessage());
            assertEquals(3, pool.apply(() -> 3), "the same worker was interrupted, not killed");
            assertEquals(List.of(pid), pool.pids());
        }
    }

    @Test
    void taskIgnoringInterruptIsKilledAfterGraceAndWorkerReplaced() throws Exception {
        try (Pool pool = Pool.builder().processes(1).cancelGrace(Duration.ofMillis(300)).build()) {
            long pid = pool.apply(Worker::pid);
            String running = runningMarker();
            AsyncResult<Integer> r = pool.applyAsync(() -> {
                java.nio.file.Files.createFile(java.nio.file.Path.of(running));
                while (true) {
                    Thread.onSpinWait();
                }
            });
            awaitFile(running);
            r.cancel();
            assertTrue(WorkerTracking.survivors(List.of(pid), 300_000).isEmpty(), "stubborn worker killed");
            long next = pool.apply(Worker::pid);
            assertTrue(next != pid);
        }
    }

    @Test
    void workerDyingMidTaskGivesWorkerDiedWithExitCodeAndStderr() {
        try (Pool pool = new Pool(1)) {
            WorkerDiedException e = assertThrows(WorkerDiedException.class, () -> pool.apply(() -> {
                System.err.println("about to exit");
                System.exit(3);
                return 0;
            }));
            assertEquals(3, e.exitCode());
            assertTrue(e.lastStderr().contains("about to exit"), e.lastStderr().toString());
            assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
            assertEquals(4, pool.apply(() -> 4), "the pool replaced its worker");
        }
    }

    @Test
    void retriesRunATaskAgainAfterItsWorkerDied() {
        try (Pool pool = Pool.builder().processes(1).retries(1).build()) {
            String marker = System.getProperty("java.io.tmpdir") + "/jmp-retry-" + System.nanoTime();
            int v = pool.apply(() -> {
                java.io.File f = new java.io.File(marker);
                if (f.createNewFile()) {
                    Runtime.getRuntime().halt(9);
                }
                f.delete();
                return 11;
            });
            assertEquals(11, v);
        }
    }

    @Test
    void closeJoinAndTerminate() throws Exception {
        Pool pool = new Pool(2);
        List<Long> pids = new ArrayList<>(pool.pids());
        AsyncResult<List<Integer>> r = pool.mapAsync(x -> {
            Thread.sleep(100);
            return x;
        }, range(6));
        IllegalStateException running = assertThrows(IllegalStateException.class, pool::join);
        assertTrue(running.getMessage().contains("close()"), running.getMessage());
        pool.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> pool.apply(() -> 1));
        assertTrue(closed.getMessage().contains("Pool not running"), closed.getMessage());
        pool.join();
        assertEquals(range(6), r.get(), "close lets submitted work finish");
        assertTrue(WorkerTracking.survivors(pids, 300_000).isEmpty());

        Pool other = new Pool(2);
        CountDownLatch never = new CountDownLatch(1);
        AsyncResult<Integer> pending = other.applyAsync(() -> {
            Thread.sleep(60_000);
            return 1;
        });
        other.terminate();
        assertThrows(CancellationException.class, pending::get);
        assertTrue(WorkerTracking.survivors(other.pids(), 300_000).isEmpty());
        never.countDown();
    }

    @Test
    void terminateWaitsForTheWorkersEvenWhenTheCallerIsInterrupted() throws Exception {
        // A cell being interrupted calls terminate() with its interrupt flag set: it returned at
        // once, and the cell ended while its workers still ran (seen as busy by %workers).
        Pool pool = new Pool(1);
        List<Long> pids = new ArrayList<>(pool.pids());
        AsyncResult<Integer> stubborn = pool.applyAsync(() -> {
            long end = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ignored) {
                    // only the kill after the grace ends this task
                }
            }
            return 1;
        });
        assertTrue(pool.awaitWorkers(Duration.ofSeconds(300)));
        Thread.currentThread().interrupt();
        try {
            pool.terminate();
            assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt is kept");
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), pids.stream().filter(WorkerTracking::alive).toList(),
                "terminate() returned before its workers exited");
        assertThrows(CancellationException.class, stubborn::get);
    }

    @Test
    void badInputGivesClearErrors() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new Pool(0));
        assertTrue(zero.getMessage().contains("at least 1"), zero.getMessage());
        try (Pool pool = new Pool(1)) {
            assertThrows(IllegalArgumentException.class, () -> pool.map(x -> x, List.of(1), -1));
            AsyncResult<Integer> r = pool.applyAsync(() -> 1);
            assertThrows(IllegalArgumentException.class, () -> r.get(Duration.ofMillis(-1)));
            AsyncResult<Integer> slow = pool.applyAsync(() -> {
                Thread.sleep(5000);
                return 1;
            });
            WaitTimeoutException t = assertThrows(WaitTimeoutException.class, () -> slow.get(Duration.ofMillis(100)));
            assertTrue(t.getMessage().contains("not ready"), t.getMessage());
            assertThrows(IllegalStateException.class, slow::successful);
            slow.cancel();
        }
    }

    @Test
    void executorServiceView() throws Exception {
        try (Pool pool = new Pool(2)) {
            ExecutorService ex = pool.asExecutorService();
            Future<Integer> f = ex.submit((SerialCallable<Integer>) () -> 6 * 7);
            assertEquals(42, f.get(300, TimeUnit.SECONDS));
            List<Future<Long>> all = ex.invokeAll(List.of((SerialCallable<Long>) Worker::pid, (SerialCallable<Long>) Worker::pid));
            for (Future<Long> x : all) {
                assertTrue(x.get() > 0);
            }
            IllegalArgumentException notSerial = assertThrows(IllegalArgumentException.class,
                    () -> ex.submit(() -> 1));
            assertTrue(notSerial.getMessage().contains("serializable"), notSerial.getMessage());
        }
    }

    /** A path, not yet created, that a task creates once it runs. */
    private static String runningMarker() throws java.io.IOException {
        java.nio.file.Path p = java.nio.file.Files.createTempFile("jmp-pool-running", ".marker");
        java.nio.file.Files.delete(p);
        p.toFile().deleteOnExit();
        return p.toString();
    }

    /** Waits until the task has created its marker (the test's timeout is the hang detector). */
    private static void awaitFile(String path) throws InterruptedException {
        while (!java.nio.file.Files.exists(java.nio.file.Path.of(path))) {
            Thread.sleep(5);
        }
        java.nio.file.Path.of(path).toFile().delete();
    }
}
