package dev.jmp.internal.manager;

import java.util.function.Predicate;

/**
 * Who holds a lock or waits: a process (its wire id, {@code p} for the parent) and a thread in
 * it. The thread is a {@link ManagerRequest#caller()} value, which carries the calling process's
 * pid: a grandchild's calls reach the manager through its parent's connection, so the peer names
 * the child through which they came and the pid the process that made them.
 */
record Owner(String peer, long thread) {

    /** This holder's whole process: the thread part cleared (a semaphore's permits are a process's). */
    Owner process() {
        return new Owner(peer, thread < 0 ? thread : thread & ~ManagerRequest.THREAD_MASK);
    }

    /** Every holder that called through {@code peer}: that child and every process under it. */
    static Predicate<Owner> through(String peer) {
        return o -> o.peer().equals(peer);
    }

    /** The holders of one process, {@code pid}, whose calls came through {@code peer}. */
    static Predicate<Owner> process(String peer, long pid) {
        return o -> o.peer().equals(peer) && o.thread() > 0 && ManagerRequest.pidOf(o.thread()) == pid;
    }
}
