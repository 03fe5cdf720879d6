package dev.jmp.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.internal.wire.message.ErrorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one blocking queue's decisions, without processes or sockets: calls are local, answers
 * are recorded, and timeouts fire when the test runs them.
 */
@Timeout(300)
class ItemQueueTest {

    /** What a call was answered with. */
    static final class Answer {
        boolean answered;
        Object result;
        ErrorInfo error;
        List<byte[]> frames;

        String item() {
            return frames == null || frames.isEmpty() ? null : new String(frames.get(0));
        }
    }

    private final ScheduledThreadPoolExecutor never = new ScheduledThreadPoolExecutor(1);
    private final List<Runnable> timeouts = new ArrayList<>();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private final Object monitor = new Object();
    private int accepted;

    @AfterEach
    void stop() {
        never.shutdownNow();
    }

    /** Records each timeout; it fires only when the test runs it. */
    private ScheduledFuture<?> schedule(long millis, Runnable action) {
        timeouts.add(action);
        ScheduledFuture<?> f = never.schedule(() -> { }, 1, TimeUnit.HOURS);
        timers.add(f);
        return f;
    }

    private ItemQueue queue(long capacity) {
        return new ItemQueue(capacity, "ok", monitor, this::schedule, () -> accepted++);
    }

    private static ServiceCall call(String op, Answer a, byte[]... frames) {
        return ServiceCall.local("w1", 1, "test", op, null, List.of(frames), false, (r, e, f) -> {
            a.answered = true;
            a.result = r;
            a.error = e;
            a.frames = f;
        });
    }

    private static byte[] item(String s) {
        return s.getBytes();
    }

    @Test
    void aFullQueueParksThePutUntilAGetMakesRoomAndKeepsTheOrder() {
        ItemQueue q = queue(1);
        assertTrue(q.offer(item("a")));
        assertFalse(q.offer(item("b")), "full: nothing accepted");
        Answer putB = new Answer();
        q.parkPutter(call("put", putB), item("b"), -1, w -> { });
        assertFalse(putB.answered);
        Answer get1 = new Answer();
        assertTrue(q.take(call("get", get1)));
        assertEquals("a", get1.item());
        assertTrue(putB.answered, "the parked put is admitted to the room the get made");
        assertEquals("ok", putB.result);
        Answer get2 = new Answer();
        assertTrue(q.take(call("get", get2)));
        assertEquals("b", get2.item());
        assertFalse(q.take(call("get", new Answer())), "empty");
        assertEquals(2, accepted);
    }

    @Test
    void anItemGoesToTheLongestWaitingGetterStillThere() {
        ItemQueue q = queue(Long.MAX_VALUE);
        Answer first = new Answer();
        Answer second = new Answer();
        ServiceCall gone = call("get", first);
        q.parkGetter(gone, -1, w -> { });
        q.parkGetter(call("get", second), -1, w -> { });
        assertTrue(gone.cancel(), "the first caller withdraws (interrupted or died)");
        assertTrue(q.offer(item("x")));
        assertFalse(first.answered);
        assertEquals("x", second.item());
        assertEquals(0, q.size(), "handed over, not stored");
    }

    @Test
    void anItemWhoseTakerIsGoneStaysForTheNext() {
        ItemQueue q = queue(Long.MAX_VALUE);
        q.offer(item("x"));
        ServiceCall gone = call("get", new Answer());
        gone.cancel();
        assertTrue(q.take(gone), "the get was handled");
        assertEquals(1, q.size(), "the item was not lost with the caller");
        Answer next = new Answer();
        q.take(call("get", next));
        assertEquals("x", next.item());
    }

    @Test
    void aTimeoutAnswersTheParkedCallOnceAndLaterItemsAreStored() {
        ItemQueue q = queue(Long.MAX_VALUE);
        Answer get = new Answer();
        q.parkGetter(call("get", get), 50, w -> w.reply("timed out", null));
        assertEquals(1, timeouts.size());
        synchronized (monitor) {
            timeouts.get(0).run();
        }
        assertEquals("timed out", get.result);
        assertTrue(q.offer(item("y")));
        assertEquals(1, q.size(), "the timed-out getter left the queue");
        timeouts.get(0).run();
        assertEquals("timed out", get.result, "a timeout that fires twice answers nothing more");
    }

    @Test
    void answeringOrWithdrawingCancelsTheTimeout() {
        ItemQueue q = queue(Long.MAX_VALUE);
        q.parkGetter(call("get", new Answer()), 1000, w -> { });
        ServiceCall withdrawn = call("get", new Answer());
        q.offer(item("z"));
        assertTrue(timers.get(0).isCancelled(), "answered: its timeout is cancelled");
        q.parkGetter(withdrawn, 1000, w -> { });
        withdrawn.cancel();
        assertTrue(timers.get(1).isCancelled(), "withdrawn: its timeout is cancelled");
        q.parkGetter(call("get", new Answer()), -1, w -> { });
        assertEquals(2, timers.size(), "a wait for ever schedules no timeout");
    }

    @Test
    void closingFailsEveryParkedGetAndPut() {
        ItemQueue q = queue(1);
        q.offer(item("a"));
        Answer put = new Answer();
        q.parkPutter(call("put", put), item("b"), -1, w -> { });
        ItemQueue empty = queue(1);
        Answer get = new Answer();
        empty.parkGetter(call("get", get), -1, w -> { });
        q.failAll(new IllegalStateException("closed"));
        empty.failAll(new IllegalStateException("closed"));
        assertTrue(put.error.className().endsWith("IllegalStateException"), put.error.toString());
        assertTrue(get.error.className().endsWith("IllegalStateException"), get.error.toString());
        assertEquals("closed", get.error.message());
    }
}
