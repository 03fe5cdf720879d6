package dev.jmp.internal.manager;

import dev.jmp.internal.serial.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A host for shared objects in a unit test: nothing runs by itself; the test fires the timeouts
 * and hand-offs the objects scheduled when it chooses, so every decision is replayed in one order.
 */
final class FakeHost implements ManagedHost {

    /** A scheduled action that runs only when the test fires it. */
    static final class Pending implements ScheduledFuture<Object> {
        final Runnable action;
        final boolean micros;
        boolean cancelled;
        boolean ran;

        Pending(Runnable action, boolean micros) {
            this.action = action;
            this.micros = micros;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            boolean was = !cancelled && !ran;
            cancelled = true;
            return was;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled || ran;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }

    private final List<Pending> pending = new ArrayList<>();

    @Override
    public ScheduledFuture<?> schedule(long millis, Runnable action) {
        Pending p = new Pending(action, false);
        pending.add(p);
        return p;
    }

    @Override
    public ScheduledFuture<?> scheduleMicros(long micros, Runnable action) {
        Pending p = new Pending(action, true);
        pending.add(p);
        return p;
    }

    /** Fires every timeout (millisecond action) still pending; returns how many ran. */
    int fireTimeouts() {
        return fire(false);
    }

    /** Runs every lock hand-off (microsecond action) still pending. */
    int runHandoffs() {
        return fire(true);
    }

    private int fire(boolean micros) {
        int n = 0;
        for (Pending p : new ArrayList<>(pending)) {
            if (p.micros == micros && !p.isDone()) {
                p.ran = true;
                pending.remove(p);
                p.action.run();
                n++;
            }
        }
        return n;
    }

    /** Timeouts scheduled and neither fired nor cancelled. */
    long liveTimeouts() {
        return pending.stream().filter(p -> !p.micros && !p.isDone()).count();
    }

    @Override
    public void remember(String peer) {
    }

    @Override
    public String describe(Owner owner) {
        return "worker " + owner.peer() + " (pid 7" + (owner.thread() <= 0 ? "" : ", thread " + owner.thread()) + ")";
    }

    @Override
    public ClassLoader loader() {
        return FakeHost.class.getClassLoader();
    }

    @Override
    public Object function(byte[] bytes) {
        return Values.decode(bytes, loader());
    }
}
