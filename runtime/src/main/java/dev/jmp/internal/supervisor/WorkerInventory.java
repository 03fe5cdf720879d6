package dev.jmp.internal.supervisor;

import dev.jmp.spi.WorkerInfo;
import dev.jmp.internal.wire.message.StatsReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Lists a supervisor's workers with their state and task counts, for {@code Jmp.workers()}. */
public final class WorkerInventory {

    private WorkerInventory() {
    }

    /**
     * Describes every live worker but the runtime's own (see {@link WorkerOwner#internal}), asking
     * the connected ones for their task counts, CPU time and
     * memory at once.
     *
     * @param s       the supervisor, or null (no runtime: no workers)
     * @param patience how long to wait for the workers' answers in total
     * @return the workers, oldest first
     */
    public static List<WorkerInfo> snapshot(Supervisor s, Duration patience) {
        if (s == null) {
            return List.of();
        }
        Map<WorkerHandle, CompletableFuture<StatsReply>> asked = new LinkedHashMap<>();
        for (WorkerHandle w : s.workers()) {
            if (w.owner() != null && w.owner().internal()) {
                continue;
            }
            boolean connected = w.ready().isDone() && !w.ready().isCompletedExceptionally();
            asked.put(w, connected ? s.stats(w) : CompletableFuture.completedFuture(null));
        }
        long deadline = System.nanoTime() + patience.toNanos();
        List<WorkerInfo> out = new ArrayList<>();
        for (Map.Entry<WorkerHandle, CompletableFuture<StatsReply>> e : asked.entrySet()) {
            WorkerHandle w = e.getKey();
            StatsReply stats;
            try {
                // A worker that exits never answers: its end stops the wait for it.
                CompletableFuture.anyOf(e.getValue(), w.exited()).get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                stats = e.getValue().getNow(null);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                stats = null;
            } catch (Exception timeoutOrFailure) {
                stats = null;
            }
            if (!w.isAlive()) {
                continue;
            }
            boolean connected = w.ready().isDone() && !w.ready().isCompletedExceptionally();
            WorkerOwner owner = w.owner();
            String state = !connected ? "starting" : owner == null || owner instanceof WarmSet ? "idle" : "busy";
            out.add(new WorkerInfo(w.shortId(), w.name(), w.index(), w.pid(), state, w.startedMillis(),
                    stats == null ? -1 : stats.tasksDone(), stats == null ? -1 : stats.cpuNanos(),
                    stats == null ? -1 : stats.rssBytes()));
        }
        out.sort(Comparator.comparingLong(WorkerInfo::startedMillis));
        return out;
    }
}
