package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.wire.message.Heartbeat;
import dev.jmp.internal.wire.message.Shutdown;
import dev.jmp.internal.wire.message.WireMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The messages on their way to a worker: held, ordered, retried, given up, deduplicated. */
@Timeout(300)
class WorkerMailboxTest {

    private final FakeRuntime rt = new FakeRuntime();
    private final FakeRuntime.FakeProcess process = new FakeRuntime.FakeProcess();
    private final WorkerHandle worker = rt.worker("w1-ab", process);
    private long now = 1_000_000;
    private final WorkerMailbox[] box = new WorkerMailbox[1];
    private final WorkerMailbox mailbox = new WorkerMailbox(worker, rt, () -> now, () -> box[0].flush());

    WorkerMailboxTest() {
        box[0] = mailbox;
        rt.settings.setLocalSilenceMillis(600_000);
    }

    private static WireMessage beat(long n) {
        return new Heartbeat(n);
    }

    @Test
    void messagesAreHeldUntilTheWorkerConnectsThenWrittenInOrder() {
        mailbox.send(beat(1), List.of());
        mailbox.send(beat(2), List.of());
        assertTrue(rt.routed.isEmpty());
        assertEquals(2, mailbox.held());
        mailbox.connected();
        assertEquals(List.of(beat(1), beat(2)), rt.routedTo("w1-ab"));
        mailbox.send(beat(3), List.of());
        assertEquals(3, rt.routedTo("w1-ab").size(), "once connected, at once");
    }

    @Test
    void aRepeatedShutdownIsNotSentAgain() {
        mailbox.connected();
        mailbox.send(new Shutdown(0), List.of());
        mailbox.send(new Shutdown(1), List.of());
        assertEquals(List.of(new Shutdown(0)), rt.routedTo("w1-ab"));
    }

    @Test
    void whatTheHubCannotRouteIsRetriedOneTryAtATimeAndKeepsItsOrder() {
        mailbox.connected();
        rt.routable = false;
        mailbox.send(beat(1), List.of());
        mailbox.send(beat(2), List.of());
        assertEquals(1, rt.pending.size(), "one retry scheduled, not one per message");
        rt.runPending(1);
        assertEquals(1, rt.pending.size(), "still unroutable: the next try");
        rt.routable = true;
        rt.runPending(1);
        assertEquals(List.of(beat(1), beat(2)), rt.routedTo("w1-ab"));
        assertTrue(rt.pending.isEmpty());
    }

    @Test
    void aWorkerUnreachablePastTheBoundIsKilledWithTheReason() {
        mailbox.connected();
        rt.routable = false;
        mailbox.send(beat(1), List.of());
        now += WorkerMailbox.UNREACHABLE_MILLIS;
        rt.runPending(1);
        assertEquals(0, process.signal, "exactly the bound is still patience");
        now += 1;
        rt.runPending(1);
        assertEquals(9, process.signal);
        assertEquals("jmp killed it: it could not be reached for 5001 ms (its connection to the parent broke)",
                worker.lostReason());
        assertEquals(0, mailbox.held());
        assertTrue(rt.pending.isEmpty(), "no more tries");
    }

    @Test
    void aLiveWorkerOnThisHostGetsTheLongLocalBound() {
        rt.onThisHost = true;
        mailbox.connected();
        rt.routable = false;
        mailbox.send(beat(1), List.of());
        now += 60_000;
        rt.runPending(1);
        assertNull(worker.lostReason(), "a minute on a loaded host is load");
        now += 540_001;
        rt.runPending(1);
        assertEquals(9, process.signal);
    }

    @Test
    void whatIsHeldForAWorkerThatEndedOrARuntimeThatClosedIsDropped() {
        mailbox.connected();
        rt.routable = false;
        process.kill();
        mailbox.send(beat(1), List.of());
        assertEquals(0, mailbox.held());
        assertTrue(rt.pending.isEmpty());

        FakeRuntime.FakeProcess other = new FakeRuntime.FakeProcess();
        WorkerHandle second = rt.worker("w2-cd", other);
        WorkerMailbox closedBox = new WorkerMailbox(second, rt, () -> now, () -> { });
        closedBox.connected();
        rt.closed = true;
        closedBox.send(beat(2), List.of());
        assertEquals(0, closedBox.held());
        assertFalse(rt.pending.size() > 0);
    }

    @Test
    void onlyTheFirstHelloStartsTheConnection() {
        assertTrue(mailbox.startConnecting());
        assertFalse(mailbox.startConnecting());
    }
}
