package dev.jmp.magics.spawn;

import dev.jmp.Process;
import dev.jmp.magics.timeline.Timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code %timeline} of a {@code %%spawn} run: a row per process, its bar from start to exit. */
final class SpawnTimeline {

    private SpawnTimeline() {
    }

    /**
     * Snapshots a run.
     *
     * @param run the run
     * @return its timeline; a process still running ends at the moment of the snapshot
     */
    static Timeline of(SpawnRun run) {
        long now = System.nanoTime();
        long start = run.startNanos();
        List<Timeline.Row> rows = new ArrayList<>();
        List<Process> processes = run.processes();
        List<String> names = run.workerNames();
        long last = 0;
        boolean running = false;
        for (int i = 0; i < processes.size(); i++) {
            long[] span = run.span(i);
            if (span[0] == 0 || start == 0) {
                continue; // never started (a start failed before it)
            }
            Process p = processes.get(i);
            boolean ended = span[1] != 0;
            running |= !ended;
            long from = micros(span[0] - start);
            long to = Math.max(from, micros((ended ? span[1] : now) - start));
            last = Math.max(last, to);
            Integer code = ended ? p.exitCode() : null;
            Timeline.State state = !ended ? Timeline.State.RUNNING
                    : code != null && code == 0 ? Timeline.State.OK : Timeline.State.FAILED;
            String detail = "pid " + p.pid() + (ended ? ", " + WorkerOutcome.describeExit(code == null ? -9 : code) : "");
            String host = p.host();
            rows.add(new Timeline.Row("w" + i + (host == null ? "" : "@" + host) + " (pid " + p.pid() + ")",
                    List.of(new Timeline.Bar("w" + i + " " + names.get(i), from, to, state, detail))));
        }
        return new Timeline(run.name(), "%%spawn", last, rows, running);
    }

    private static long micros(long nanos) {
        return TimeUnit.NANOSECONDS.toMicros(Math.max(0, nanos));
    }
}
