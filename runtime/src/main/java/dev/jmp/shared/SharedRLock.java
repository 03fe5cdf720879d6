package dev.jmp.shared;

import dev.jmp.internal.manager.ManagerOp;

/**
 * A reentrant lock shared between processes: Python's {@code Manager().RLock()}. The holding
 * thread may lock it again; it is released when every hold is unlocked. Everything else,
 * dead-holder release included, is as for {@link SharedLock}.
 */
public final class SharedRLock extends SharedLock {

    private static final long serialVersionUID = 1L;

    SharedRLock(String manager, long id, String name) {
        super(manager, id, name);
    }

    /** How many times the calling thread holds the lock (0 if it does not). */
    public int getHoldCount() {
        return (int) call(ManagerOp.LOCK_STATE).reply().v();
    }
}
