package dev.jmp.internal.wire.message;

import java.util.Map;

/**
 * Worker to parent: the answer to a {@link StatsRequest}.
 *
 * @param requestId the request answered
 * @param wire      the worker's wire counters by name
 * @param tasksDone tasks the worker finished
 * @param cpuNanos  CPU time the worker's process used
 * @param rssBytes  resident memory of the worker's process, or -1 if unknown
 * @param heapUsed  bytes of Java heap in use
 */
public record StatsReply(long requestId, Map<String, Long> wire, long tasksDone, long cpuNanos,
                         long rssBytes, long heapUsed) implements WireMessage {
}
