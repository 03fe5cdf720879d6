package dev.jmp.launch.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * One Slurm job holding the resources of a group's workers: submitted with {@code sbatch} for
 * {@code n} tasks, its batch script only sleeps, and each worker runs in it as a job step
 * ({@code srun --jobid=J -n1 --exact}). A worker that ends frees its task for a replacement, which
 * starts as a new step while the allocation lives. The allocation ends when the group stops (or the
 * program does), when it waited longer than the queue timeout, or when Slurm ends it.
 *
 * <p>Its mutable state is guarded by the {@link SlurmJobs} that owns it.
 */
final class SlurmAllocation {

    private final long jobId;
    private final int tasks;
    private final long submittedMillis = System.currentTimeMillis();
    /** Workers that hold one of its tasks: waiting for it to run, or running as steps. */
    final List<SlurmWorker> workers = new ArrayList<>();
    /** Tasks taken by launches under way, not yet among {@link #workers}. */
    int reserved;
    /** The job as squeue saw it last, or null before it was listed. */
    SlurmJobState state;
    /** Whether it left the queue (its waiting workers were released then). */
    boolean running;
    /** Whether it takes no more workers: it ended, or jmp cancelled it. */
    boolean over;
    /** The pending reason reported last, and when. */
    String lastReason;
    long lastReportMillis;

    SlurmAllocation(long jobId, int tasks) {
        this.jobId = jobId;
        this.tasks = tasks;
    }

    long jobId() {
        return jobId;
    }

    int tasks() {
        return tasks;
    }

    long submittedMillis() {
        return submittedMillis;
    }

    /** Whether a further worker can take one of its tasks. */
    boolean hasRoom() {
        return !over && workers.size() + reserved < tasks;
    }

    /** How many of its workers run as steps. */
    int stepsRunning() {
        int n = 0;
        for (SlurmWorker w : workers) {
            if (w.started()) {
                n++;
            }
        }
        return n;
    }
}
