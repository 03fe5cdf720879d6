package dev.jmp.spi;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A task travelling with payloads. In the worker it installs the payloads first, then
 * deserializes the task, and replaces itself by the task ({@code readResolve}), so the worker's
 * task loop never sees the wrapper.
 *
 * <p>Payloads are installed before the task is rebuilt so that the static initializers of
 * notebook classes the task touches already see the copied variables. The worker's task thread
 * has the task class loader as its context loader while it decodes a task; off that thread
 * (where only the system loader is current) the payloads are installed after the task, on the
 * task's own loader.
 */
final class PreparedTask implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient List<TaskPayload> payloads;
    private transient Object task;

    PreparedTask(List<TaskPayload> payloads, Object task) {
        this.payloads = List.copyOf(payloads);
        this.task = task;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(payloads.size());
        for (TaskPayload p : payloads) {
            out.writeObject(p);
        }
        out.writeObject(task);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int n = in.readInt();
        if (n < 0 || n > 1024) {
            throw new java.io.InvalidObjectException("bad payload count " + n);
        }
        List<TaskPayload> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add((TaskPayload) in.readObject());
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        boolean early = context != null && context != ClassLoader.getSystemClassLoader()
                && context != ClassLoader.getPlatformClassLoader();
        if (early) {
            install(list, context);
        }
        task = in.readObject();
        if (!early) {
            ClassLoader own = task == null ? null : task.getClass().getClassLoader();
            install(list, own != null ? own : ClassLoader.getSystemClassLoader());
        }
        payloads = List.of();
    }

    private static void install(List<TaskPayload> list, ClassLoader loader) {
        for (TaskPayload p : list) {
            p.install(loader);
        }
        TaskPreparers.inherit(list, loader);
    }

    private Object readResolve() {
        return task;
    }
}
