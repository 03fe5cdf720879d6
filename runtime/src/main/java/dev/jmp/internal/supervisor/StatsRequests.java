package dev.jmp.internal.supervisor;

import dev.jmp.internal.wire.message.StatsReply;
import dev.jmp.internal.wire.message.StatsRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stats requests sent to workers and not answered yet, by request id. A reply to no request (one
 * that came after its asker gave up, or a worker's invention) completes nothing.
 */
final class StatsRequests {

    private final Map<Long, CompletableFuture<StatsReply>> pending = new ConcurrentHashMap<>();

    /** Asks a worker for its counters under {@code requestId}; the future completes with its reply. */
    CompletableFuture<StatsReply> ask(WorkerHandle w, long requestId) {
        CompletableFuture<StatsReply> f = new CompletableFuture<>();
        pending.put(requestId, f);
        w.send(new StatsRequest(requestId), List.of());
        return f;
    }

    /** Completes the request a reply answers, once; a second reply with its id is ignored. */
    void complete(StatsReply reply) {
        CompletableFuture<StatsReply> f = pending.remove(reply.requestId());
        if (f != null) {
            f.complete(reply);
        }
    }

    /** How many requests wait for their reply. */
    int waiting() {
        return pending.size();
    }
}
