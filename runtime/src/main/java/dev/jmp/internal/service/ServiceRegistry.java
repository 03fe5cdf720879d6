package dev.jmp.internal.service;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The parent's services by name, and the calls they have not answered yet (so a caller can
 * withdraw one, and a dead process's calls are dropped).
 */
public final class ServiceRegistry {

    /** The pseudo-service through which a caller withdraws a call: op {@code cancel}. */
    public static final String CONTROL = "$";

    private static final System.Logger LOG = System.getLogger("dev.jmp.service");
    private final Map<String, Service> services = new ConcurrentHashMap<>();
    private final Map<CallKey, ServiceCall> open = new ConcurrentHashMap<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    /**
     * Dispatching holds the read side, marking a process gone the write side: once a process is
     * gone, none of its calls is still being handled or handled later (a call that arrived on
     * another connection at that moment could otherwise take a lock for a dead process).
     */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    /** Where calls for services not registered here go (a worker's {@link ParentForwarder}), or null. */
    private volatile Service fallback;

    private record CallKey(String peer, long callId) {
    }

    /** The operation of {@link #CONTROL} by which a child says a process under it died: {@link GoneArgs}. */
    public static final String GONE = "gone";

    /** Arguments of the {@code $ gone} notice: the pid of the process that died. */
    public record GoneArgs(long pid) {
    }

    /** Arguments of the {@code $ cancel} operation. */
    public record CancelArgs(long callId) {
    }

    /**
     * The answer to {@code $ cancel} (when not sent one-way).
     *
     * @param withdrawn true if the call was withdrawn unanswered; false if it was answered before
     *                  (or never arrived), so its reply is on its way
     */
    public record CancelReply(boolean withdrawn) {
    }

    /**
     * Registers a service.
     *
     * @throws IllegalArgumentException if the name is taken
     */
    public void register(String name, Service service) {
        if (services.putIfAbsent(name, service) != null) {
            throw new IllegalArgumentException("a service named " + name + " is already registered");
        }
    }

    /**
     * Sets where calls go that no registered service takes: in a worker's runtime, its parent.
     *
     * @param service the fallback, or {@code null} to refuse such calls
     */
    public void setFallback(Service service) {
        fallback = service;
    }

    /** The fallback service, or {@code null} (see {@link #setFallback}). */
    public Service fallback() {
        return fallback;
    }

    /** Returns the service by name, or {@code null}. */
    public Service get(String name) {
        return services.get(name);
    }

    /** Dispatches a call to its service (never blocks; the service may answer later). */
    public void dispatch(ServiceCall call) {
        if (CONTROL.equals(call.service())) {
            if ("cancel".equals(call.op())) {
                boolean withdrawn = cancel(call.peer(), call.args(CancelArgs.class).callId());
                // Answered on the connection the call came on, so a reply sent before it arrives
                // first; a caller told "answered" waits for that reply instead of losing it.
                call.reply(new CancelReply(withdrawn), null);
            } else if (GONE.equals(call.op())) {
                try {
                    processGone(call.peer(), call.args(GoneArgs.class).pid());
                    call.reply(null, null);
                } catch (RuntimeException e) {
                    call.fail(new IllegalArgumentException("a gone notice needs {pid: a number}: " + e.getMessage()));
                }
            } else {
                call.fail(new Fault(ErrorCode.UNKNOWN_OPERATION, "unknown control operation " + call.op()
                        + " (known: cancel, gone)"));
            }
            return;
        }
        gate.readLock().lock();
        try {
            if (gone.contains(call.peer())) {
                call.fail(new IllegalStateException("process " + call.peer() + " is gone"));
                return;
            }
            dispatchTo(call);
        } finally {
            gate.readLock().unlock();
        }
    }

    private void dispatchTo(ServiceCall call) {
        Service s = services.get(call.service());
        if (s == null) {
            s = fallback;
        }
        if (s == null) {
            call.fail(new Fault(ErrorCode.NO_SUCH_SERVICE, "no service named " + call.service()));
            return;
        }
        CallKey key = new CallKey(call.peer(), call.callId());
        if (!call.isOneWay()) {
            open.put(key, call);
            call.onDone(() -> open.remove(key, call));
        }
        try {
            s.handle(call);
        } catch (RuntimeException e) {
            call.fail(e);
        } catch (Error e) {
            LOG.log(System.Logger.Level.ERROR, "service " + call.service() + " failed", e);
            call.fail(e);
        }
    }

    /** Whether a process was reported gone (its calls are refused). */
    public boolean isGone(String peer) {
        return gone.contains(peer);
    }

    /**
     * Withdraws an unanswered call.
     *
     * @return true if it was withdrawn; false if it was answered already
     */
    public boolean cancel(String peer, long callId) {
        ServiceCall c = open.remove(new CallKey(peer, callId));
        return c != null && c.cancel();
    }

    /**
     * A process under the child {@code peer} died (the child's {@code $ gone} notice): every
     * service releases what it held, and a worker's runtime tells its own parent in turn, whose
     * services saw that process's calls come through this worker.
     */
    public void processGone(String peer, long pid) {
        for (Service s : services.values()) {
            try {
                s.processGone(peer, pid);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "service failed to release process " + pid + " under " + peer, e);
            }
        }
        if (fallback instanceof ParentForwarder up) {
            up.passGoneUp(peer, pid, false);
        }
    }

    /**
     * A child process of this runtime died: {@link #peerGone} here, and in a worker's runtime a
     * {@code $ gone} notice to the parent, once the child's calls passed up there are withdrawn
     * or answered (so what they were granted up there is released too).
     *
     * @param peer the child's worker id
     * @param pid  its pid, or a negative number if it never ran (then nothing is passed up)
     */
    public void childGone(String peer, long pid) {
        peerGone(peer);
        if (pid > 0 && fallback instanceof ParentForwarder up) {
            up.passGoneUp(peer, pid, true);
        }
    }

    /** Withdraws every unanswered call of a gone process and tells every service. */
    public void peerGone(String peer) {
        gate.writeLock().lock();
        try {
            gone.add(peer);
        } finally {
            gate.writeLock().unlock();
        }
        for (Map.Entry<CallKey, ServiceCall> e : open.entrySet()) {
            if (e.getKey().peer().equals(peer) && open.remove(e.getKey(), e.getValue())) {
                e.getValue().cancel();
            }
        }
        for (Service s : services.values()) {
            try {
                s.peerGone(peer);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "service failed to release " + peer, e);
            }
        }
    }
}
