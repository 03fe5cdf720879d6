package dev.jmp.internal.service;

/**
 * A named service hosted in the parent. Calls come from workers (over the wire, on the hub's
 * I/O thread) and from the parent's own threads, concurrently: implementations synchronize
 * themselves and never block in {@link #handle}. An operation that must wait (a {@code get} on
 * an empty queue) keeps the {@link ServiceCall} and replies later.
 */
public interface Service {

    /** Handles one call: reply now, or keep the call and reply when possible. */
    void handle(ServiceCall call);

    /**
     * A process is gone (its worker died or exited): drop its waiting calls and release what it
     * held. {@code peer} is a worker id.
     */
    default void peerGone(String peer) {
    }

    /**
     * A process under a child died while the child lives: a grandchild (or deeper), whose calls
     * came through the child {@code peer}. Release what that process held; its calls were
     * withdrawn by the child already. Told by the child's one-way {@code $ gone} notice.
     *
     * @param peer the child through which the dead process called (a worker id)
     * @param pid  the dead process's pid
     */
    default void processGone(String peer, long pid) {
    }
}
