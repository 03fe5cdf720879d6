package dev.jmp.internal.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.wire.Header;
import dev.jmp.internal.wire.Inbound;
import dev.jmp.internal.wire.message.ServiceReply;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** How a worker matches replies to its waiting calls, and which calls a broken channel fails. */
class PendingCallsTest {

    private static Inbound<ServiceReply> reply(long id) {
        return new Inbound<>("p", new Header("ServiceReply", id, "p", "w1"), new ServiceReply(id, null, null), List.of());
    }

    @Test
    void aReplyCompletesTheCallWithItsIdOnly() throws Exception {
        PendingCalls p = new PendingCalls();
        long a = p.nextId();
        long b = p.nextId();
        CompletableFuture<Inbound<ServiceReply>> fa = p.expect(a);
        CompletableFuture<Inbound<ServiceReply>> fb = p.expect(b);
        Inbound<ServiceReply> r = reply(b);
        assertTrue(p.complete(r));
        assertSame(r, fb.get());
        assertFalse(fa.isDone());
        assertEquals(1, p.size());
    }

    @Test
    void aReplyForNoWaitingCallIsIgnored() {
        PendingCalls p = new PendingCalls();
        long a = p.nextId();
        p.expect(a);
        p.forget(a); // withdrawn
        assertFalse(p.complete(reply(a)));
        assertFalse(p.complete(reply(999)));
        assertEquals(0, p.size());
    }

    @Test
    void aClosedChannelFailsOnlyTheCallsSentOnIt() {
        PendingCalls p = new PendingCalls();
        long onChannel = p.nextId();
        long onJeroMq = p.nextId();
        long movedBack = p.nextId();
        CompletableFuture<Inbound<ServiceReply>> fc = p.expect(onChannel);
        CompletableFuture<Inbound<ServiceReply>> fj = p.expect(onJeroMq);
        CompletableFuture<Inbound<ServiceReply>> fm = p.expect(movedBack);
        p.sentOnChannel(onChannel);
        p.sentOnChannel(movedBack);
        p.offChannel(movedBack); // its channel send failed: it went on JeroMQ
        p.channelClosed("the service channel to the parent closed");
        ExecutionException e = assertThrows(ExecutionException.class, fc::get);
        assertEquals("the service channel to the parent closed", e.getCause().getMessage());
        assertFalse(fj.isDone());
        assertFalse(fm.isDone());
    }

    @Test
    void idsAreNeverZero() {
        assertTrue(new PendingCalls().nextId() > 0, "0 is the id of one-way calls");
    }
}
