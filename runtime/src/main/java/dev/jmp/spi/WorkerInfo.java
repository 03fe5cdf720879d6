package dev.jmp.spi;

/**
 * A snapshot of one worker process of this runtime, as {@link dev.jmp.Jmp#workers()} reports it.
 *
 * @param id            the worker's short id, unique in this runtime ({@code w12}); its id on the
 *                      wire stays between the parent and the worker
 * @param name          its name: a process name, a pool worker's name, or its short id while idle
 * @param index         its index within its pool or spawn group, or -1
 * @param pid           its process id
 * @param state         {@code starting} (not connected yet), {@code idle} (a warm worker waiting
 *                      for work) or {@code busy} (owned by a process or pool)
 * @param startedMillis when it was started (epoch millis)
 * @param tasksDone     tasks it finished, or -1 if it did not answer in time
 * @param cpuNanos      CPU time its process used, as it reported, or -1 if it did not answer
 * @param rssBytes      its process's resident memory, as it reported, or -1 if unknown
 */
public record WorkerInfo(String id, String name, int index, long pid, String state, long startedMillis,
                         long tasksDone, long cpuNanos, long rssBytes) {
}
