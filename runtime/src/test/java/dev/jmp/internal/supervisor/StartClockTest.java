package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.launch.LaunchedWorker;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The start timeout of a worker a batch scheduler holds in its queue counts from the job's start. */
class StartClockTest {

    /** A launched worker whose queue state the test sets. */
    private static final class Queued implements LaunchedWorker {
        volatile boolean queued = true;

        @Override
        public long pid() {
            return 1;
        }

        @Override
        public InputStream stdout() {
            return InputStream.nullInputStream();
        }

        @Override
        public InputStream stderr() {
            return InputStream.nullInputStream();
        }

        @Override
        public CompletableFuture<Integer> onExit() {
            return new CompletableFuture<>();
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public void terminate() {
        }

        @Override
        public void kill() {
        }

        @Override
        public boolean queued() {
            return queued;
        }
    }

    @Test
    void aQueuedWorkersClockStandsUntilItsJobLeavesTheQueue() {
        WorkerHandle w = new WorkerHandle(null, "w1-00", "n", WorkerOptions.DEFAULT);
        assertEquals(0, w.startClockMillis(System.currentTimeMillis()), "no clock before the launch");
        Queued p = new Queued();
        w.attach(p);
        long launched = w.launchedMillis();
        long later = launched + 3_600_000;
        assertEquals(0, w.startClockMillis(later), "an hour in the queue is no stuck start");
        p.queued = false;
        assertEquals(later, w.startClockMillis(later + 10), "the clock starts at the last check that saw it queued");
    }

    @Test
    void aWorkerStartedAtOnceCountsFromItsLaunch() {
        WorkerHandle w = new WorkerHandle(null, "w2-00", "n", WorkerOptions.DEFAULT);
        Queued p = new Queued();
        p.queued = false;
        w.attach(p);
        assertTrue(w.launchedMillis() > 0);
        assertEquals(w.launchedMillis(), w.startClockMillis(w.launchedMillis() + 99_000));
    }
}
