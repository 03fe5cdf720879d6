package dev.jmp.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.wire.message.ErrorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The forwarder's own decisions, against a parent whose answers the test gives: how many calls
 * wait up there at once, and when a dead process's notice goes up.
 */
@Timeout(300)
class ParentForwarderTest {

    /** A parent that answers a call only when the test releases it, and records what was sent one-way. */
    private static final class HeldParent implements ServiceClient {
        final CountDownLatch release = new CountDownLatch(1);
        final BlockingQueue<String> arrived = new LinkedBlockingQueue<>();
        final BlockingQueue<String> sent = new LinkedBlockingQueue<>();

        @Override
        public ServiceResult call(String service, String op, Object args, List<byte[]> frames) throws InterruptedException {
            arrived.add(op);
            release.await();
            return new ServiceResult(null, List.of(), "answer to " + op);
        }

        @Override
        public void send(String service, String op, Object args, List<byte[]> frames) {
            sent.add(service + " " + op + (args instanceof ServiceRegistry.GoneArgs g ? " " + g.pid() : ""));
        }

        @Override
        public String selfId() {
            return "w1";
        }
    }

    /** A call from a child of this worker, and how it was answered. */
    private static final class Forwarded {
        final CompletableFuture<Object> result = new CompletableFuture<>();
        final ServiceCall call;

        Forwarded(String peer, String op, boolean oneWay) {
            call = ServiceCall.local(peer, 1, "jmp.manager", op, null, List.of(), oneWay,
                    (Object r, ErrorInfo e, List<byte[]> f) -> result.complete(e != null ? e : r));
        }
    }

    private static Forwarded forward(ParentForwarder f, String peer, String op) {
        Forwarded c = new Forwarded(peer, op, false);
        f.handle(c.call);
        return c;
    }

    @Test
    void theDefaultBoundIs1024() {
        assertEquals(1024, ParentForwarder.MAX_IN_FLIGHT);
    }

    @Test
    void callsBeyondTheBoundAreRefusedWithAClearErrorAndOneWayCallsPass() throws Exception {
        HeldParent parent = new HeldParent();
        ParentForwarder f = new ParentForwarder(parent, 3);
        List<Forwarded> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(forward(f, "w" + i, "lock" + i));
        }
        for (int i = 0; i < 3; i++) {
            parent.arrived.poll(300, TimeUnit.SECONDS); // all three wait up there
        }
        Forwarded refused = forward(f, "w9", "lock9");
        ErrorInfo e = (ErrorInfo) refused.result.get(300, TimeUnit.SECONDS);
        assertEquals(ErrorCode.ILLEGAL_STATE, e.kind());
        assertTrue(e.message().contains("already passes 3 calls"), e.message());
        assertTrue(e.message().contains("lock9 from w9 was refused"), e.message());
        f.handle(new Forwarded("w9", "release", true).call);
        assertEquals("jmp.manager release", parent.sent.poll(300, TimeUnit.SECONDS), "a one-way call holds nothing");

        parent.release.countDown();
        for (Forwarded w : waiting) {
            assertTrue(String.valueOf(w.result.get(300, TimeUnit.SECONDS)).startsWith("answer to lock"));
        }
        // The answered calls gave their places back: the next one is passed up and answered.
        assertEquals("answer to again", forward(f, "w9", "again").result.get(300, TimeUnit.SECONDS));
    }

    @Test
    void aDeadChildsNoticeGoesUpOnlyAfterItsCallsUpThereEnded() throws Exception {
        HeldParent parent = new HeldParent();
        ParentForwarder f = new ParentForwarder(parent, 8);
        Forwarded child = forward(f, "w1", "lock");
        Forwarded other = forward(f, "w2", "lock");
        parent.arrived.poll(300, TimeUnit.SECONDS);
        parent.arrived.poll(300, TimeUnit.SECONDS);
        f.passGoneUp("w1", 4242, true);
        assertEquals(null, parent.sent.poll(50, TimeUnit.MILLISECONDS), "w1's call still waits up there");
        f.passGoneUp("w3", 77, false); // a process under another child: passed up at once
        assertEquals("$ gone 77", parent.sent.poll(300, TimeUnit.SECONDS));
        child.call.cancel(); // the registry withdraws a dead child's calls; the parent then answers
        assertEquals("$ gone 4242", parent.sent.poll(300, TimeUnit.SECONDS));
        assertFalse(other.result.isDone(), "another child's call is untouched");
        parent.release.countDown();
        assertEquals("answer to lock", other.result.get(300, TimeUnit.SECONDS));
    }
}
