package dev.jmp.internal.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * A call parked in a service until it can be answered, until its caller withdraws it (gives up,
 * is interrupted or dies), or until its timeout fires. The queue service's getters and putters
 * and every waiting operation of the manager's shared objects are parked calls; each kind keeps
 * them in its own collection, guarded by the owner's monitor.
 */
public class ParkedCall {

    /** Schedules a timeout: the queue service uses the shared timer, the manager its own. */
    @FunctionalInterface
    public interface Timeouts {
        /**
         * @param millis the delay
         * @param action what runs then
         * @return the scheduled timeout, cancelled when the call is answered first
         */
        ScheduledFuture<?> schedule(long millis, Runnable action);
    }

    /** The parked call. */
    public final ServiceCall call;
    private ScheduledFuture<?> timer;

    /** @param call the call to park */
    public ParkedCall(ServiceCall call) {
        this.call = call;
    }

    /** Cancels a pending timeout. Caller holds the owner's monitor. */
    public final void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
            timer = null;
        }
    }

    /**
     * Answers the call and cancels its timeout.
     *
     * @return false if the caller was gone, so the answer (and any item in it) was not taken
     */
    public final boolean reply(Object result, List<byte[]> frames) {
        cancelTimer();
        return call.reply(result, frames);
    }

    /** Fails the call and cancels its timeout; false if the caller was gone. */
    public final boolean fail(Throwable why) {
        cancelTimer();
        return call.fail(why);
    }

    /**
     * Parks a call in {@code parked}: it leaves when the owner answers it, when the caller
     * withdraws it (then {@code onWithdraw}, if any, runs, even if the call was answered
     * as it withdrew), or when its timeout ({@code millis > 0})
     * fires (then {@code onTimeout} runs). Both run under {@code monitor}, which the caller holds now.
     */
    public static <W extends ParkedCall> void park(W w, Collection<? super W> parked, Object monitor,
                                                   Timeouts timeouts, long millis, Consumer<? super W> onTimeout,
                                                   Runnable onWithdraw) {
        ParkedCall p = w; // a type variable does not see the private field
        parked.add(w);
        w.call.onCancel(() -> {
            synchronized (monitor) {
                w.cancelTimer();
                parked.remove(w);
                if (onWithdraw != null) {
                    onWithdraw.run();
                }
            }
        });
        if (millis > 0) {
            p.timer = timeouts.schedule(millis, () -> {
                synchronized (monitor) {
                    if (parked.remove(w)) {
                        p.timer = null;
                        onTimeout.accept(w);
                    }
                }
            });
        }
    }

    /** Fails and forgets every parked call of a collection. Caller holds the owner's monitor. */
    public static void failAll(Collection<? extends ParkedCall> parked, Throwable why) {
        List<ParkedCall> all = new ArrayList<>(parked);
        parked.clear();
        for (ParkedCall w : all) {
            w.fail(why);
        }
    }
}
