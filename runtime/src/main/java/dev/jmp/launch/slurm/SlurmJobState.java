package dev.jmp.launch.slurm;

/**
 * One line of {@code squeue} about a worker's job.
 *
 * @param jobId  the job id
 * @param worker the worker id the job carries in its comment
 * @param state  the job state, such as {@code PENDING}, {@code RUNNING}, {@code CANCELLED}
 * @param reason why it waits or ended ({@code Resources}, {@code PartitionDown}, {@code None})
 * @param nodes  the nodes it runs on, or empty
 */
record SlurmJobState(long jobId, String worker, String state, String reason, String nodes) {

    /** The {@code squeue --format} that {@link #parse} reads. */
    static final String FORMAT = "%i|%k|%T|%r|%N";

    /** Whether the job waits in the queue. */
    boolean pending() {
        return state.equals("PENDING");
    }

    /** Whether the job runs or ran (it left the queue). */
    boolean started() {
        return !pending();
    }

    /** Whether the job has ended (any state but pending, running, and their short transitions). */
    boolean ended() {
        return switch (state) {
            case "PENDING", "RUNNING", "CONFIGURING", "SUSPENDED", "REQUEUED", "RESIZING", "SIGNALING",
                 "STAGE_OUT", "REQUEUE_HOLD", "REQUEUE_FED" -> false;
            default -> true;
        };
    }

    /** Parses one line of {@link #FORMAT}, or returns {@code null} for a line that is not one. */
    static SlurmJobState parse(String line) {
        String[] f = line.strip().split("\\|", -1);
        if (f.length != 5 || !f[0].matches("\\d{1,18}")) {
            return null;
        }
        return new SlurmJobState(Long.parseLong(f[0]), f[1], f[2], f[3], f[4]);
    }
}
