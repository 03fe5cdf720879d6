package dev.jmp.spi;

/**
 * One whole line a worker printed, tagged with where it came from.
 *
 * @param workerName  the worker's name (for example {@code PoolWorker-1} or a process name)
 * @param workerIndex the worker's index within its pool or spawn group, or -1
 * @param pid         the worker's process id
 * @param jobId       the job (map, apply, process) running when the line was printed, or -1
 * @param item        the index of the item within that job, or -1
 * @param stream      stdout or stderr
 * @param line        the text, without its line terminator
 * @param timeMillis  when the parent read it
 * @param host        the host the worker runs on, as the user named it, or null on this machine
 */
public record OutputEvent(String workerName, int workerIndex, long pid, long jobId, long item, Stream stream,
                          String line, long timeMillis, String host) {

    /** A line from a worker on this machine. */
    public OutputEvent(String workerName, int workerIndex, long pid, long jobId, long item, Stream stream,
                       String line, long timeMillis) {
        this(workerName, workerIndex, pid, jobId, item, stream, line, timeMillis, null);
    }

    /**
     * How cells label the line's source: {@code source} on this machine, {@code source@host} for
     * a remote worker, so lines from a cluster say which host printed them.
     */
    public String label(String source) {
        return host == null ? source : source + "@" + host;
    }

    /** Which standard stream a line was written to. */
    public enum Stream {
        /** Standard output. */
        STDOUT,
        /** Standard error. */
        STDERR
    }
}
