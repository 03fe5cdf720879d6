package dev.jmp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The receive thread's loop: actions and timers on its thread, a failing action survived, its end reported. */
@Timeout(300)
class EventLoopTest {

    /** What the loop reported when it ended. */
    private record Ending(Throwable cause, boolean stopped) {
    }

    private final BlockingQueue<Ending> endings = new ArrayBlockingQueue<>(2);

    /** A step that blocks briefly, as a receive with a poll interval does. */
    private static boolean idle() {
        try {
            Thread.sleep(1);
            return true;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private EventLoop loop(EventLoop.Step step) {
        return new EventLoop("jmp-test-loop", step, (cause, stopped) -> endings.add(new Ending(cause, stopped)));
    }

    @Test
    void actionsRunOnTheLoopThreadAndAFailingOneDoesNotEndIt() throws Exception {
        EventLoop l = loop(EventLoopTest::idle);
        l.start();
        BlockingQueue<Boolean> onLoop = new ArrayBlockingQueue<>(2);
        l.execute(() -> {
            throw new IllegalStateException("a failing action");
        });
        l.execute(() -> onLoop.add(l.onLoopThread()));
        assertEquals(Boolean.TRUE, onLoop.poll(300, TimeUnit.SECONDS));
        assertFalse(l.onLoopThread());
        assertTrue(l.isRunning());
        l.stop();
        l.join(300_000);
        Ending e = endings.poll(300, TimeUnit.SECONDS);
        assertNull(e.cause());
        assertTrue(e.stopped(), "a stop is a close, not a failure");
        assertFalse(l.isRunning());
    }

    @Test
    void aTimerFiresAgainAndAgainEvenAfterItFailed() throws Exception {
        EventLoop l = loop(EventLoopTest::idle);
        CountDownLatch fired = new CountDownLatch(3);
        l.every(1, () -> {
            fired.countDown();
            throw new IllegalStateException("a failing timer");
        });
        l.start();
        assertTrue(fired.await(300, TimeUnit.SECONDS));
        l.stop();
        l.join(300_000);
    }

    @Test
    void aStepThatThrowsEndsTheLoopWithItsCause() throws Exception {
        IllegalStateException boom = new IllegalStateException("the socket broke");
        EventLoop l = loop(() -> {
            throw boom;
        });
        l.start();
        Ending e = endings.poll(300, TimeUnit.SECONDS);
        assertSame(boom, e.cause());
        assertFalse(e.stopped(), "nobody closed it: a failure");
        assertFalse(l.isRunning());
    }

    @Test
    void aStepThatReportsAFailureEndsTheLoopWithoutACause() throws Exception {
        EventLoop l = loop(() -> false);
        l.start();
        Ending e = endings.poll(300, TimeUnit.SECONDS);
        assertNull(e.cause());
        assertFalse(e.stopped());
    }
}
