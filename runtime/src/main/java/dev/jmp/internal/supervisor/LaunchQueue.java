package dev.jmp.internal.supervisor;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Bounds how many worker JVMs start at once. A hundred JVMs starting together on two cores take
 * minutes each, all of them, and a start timeout then measures the crowd instead of a stuck
 * start; started a few at a time, each takes its usual second and the last is running sooner.
 *
 * <p>The rule: at most {@code limit} starts hold a slot; the others wait in the order they were
 * submitted. A start holds its slot from the moment it begins until {@link Slot#release()} (the
 * supervisor releases when the worker connected or ended), or until its start action throws. A
 * submitted start that finds a free slot and nobody waiting runs at once in the caller's thread
 * (so a failure to launch reaches the caller); a waiting one runs later on the executor.
 */
final class LaunchQueue {

    private final int limit;
    private final Executor executor;
    private final ArrayDeque<Slot> waiting = new ArrayDeque<>();
    private int holding;

    /**
     * @param limit    how many starts may hold a slot at once (at least 1)
     * @param executor where starts that waited run
     */
    LaunchQueue(int limit, Executor executor) {
        if (limit < 1) {
            throw new IllegalArgumentException("the launch queue needs at least 1 slot, not " + limit);
        }
        this.limit = limit;
        this.executor = executor;
    }

    /** The default bound: one start per core, and never fewer than 2. */
    static int defaultLimit() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Queues a start. Runs it now, in this thread, if a slot is free and nobody waits; an
     * exception it throws then frees the slot and reaches the caller.
     *
     * @param start what to do once the slot is held
     * @return the start's place, to release or cancel
     */
    Slot submit(Start start) {
        Slot s = new Slot(start);
        boolean now;
        synchronized (this) {
            now = holding < limit && waiting.isEmpty();
            if (now) {
                holding++;
                s.began = true;
            } else {
                waiting.addLast(s);
            }
        }
        if (now) {
            s.run(true);
        }
        return s;
    }

    /** How many starts hold a slot. */
    synchronized int holding() {
        return holding;
    }

    /** How many starts wait for one. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void freed(Slot s) {
        Slot next;
        synchronized (this) {
            if (!s.began || s.released) {
                return;
            }
            s.released = true;
            holding--;
            next = waiting.pollFirst();
            if (next != null) {
                holding++;
                next.began = true;
            }
        }
        if (next != null) {
            Slot started = next;
            executor.execute(() -> {
                try {
                    started.run(false);
                } catch (RuntimeException e) {
                    // run() freed the slot; the start reports its own failure to whoever waits
                }
            });
        }
    }

    /** What a start does once it holds a slot. */
    @FunctionalInterface
    interface Start {
        /**
         * @param inline true when it runs in the submitting thread (which then sees what it
         *               throws), false when it waited and runs on the executor (where nobody would)
         */
        void begin(boolean inline);
    }

    /** One start's place in the queue. */
    final class Slot {

        private final Start start;
        private boolean began;
        private boolean released;

        private Slot(Start start) {
            this.start = start;
        }

        private void run(boolean inline) {
            try {
                start.begin(inline);
            } catch (RuntimeException | Error e) {
                release();
                throw e;
            }
        }

        /** Frees the slot (once the start is done); a no-op before it began or when repeated. */
        void release() {
            freed(this);
        }

        /**
         * Takes a start that has not begun out of the queue.
         *
         * @return whether it was taken out (false: it began already, or was cancelled before)
         */
        boolean cancel() {
            synchronized (LaunchQueue.this) {
                return !began && waiting.remove(this);
            }
        }

        /** Whether the start has begun (it holds, or held, a slot). */
        boolean began() {
            synchronized (LaunchQueue.this) {
                return began;
            }
        }
    }
}
