package dev.jmp.shared;

import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import java.time.Duration;
import java.util.List;

/**
 * An event shared between processes: Python's {@code Manager().Event()}. A flag that is
 * {@link #set()} to wake every process waiting on it, and {@link #clear()}ed again.
 */
public final class SharedEvent extends SharedProxy {

    private static final long serialVersionUID = 1L;

    SharedEvent(String manager, long id, String name) {
        super(manager, id, name);
    }

    /** Sets the flag and wakes every waiter. */
    public void set() {
        call(ManagerOp.EVENT_SET);
    }

    /** Clears the flag. */
    public void clear() {
        call(ManagerOp.EVENT_CLEAR);
    }

    /** Whether the flag is set. */
    public boolean isSet() {
        return call(ManagerOp.EVENT_IS_SET).reply().b();
    }

    /** Waits until the flag is set. */
    public void await() throws InterruptedException {
        ManagerCalls.await(ManagerOp.EVENT_WAIT, req(), List.of());
    }

    /**
     * Waits at most {@code timeout} for the flag, like Python's {@code wait(timeout)}.
     *
     * @return whether the flag is set (false: the timeout passed)
     * @throws IllegalArgumentException if the timeout is negative
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return ManagerCalls.await(ManagerOp.EVENT_WAIT, req().with(0, millis(timeout), 0), List.of()).reply().b();
    }

    @Override
    public String toString() {
        return "<SharedEvent " + describe() + (isSet() ? " set" : " clear") + ">";
    }
}
