package dev.jmp;

/**
 * A snapshot of one worker, for tables like the notebook's {@code %workers}.
 *
 * @param id          the worker's id on the wire
 * @param name        its name (a process name, {@code PoolWorker-N}, or its id while idle)
 * @param index       its index within its owner, or -1
 * @param pid         its process id
 * @param state       {@code starting}, {@code idle} (warm), {@code busy} or {@code running}
 * @param tasksDone   tasks it finished, or -1 if it did not answer in time
 * @param cpuMillis   CPU time its process used, or -1
 * @param rssBytes    its resident memory, or -1
 * @param uptimeMillis how long ago it was started
 */
public record WorkerInfo(String id, String name, int index, long pid, String state, long tasksDone,
                         long cpuMillis, long rssBytes, long uptimeMillis) {
}
