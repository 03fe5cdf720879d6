package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.jmp.internal.service.ServiceCall;
import dev.jmp.internal.wire.Header;
import dev.jmp.internal.wire.Inbound;
import dev.jmp.internal.wire.message.Heartbeat;
import dev.jmp.internal.wire.message.Hello;
import dev.jmp.internal.wire.message.ServiceReply;
import dev.jmp.internal.wire.message.ServiceRequest;
import dev.jmp.internal.wire.message.TaskOutcome;
import dev.jmp.internal.wire.message.TaskResults;
import dev.jmp.internal.wire.message.TaskStatus;
import dev.jmp.internal.wire.message.WireMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the parent does with each worker message, through the {@link HubHost} seam: no hub, no JVM. */
@Timeout(300)
class HubHandlersTest {

    private final FakeRuntime rt = new FakeRuntime();
    private final HubHandlers handlers = new HubHandlers(rt);

    HubHandlersTest() {
        rt.settings.setHeartbeats(500, 10_000, 500, 15_000);
        rt.settings.setLocalSilenceMillis(600_000);
    }

    private static <T extends WireMessage> Inbound<T> from(String peer, T body) {
        return new Inbound<>(peer, new Header(body.getClass().getSimpleName(), 1, peer, "p", List.of()), body, List.of());
    }

    @Test
    void theFirstHelloConnectsTheWorkerAndRepeatsAndStrangersDoNothing() {
        WorkerHandle w = rt.worker("w1-ab", new FakeRuntime.FakeProcess());
        handlers.onHello(from("w1-ab", new Hello("w1-ab", 7, 0)));
        assertTrue(w.ready().isDone(), "routed at once: connected");
        assertEquals(1, rt.routedTo("w1-ab").size());
        assertInstanceOf(Heartbeat.class, rt.routedTo("w1-ab").get(0), "the parent answers with a heartbeat");

        handlers.onHello(from("w1-ab", new Hello("w1-ab", 7, 0)));
        handlers.onHello(from("w9-zz", new Hello("w9-zz", 8, 0)));
        assertEquals(1, rt.routed.size(), "a repeat hello and an unknown peer's hello send nothing");
        assertTrue(rt.pending.isEmpty());
    }

    @Test
    void aHelloTheHubCannotAnswerYetIsRetriedUntilTheRouteExists() {
        WorkerHandle w = rt.worker("w1-ab", new FakeRuntime.FakeProcess());
        rt.routable = false;
        handlers.onHello(from("w1-ab", new Hello("w1-ab", 7, 0)));
        assertEquals(10, rt.runPending(10), "each failed try schedules the next");
        assertFalse(w.ready().isDone());
        rt.routable = true;
        rt.runPending(1);
        assertTrue(w.ready().isDone(), "connected on the first try the hub could route");
        assertTrue(rt.pending.isEmpty(), "no more tries once connected");
    }

    @Test
    void aWorkerThatCanNeverBeAnsweredIsKilledWithTheReason() {
        FakeRuntime.FakeProcess p = new FakeRuntime.FakeProcess();
        WorkerHandle w = rt.worker("w1-ab", p);
        rt.routable = false;
        handlers.onHello(from("w1-ab", new Hello("w1-ab", 7, 0)));
        int tries = rt.runPending(100_000);
        assertEquals(2000, tries, "a bounded number of tries, then no more");
        assertEquals(9, p.signal);
        assertEquals("jmp killed it: it said hello but could not be answered for 4000 ms", w.lostReason());
        assertFalse(w.ready().isDone());
    }

    @Test
    void noConnectionIsMadeOnceTheRuntimeClosed() {
        WorkerHandle w = rt.worker("w1-ab", new FakeRuntime.FakeProcess());
        rt.closed = true;
        handlers.onHello(from("w1-ab", new Hello("w1-ab", 7, 0)));
        assertTrue(rt.routed.isEmpty());
        assertFalse(w.ready().isDone());
    }

    @Test
    void theHeartbeatReachesConnectedWorkersAndKillsOneSilentTooLong() {
        FakeRuntime.FakeProcess quietP = new FakeRuntime.FakeProcess();
        FakeRuntime.FakeProcess liveP = new FakeRuntime.FakeProcess();
        WorkerHandle quiet = connected("w1-ab", quietP);
        WorkerHandle live = connected("w2-cd", liveP);
        rt.lastHeard.put("w1-ab", 1L);
        rt.lastHeard.put("w2-cd", System.currentTimeMillis());
        rt.routed.clear();

        handlers.heartbeat();
        assertEquals(1, rt.routedTo("w2-cd").size(), "the live worker gets a heartbeat");
        assertInstanceOf(Heartbeat.class, rt.routedTo("w2-cd").get(0));
        assertEquals(0, liveP.signal);
        assertEquals(9, quietP.signal, "silent since the epoch's first millisecond: given up");
        assertTrue(quiet.lostReason().startsWith("jmp killed it: it sent nothing for "), quiet.lostReason());
        assertNull(live.lostReason());
    }

