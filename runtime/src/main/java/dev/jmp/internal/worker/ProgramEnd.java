package dev.jmp.internal.worker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The end of a worker's "main program", as Python ends a child process: when a {@code Process}
 * target or a {@code %%spawn} body returns (or throws), the worker waits for the non-daemon
 * threads the body started and for its non-daemon child processes, then terminates its daemonic
 * children; daemon threads die with the worker. Only then is the body's outcome sent (the parent
 * answers it by stopping the worker), so the exit code stays the body's and the threads' output
 * reaches the parent before the task's end. Threads that ran before the body (the worker's own
 * machinery) are never waited for; jmp's threads started later are daemon threads.
 *
 * <p>Pool workers are long-lived and run many tasks: like Python's pool workers they join
 * nothing per task, and their threads die when the pool stops the worker.
 */
public final class ProgramEnd {

    /** A runtime in this JVM whose child processes end with the program (the worker's supervisors). */
    public interface Children {
        /**
         * Waits for the non-daemon children.
         *
         * @return whether there were any to wait for
         */
        boolean joinNonDaemon();

        /** Terminates the daemonic children and stops what is left. */
        void end();
    }

    private static final List<Children> RUNTIMES = new CopyOnWriteArrayList<>();

    private ProgramEnd() {
    }

    /** Registers a runtime whose children end with the worker's program. */
    public static void register(Children c) {
        RUNTIMES.add(c);
    }

    /** Forgets a runtime that was closed. */
    public static void unregister(Children c) {
        RUNTIMES.remove(c);
    }

    /** The live threads of this JVM (virtual threads, always daemon, are not among them). */
    static Set<Thread> threads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all;
        int n;
        do {
            all = new Thread[root.activeCount() * 2 + 16];
            n = root.enumerate(all, true);
        } while (n == all.length);
        Set<Thread> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < n; i++) {
            out.add(all[i]);
        }
        return out;
    }

    /**
     * Waits, after the body, until no thread started since {@code before} that is not a daemon
     * still runs and no non-daemon child process is left (either may start the other), then
     * ends the daemonic children. An interrupt (the task was cancelled) stops the waiting.
     *
     * @param before the threads that ran before the body
     */
    static void await(Set<Thread> before) {
        try {
            boolean waited = true;
            while (waited) {
                waited = joinThreads(before);
                for (Children c : RUNTIMES) {
                    waited |= c.joinNonDaemon();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Children c : RUNTIMES) {
            c.end();
        }
    }

    private static boolean joinThreads(Set<Thread> before) throws InterruptedException {
        boolean waited = false;
        while (true) {
            List<Thread> left = new ArrayList<>();
            for (Thread t : threads()) {
                if (!before.contains(t) && t != Thread.currentThread() && !t.isDaemon() && t.isAlive()) {
                    left.add(t);
                }
            }
            if (left.isEmpty()) {
                return waited;
            }
            for (Thread t : left) {
                t.join();
            }
            waited = true;
        }
    }
}
