package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.serial.Fault;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.service.LocalServiceClient;
import dev.jmp.internal.service.Service;
import dev.jmp.internal.service.ServiceCall;
import dev.jmp.internal.service.ServiceClient;
import dev.jmp.internal.supervisor.RuntimeMember;
import dev.jmp.internal.supervisor.Supervisor;
import dev.jmp.internal.supervisor.WorkerHandle;
import dev.jmp.spi.Daemons;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The manager service, hosted in the parent and registered as {@value #NAME}: it holds every
 * {@code Manager}'s shared objects and runs their operations, for the parent's own threads and
 * for workers over the wire alike. When a worker dies, every lock, rlock and semaphore it held is
 * given back and its parked calls are dropped; when the runtime stops, every manager shuts down
 * and parked calls fail instead of hanging.
 */
public final class ManagerService implements Service {

    /** The service's name in the registry. */
    public static final String NAME = "jmp.manager";

    /** The {@code k} of a {@code manager.start} that asks for the runtime's implicit manager. */
    public static final long IMPLICIT = 1;

    private static final int FUNCTION_CACHE = 256;
    private String implicitId;
    private final Map<String, ManagerState> managers = new ConcurrentHashMap<>();
    private final Set<String> shutDown = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    private final ScheduledExecutorService timer = Daemons.timer("jmp-manager-timer");
    private final Supervisor supervisor;
    private final Map<ByteBuffer, Object> functions = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Object> eldest) {
            return size() > FUNCTION_CACHE;
        }
    };

    /** The host the shared objects see: this service's timer, names and decoding. */
    private final ManagedHost host = new ManagedHost() {
        @Override
        public ScheduledFuture<?> schedule(long millis, Runnable action) {
            return timer.schedule(action, millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public ScheduledFuture<?> scheduleMicros(long micros, Runnable action) {
            return timer.schedule(action, micros, TimeUnit.MICROSECONDS);
        }

        @Override
        public void remember(String peer) {
            ManagerService.this.remember(peer);
        }

        @Override
        public String describe(Owner owner) {
            return ManagerService.this.describe(owner);
        }

        @Override
        public ClassLoader loader() {
            return ManagerService.this.loader();
        }

        @Override
        public Object function(byte[] bytes) {
            return ManagerService.this.function(bytes);
        }
    };

    private ManagerService(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    /** Returns the manager service of a running supervisor (a runtime's), registering it on first use. */
    public static ManagerService in(Supervisor s) {
        synchronized (ManagerService.class) {
            Service existing = s.services().get(NAME);
            if (existing instanceof ManagerService m) {
                return m;
            }
            ManagerService m = new ManagerService(s);
            s.services().register(NAME, m);
            s.addMember(RuntimeMember.daemon(m::stop));
            return m;
        }
    }

    /**
     * The runtime's implicit manager, started on first use: it holds the shared objects made
     * without a {@code Manager} ({@code Shared.lock()}, a value's {@code getLock()} ...). A
     * worker reaches the same one by sending {@code manager.start} with {@code k} =
     * {@value #IMPLICIT}, so every process of the runtime shares it.
     *
     * @return its id
     */
    public synchronized String implicit() {
        if (implicitId == null || !managers.containsKey(implicitId)) {
            implicitId = start();
        }
        return implicitId;
    }

    /** Creates a manager and returns its id. */
    public String start() {
        String id = "m" + ids.incrementAndGet() + "-" + token;
        managers.put(id, new ManagerState(host, id));
        ManagerHomes.add(id, this);
        return id;
    }

    @Override
    public void handle(ServiceCall call) {
        ManagerRequest r = call.args(ManagerRequest.class);
        ManagerOp op = ManagerOp.ofWire(call.op());
        if (op == null) {
            throw fault(ErrorCode.UNKNOWN_OPERATION, "unknown manager operation " + call.op()
                    + " (do parent and worker run the same jmp version?)");
        }
        Service parent = supervisor.services().fallback();
        if (op == ManagerOp.MANAGER_START && r.k() == IMPLICIT && parent != null) {
            // In a worker's runtime the implicit manager is the top runtime's, as the worker's own is.
            parent.handle(call);
            return;
        }
        if (op == ManagerOp.MANAGER_START) {
            call.reply(new ManagerReply(0, true, r.k() == IMPLICIT ? implicit() : start()), null);
            return;
        }
        ManagerState m = managers.get(r.m());
        ManagerService home = m == null ? ManagerHomes.of(r.m()) : this;
        if (home != null && home != this) {
            home.handle(call); // another runtime of this JVM hosts it (a cluster's workers use the default runtime's)
            return;
        }
        if (m == null && parent != null && !shutDown.contains(r.m()) && home == null) {
            parent.handle(call); // an ancestor's manager (the notebook's %%shared objects): ask up the tree
            return;
        }
        if (m == null) {
            throw fault(ErrorCode.MANAGER_CLOSED, closedMessage(r.m()));
        }
        if (op == ManagerOp.MANAGER_SHUTDOWN) {
            shutdown(r.m());
            call.reply(ManagerReply.NONE, null);
        } else if (op.creates()) {
            m.create(op, call, r);
        } else {
            Managed o = m.get(r.o());
            if (o == null) {
                throw fault(ErrorCode.MANAGER_CLOSED, managers.containsKey(r.m())
                        ? "shared object " + r.o() + " does not exist in manager " + r.m()
                        : closedMessage(r.m()));
            }
            synchronized (o.monitor()) {
                o.handle(op, call, r);
            }
        }
    }

    private static Fault fault(ErrorCode code, String message) {
        return new Fault(code, message);
    }

    private String closedMessage(String id) {
        return shutDown.contains(id) ? "manager " + id + " was shut down: its shared objects are gone"
                : "manager " + id + " is not running in this runtime (the runtime that hosted it was shut down)";
    }

    /** Shuts a manager down: parked calls fail, later calls get a clear error. */
    public void shutdown(String id) {
        ManagerState m = managers.remove(id);
        if (m != null) {
            shutDown.add(id);
            m.close(fault(ErrorCode.MANAGER_CLOSED, closedMessage(id)));
        }
    }

    private void stop() {
        for (String id : managers.keySet()) {
            shutdown(id);
        }
        ManagerHomes.removeAll(this);
        timer.shutdownNow();
    }

    @Override
    public void peerGone(String peer) {
        for (ManagerState m : managers.values()) {
            m.gone(Owner.through(peer));
        }
        pids.remove(peer);
    }

    @Override
    public void processGone(String peer, long pid) {
        for (ManagerState m : managers.values()) {
            m.gone(Owner.process(peer, pid));
        }
    }

    /** Notes a caller's pid while it is alive, so a dead holder can be named by pid. */
    void remember(String peer) {
        if (pids.containsKey(peer)) {
            return;
        }
        if (LocalServiceClient.PARENT.equals(peer)) {
            pids.put(peer, ProcessHandle.current().pid());
            return;
        }
        for (WorkerHandle w : supervisor.workers()) {
            if (w.id().equals(peer)) {
                pids.put(peer, w.pid());
            }
        }
    }

    /** Names a holder for a dead-holder report: worker id, pid and thread (none for a whole process, thread -1). */
    private String describe(Owner o) {
        Long peerPid = pids.get(o.peer());
        long pid = o.thread() > 0 ? ManagerRequest.pidOf(o.thread()) : 0;
        long thread = ManagerRequest.threadOf(o.thread());
        String threadText = thread <= 0 ? "" : ", thread " + thread;
        boolean parent = LocalServiceClient.PARENT.equals(o.peer());
        if (pid > 0 && peerPid != null && pid != peerPid) {
            // A grandchild's calls come through its parent's connection (or the launcher's pid
            // is not the JVM's): name both, each is true.
            return (parent ? "this process" : "worker " + o.peer()) + " or a process under it (pid " + pid
                    + threadText + "; " + (parent ? "this process" : "the worker") + " is pid " + peerPid + ")";
        }
        Long shown = pid > 0 ? Long.valueOf(pid) : peerPid;
        return (parent ? "the parent process" : "worker " + o.peer())
                + " (pid " + (shown == null ? "?" : shown) + threadText + ")";
    }

    /**
     * Decodes a shipped function. The same bytes (the same lambda with the same captures) decode
     * once and are reused, which makes a hot {@code merge} cheap; a function must therefore not
     * rely on private state of its own between calls, as with {@code ConcurrentHashMap.compute}.
     */
    private Object function(byte[] bytes) {
        ByteBuffer key = ByteBuffer.wrap(bytes);
        synchronized (functions) {
            Object f = functions.get(key);
            if (f != null) {
                return f;
            }
        }
        Object f = Values.decode(bytes, loader());
        synchronized (functions) {
            functions.put(key, f);
        }
        return f;
    }

    ClassLoader loader() {
        return supervisor.settings().resultLoader();
    }

    /** The hosting runtime's own service client, which the parent's proxies call through. */
    ServiceClient localClient() {
        return supervisor.localServices();
    }
}