    @Test
    void aLiveWorkerOnThisHostIsNotKilledForSilenceBelowTheLocalBound() {
        rt.onThisHost = true;
        FakeRuntime.FakeProcess p = new FakeRuntime.FakeProcess();
        WorkerHandle w = connected("w1-ab", p);
        rt.lastHeard.put("w1-ab", System.currentTimeMillis() - 60_000);
        handlers.heartbeat();
        assertEquals(0, p.signal, "a minute of silence on a loaded host is load, not loss");
        assertNull(w.lostReason());
    }

    @Test
    void aWorkerStillWaitingForItsLaunchIsNeitherBeatenNorJudged() {
        rt.settings.setStartTimeoutMillis(1);
        WorkerHandle w = rt.worker("w1-ab", null);
        handlers.heartbeat();
        assertTrue(rt.routed.isEmpty());
        assertNull(w.lostReason(), "the start timeout runs from the launch, not from the wait for a slot");
    }

    @Test
    void aGapInAWorkersMessagesKillsItAndAGapFromAStrangerIsIgnored() {
        FakeRuntime.FakeProcess p = new FakeRuntime.FakeProcess();
        WorkerHandle w = connected("w1-ab", p);
        handlers.onGap("w9-zz", 5);
        assertEquals(0, p.signal);
        handlers.onGap("w1-ab", 3);
        assertEquals(9, p.signal);
        assertEquals("jmp killed it: it lost 3 of its messages in transit", w.lostReason());
    }

    @Test
    void resultsGoToTheOwnerAndATaskThatPrintedWaitsForItsOutput() {
        WorkerHandle w = connected("w1-ab", new FakeRuntime.FakeProcess());
        List<Long> delivered = new ArrayList<>();
        List<Integer> batches = new ArrayList<>();
        w.setOwner(new WorkerOwner() {
            @Override
            public void onOutcome(TaskWorker worker, TaskOutcome outcome, List<byte[]> frames) {
                delivered.add(outcome.taskId());
            }

            @Override
            public void onOutcomes(TaskWorker worker, List<TaskOutcome> outcomes, List<byte[]> frames) {
                batches.add(outcomes.size());
                WorkerOwner.super.onOutcomes(worker, outcomes, frames);
            }

            @Override
            public void onExit(TaskWorker worker, WorkerExit exit) {
            }
        });
        handlers.onResults(from("w1-ab", new TaskResults(List.of(
                new TaskOutcome(1, TaskStatus.OK, 0, -1, false, null),
                new TaskOutcome(2, TaskStatus.OK, 0, -1, true, null),
                new TaskOutcome(3, TaskStatus.OK, 0, -1, false, null)))));
        assertEquals(List.of(1L, 3L), delivered, "the silent tasks at once, in one batch");
        assertEquals(List.of(2), batches);
        w.output().sync().seen(2);
        assertEquals(List.of(1L, 3L, 2L), delivered, "the printing task once its output is through");

        handlers.onResults(from("w9-zz", new TaskResults(List.of(new TaskOutcome(4, TaskStatus.OK, 0, -1, false, null)))));
        assertEquals(3, delivered.size(), "results of a worker no longer known go nowhere");
    }

    @Test
    void aServiceCallIsDispatchedAndAnsweredOnTheRouteItCameBy() {
        handlers.onServiceRequest(from("w1-ab", new ServiceRequest(42, "queue", "size", new JsonObject(), false)));
        assertEquals(1, rt.dispatched.size());
        ServiceCall c = rt.dispatched.get(0);
        assertEquals("w1-ab", c.peer());
        assertEquals(42, c.callId());
        assertEquals("queue", c.service());
        assertEquals("size", c.op());
        c.reply(null, List.of());
        List<WireMessage> replies = rt.routedTo("w1-ab");
        assertEquals(1, replies.size());
        assertEquals(42, ((ServiceReply) replies.get(0)).callId());
    }

    /** A launched worker the hub has connected. */
    private WorkerHandle connected(String id, FakeRuntime.FakeProcess p) {
        WorkerHandle w = rt.worker(id, p);
        handlers.onHello(from(id, new Hello(id, 7, 0)));
        assertTrue(w.ready().isDone());
        return w;
    }
}
