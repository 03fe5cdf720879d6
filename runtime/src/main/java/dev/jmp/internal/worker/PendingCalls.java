package dev.jmp.internal.worker;

import dev.jmp.internal.wire.Inbound;
import dev.jmp.internal.wire.message.ServiceReply;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker's service calls waiting for their replies, by call id. A reply completes its call
 * whichever route it came on; a reply for no waiting call (withdrawn, or a stray) is ignored.
 * Calls sent on the direct channel are marked, so that when the channel breaks exactly those
 * fail: their replies will not come on the JeroMQ route.
 */
final class PendingCalls {

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Inbound<ServiceReply>>> waiting = new ConcurrentHashMap<>();
    private final Set<Long> onChannel = ConcurrentHashMap.newKeySet();

    /** A fresh call id (never 0, which one-way calls use). */
    long nextId() {
        return ids.incrementAndGet();
    }

    /** Starts waiting for the reply to a call. */
    CompletableFuture<Inbound<ServiceReply>> expect(long id) {
        CompletableFuture<Inbound<ServiceReply>> f = new CompletableFuture<>();
        waiting.put(id, f);
        return f;
    }

    /** Marks a call as sent on the channel (its reply comes there). */
    void sentOnChannel(long id) {
        onChannel.add(id);
    }

    /** Stops waiting for a call: answered, withdrawn, or sent elsewhere after all. */
    void forget(long id) {
        waiting.remove(id);
        onChannel.remove(id);
    }

    /** Unmarks a call whose channel send failed: it goes on the JeroMQ route instead. */
    void offChannel(long id) {
        onChannel.remove(id);
    }

    /** Completes the call a reply answers; returns false if no call waited for it. */
    boolean complete(Inbound<ServiceReply> reply) {
        CompletableFuture<Inbound<ServiceReply>> f = waiting.remove(reply.body().callId());
        if (f == null) {
            return false;
        }
        f.complete(reply);
        return true;
    }

    /** Fails every call whose reply was due on the channel, which closed. */
    void channelClosed(String why) {
        for (Map.Entry<Long, CompletableFuture<Inbound<ServiceReply>>> e : waiting.entrySet()) {
            if (onChannel.contains(e.getKey())) {
                e.getValue().completeExceptionally(new IllegalStateException(why));
            }
        }
    }

    /** Calls still waiting (for tests). */
    int size() {
        return waiting.size();
    }
}
