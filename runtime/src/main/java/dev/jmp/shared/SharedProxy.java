package dev.jmp.shared;

import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import dev.jmp.internal.manager.ManagerRequest;
import dev.jmp.internal.util.Durations;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What every manager proxy is: a reference to a shared object (its manager's id and its own),
 * so passing one to a task or capturing it in a lambda sends the reference, never a copy, and
 * every operation goes to the one object in the manager.
 */
abstract class SharedProxy implements Serializable {

    private static final long serialVersionUID = 1L;

    final String manager;
    final long id;
    final String name;

    SharedProxy(String manager, long id, String name) {
        this.manager = manager;
        this.id = id;
        this.name = name;
    }

    ManagerRequest req() {
        return ManagerRequest.of(manager, id);
    }

    ManagerCalls.Result call(ManagerOp op, Object... values) {
        return ManagerCalls.call(op, req(), encode(op, values));
    }

    ManagerCalls.Result callN(ManagerOp op, long n, Object... values) {
        return ManagerCalls.call(op, req().with(0, -1, n), encode(op, values));
    }

    static List<byte[]> encode(ManagerOp op, Object... values) {
        List<byte[]> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            out.add(ManagerCalls.encode(values[i], "argument " + i + " of " + op.wire()));
        }
        return out;
    }

    static long millis(java.time.Duration timeout) {
        Durations.check(timeout);
        return Math.max(timeout.isZero() ? 0 : 1, timeout.toMillis());
    }

    static long millis(long time, java.util.concurrent.TimeUnit unit) {
        return time <= 0 ? 0 : Math.max(1, unit.toMillis(time));
    }

    boolean sameObject(Object o) {
        return o instanceof SharedProxy p && p.getClass() == getClass() && p.manager.equals(manager) && p.id == id;
    }

    int objectHash() {
        return manager.hashCode() * 31 + Long.hashCode(id);
    }

    /** True for another proxy of the same shared object (same kind, manager and id), from any process. */
    @Override
    public boolean equals(Object o) {
        return sameObject(o);
    }

    /** Consistent with {@link #equals}: the same in every process holding a proxy of the object. */
    @Override
    public int hashCode() {
        return objectHash();
    }

    /** Describes the shared object, such as {@code map 3 of manager m1-4f2a1c}. */
    String describe() {
        return name;
    }
}
