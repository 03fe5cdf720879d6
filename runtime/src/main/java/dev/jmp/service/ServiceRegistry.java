package dev.jmp.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    private record CallKey(String peer, long callId) {
    }

    /** Arguments of the {@code $ cancel} operation. */
    public record CancelArgs(long callId) {
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

    /** Returns the service by name, or {@code null}. */
    public Service get(String name) {
        return services.get(name);
    }

    /** Dispatches a call to its service (never blocks; the service may answer later). */
    public void dispatch(ServiceCall call) {
        if (CONTROL.equals(call.service())) {
            if ("cancel".equals(call.op())) {
                cancel(call.peer(), call.args(CancelArgs.class).callId());
            }
            return;
        }
        Service s = services.get(call.service());
        if (s == null) {
            call.fail(new IllegalArgumentException("no service named " + call.service()));
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

    /** Withdraws an unanswered call. */
    public void cancel(String peer, long callId) {
        ServiceCall c = open.remove(new CallKey(peer, callId));
        if (c != null) {
            c.cancel();
        }
    }

    /** Withdraws every unanswered call of a gone process and tells every service. */
    public void peerGone(String peer) {
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
