package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jmp.internal.wire.message.StatsReply;
import dev.jmp.internal.wire.message.StatsRequest;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stats replies complete the request they answer, once; others complete nothing. */
@Timeout(300)
class StatsRequestsTest {

    private final FakeRuntime rt = new FakeRuntime();
    private final StatsRequests requests = new StatsRequests();

    @Test
    void aReplyCompletesItsRequestOnceAndStrayRepliesNothing() {
        WorkerHandle w = rt.worker("w1-ab", new FakeRuntime.FakeProcess());
        w.markConnected();
        CompletableFuture<StatsReply> first = requests.ask(w, 7);
        CompletableFuture<StatsReply> second = requests.ask(w, 8);
        assertEquals(2, rt.routedTo("w1-ab").size());
        assertEquals(7, ((StatsRequest) rt.routedTo("w1-ab").get(0)).requestId());
        assertInstanceOf(StatsRequest.class, rt.routedTo("w1-ab").get(1));

        StatsReply answer = reply(8);
        requests.complete(reply(99));
        requests.complete(answer);
        assertSame(answer, second.join());
        assertFalse(first.isDone(), "a reply to another request completes nothing");
        requests.complete(reply(8));
        assertEquals(1, requests.waiting(), "the answered request is forgotten; the other waits");
    }

    private static StatsReply reply(long id) {
        return new StatsReply(id, java.util.Map.of(), 0, 0, 0, 0);
    }
}
