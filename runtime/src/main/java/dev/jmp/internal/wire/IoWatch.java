package dev.jmp.internal.wire;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.ZContext;

/**
 * Watches the threads of one JeroMQ context. JeroMQ catches runtime exceptions in its I/O
 * thread and carries on, but an {@code Error} (an {@code OutOfMemoryError} from a frame too big
 * to allocate, say) ends the thread, and with it every connection of the context: sends then
 * queue for ever and nothing arrives, while the process looks healthy. The watch knows the
 * context's threads (it makes them) and reports the first one that died, with its cause.
 */
final class IoWatch {

    private static final System.Logger LOG = System.getLogger("dev.jmp.wire");
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicLong ioErrors;
    private volatile String failure;

    /** Installs the watch's thread factory and handlers; call before the context makes a socket. */
    IoWatch(ZContext ctx, AtomicLong ioErrors) {
        this.ioErrors = ioErrors;
        ctx.setThreadFactor((runnable, name) -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler(this::died);
            threads.add(t);
            return t;
        });
        ctx.setUncaughtExceptionHandler(this::died);
        // A runtime exception in one connection's event handler: JeroMQ drops that connection and
        // goes on (a peer killed mid-frame, a worker halting); counted, not fatal.
        ctx.setNotificationExceptionHandler((t, e) -> {
            ioErrors.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "JeroMQ notification failed", e);
        });
    }

    private void died(Thread t, Throwable e) {
        ioErrors.incrementAndGet();
        if (failure == null) {
            failure = "its JeroMQ thread " + t.getName() + " died: " + e;
        }
        LOG.log(System.Logger.Level.DEBUG, "JeroMQ thread failed", e);
    }

    /** Why the context can no longer move frames, or null while every thread it made runs. */
    String failure() {
        String f = failure;
        if (f != null) {
            return f;
        }
        for (Thread t : threads) {
            if (t.getState() == Thread.State.TERMINATED) {
                failure = "its JeroMQ thread " + t.getName() + " ended";
                return failure;
            }
        }
        return null;
    }

    /** The threads the context made (for tests that kill one). */
    List<Thread> threads() {
        return List.copyOf(threads);
    }
}
