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
 */
public record OutputEvent(String workerName, int workerIndex, long pid, long jobId, long item, Stream stream,
                          String line, long timeMillis) {

    /** Which standard stream a line was written to. */
    public enum Stream {
        /** Standard output. */
        STDOUT,
        /** Standard error. */
        STDERR
    }
}
