package dev.jmp;

import dev.jmp.internal.util.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Processes started, watched and stopped together: all start or none runs, the group ends when
 * the last one does, and a stop gives every one the same grace.
 *
 * <pre>{@code
 * ProcessGroup g = new ProcessGroup(List.of(new Process(a), new Process(b))).start();
 * g.onExit().get(30, TimeUnit.SECONDS);   // or g.stop(Duration.ofSeconds(2)) to end it early
 * }</pre>
 */
public final class ProcessGroup {

    private static final Duration ROLLBACK_WAIT = Duration.ofSeconds(5);
    private final List<Process> processes;

    /**
     * A group of processes not started yet.
     *
     * @throws IllegalArgumentException if the list is empty or holds {@code null}
     */
    public ProcessGroup(List<? extends Process> processes) {
        if (processes == null || processes.isEmpty() || processes.stream().anyMatch(p -> p == null)) {
            throw new IllegalArgumentException("a process group needs at least one process, and no null");
        }
        this.processes = List.copyOf(processes);
    }

    /** The processes, in the order given. */
    public List<Process> processes() {
        return processes;
    }

    /**
     * Starts every process, in order.
     *
     * @throws RuntimeException what the failing {@link Process#start()} threw; the processes started
     *                          before it were killed (and waited for, a few seconds at most)
     */
    public ProcessGroup start() {
        return start(p -> { });
    }

    /**
     * Starts every process, in order, calling {@code beforeEach} just before each start (to note
     * when it started, say).
     *
     * @throws RuntimeException what the failing {@link Process#start()} threw; the processes started
     *                          before it were killed (and waited for, a few seconds at most)
     */
    public ProcessGroup start(Consumer<? super Process> beforeEach) {
        List<Process> started = new ArrayList<>();
        for (Process p : processes) {
            try {
                beforeEach.accept(p);
                p.start();
            } catch (RuntimeException e) {
                for (Process s : started) {
                    s.kill();
                }
                for (Process s : started) {
                    s.join(ROLLBACK_WAIT);
                }
                throw e;
            }
            started.add(p);
        }
        return this;
    }

    /** Completes with this group when every process has ended (see {@link Process#onExit()}). */
    public CompletableFuture<ProcessGroup> onExit() {
        CompletableFuture<?>[] each = new CompletableFuture<?>[processes.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = processes.get(i).onExit();
        }
        return CompletableFuture.allOf(each).thenApply(v -> this);
    }

    /** Whether some process of the group still runs. */
    public boolean isAlive() {
        return processes.stream().anyMatch(Process::isAlive);
    }

    /** Stops the processes still running: SIGTERM, then SIGKILL to those alive after {@code grace}. */
    public void stop(Duration grace) {
        Durations.check(grace);
        for (Process p : processes) {
            if (p.isAlive()) {
                p.terminate(grace);
            }
        }
    }
}
