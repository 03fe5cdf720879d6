package dev.jmp.internal.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.WorkerDiedException;
import dev.jmp.internal.wire.message.TaskKind;
import dev.jmp.internal.worker.ItemProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a dead worker's chunks become, from what its progress word says. */
@Timeout(300)
class DeathTriageTest {

    private final Map<Long, ItemResult> finished = new TreeMap<>();
    private final WorkerDiedException died = new WorkerDiedException("w1", 42, -9, "killed by signal 9 (SIGKILL)",
            List.of());
    private final Job job = new Job(1, null, TaskKind.APPLY, 0, ItemSource.of(items(0, 30)), new JobSink() {
        @Override
        public void item(long index, ItemResult result) {
            finished.put(index, result);
        }

        @Override
        public void end(long total) {
        }

        @Override
        public void abort(RuntimeException why) {
        }
    });

    private static List<byte[]> items(int from, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(new byte[] {(byte) i});
        }
        return out;
    }

    /** A chunk as dispatched: attempts counted, a task id given. */
    private Chunk sent(long first, int n, long taskId) {
        Chunk c = new Chunk(job, first, dev.jmp.internal.serial.PackedItems.of(items((int) first, n)));
        c.taskId = taskId;
        c.attempts = 1;
        return c;
    }

    private static List<String> ranges(List<Chunk> chunks) {
        List<String> out = new ArrayList<>();
        for (Chunk c : chunks) {
            out.add(c.first + "+" + c.count + (c.requeues > 0 ? " again" : " retry"));
        }
        return out;
    }

    @Test
    void onlyTheRunningItemIsHitAndTheRestRunAgainInOrder() {
        Chunk a = sent(0, 10, 7);
        Chunk b = sent(10, 10, 8);
        List<Chunk> again = DeathTriage.triage(List.of(a, b), new ItemProgress.Last(7, 4, false), 0, died);
        assertEquals(List.of("0+4 again", "5+5 again", "10+10 again"), ranges(again));
        assertEquals(List.of(4L), List.copyOf(finished.keySet()), "item 4 alone failed");
        for (Chunk c : again) {
            assertEquals(0, c.attempts, "a requeued chunk has not used an attempt");
            assertEquals((byte) c.first, c.items.item(0).buf()[c.items.item(0).off()], "its items are the right ones");
        }
    }

    @Test
    void withRetriesTheRunningItemRunsAgainAsAnAttempt() {
        List<Chunk> again = DeathTriage.triage(List.of(sent(0, 3, 7)), new ItemProgress.Last(7, 2, false), 1, died);
        assertEquals(List.of("0+2 again", "2+1 retry"), ranges(again));
        assertEquals(1, again.get(1).attempts);
        assertTrue(finished.isEmpty());
    }

    @Test
    void aFinishedItemOrAnotherTaskMeansNothingWasRunning() {
        List<Chunk> again = DeathTriage.triage(List.of(sent(0, 5, 7), sent(5, 5, 8)),
                new ItemProgress.Last(7, 4, true), 0, died);
        assertEquals(List.of("0+5 again", "5+5 again"), ranges(again));
        again = DeathTriage.triage(List.of(sent(20, 5, 9)), new ItemProgress.Last(3, 0, false), 0, died);
        assertEquals(List.of("20+5 again"), ranges(again));
        assertTrue(finished.isEmpty());
    }

    @Test
    void withoutAProgressWordEveryHeldItemIsHit() {
        List<Chunk> again = DeathTriage.triage(List.of(sent(0, 3, 7), sent(3, 2, 8)), null, 0, died);
        assertTrue(again.isEmpty());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), List.copyOf(finished.keySet()));
    }

    @Test
    void aChunkRequeuedTooOftenIsHit() {
        Chunk c = sent(0, 2, 7);
        c.requeues = DeathTriage.MAX_REQUEUES;
        assertTrue(DeathTriage.triage(List.of(c), new ItemProgress.Last(0, 0, false), 0, died).isEmpty());
        assertEquals(2, finished.size());
    }

    @Test
    void endedJobsAreLeftAlone() {
        job.ended = true;
        assertTrue(DeathTriage.triage(List.of(sent(0, 3, 7)), null, 0, died).isEmpty());
        assertTrue(finished.isEmpty());
    }
}
