package dev.jmp.internal.supervisor;

import dev.jmp.internal.service.ServiceCall;
import dev.jmp.internal.wire.message.StatsReply;
import dev.jmp.internal.wire.message.WireMessage;
import dev.jmp.launch.LaunchedWorker;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A runtime without a hub or JVMs, for the handlers' and the handles' unit tests: it records what
 * is routed, scheduled and dispatched, routes only when told to, and keeps the clock of each
 * worker's last message as the test sets it. Scheduled and executed work waits until the test runs it.
 */
final class FakeRuntime implements HubHost, WorkerHost {

    final RuntimeSettings settings = new RuntimeSettings();
    final Map<String, WorkerHandle> workers = new LinkedHashMap<>();
    final Map<String, Long> lastHeard = new LinkedHashMap<>();
    final List<Object[]> routed = new ArrayList<>();
    final List<ServiceCall> dispatched = new ArrayList<>();
    final List<StatsReply> stats = new ArrayList<>();
    final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    boolean routable = true;
    boolean closed;
    boolean onThisHost;

    /** A worker of this runtime, launched as {@code process} (null: still waiting for a launch slot). */
    WorkerHandle worker(String id, LaunchedWorker process) {
        WorkerHandle w = new WorkerHandle(this, id, "nonce", WorkerOptions.DEFAULT);
        if (process != null) {
            w.attach(process);
        }
        workers.put(id, w);
        return w;
    }

    /** Runs what was scheduled or handed to the helper threads, including what that schedules, at most {@code n} jobs. */
    int runPending(int n) {
        int ran = 0;
        while (ran < n && !pending.isEmpty()) {
            pending.poll().run();
            ran++;
        }
        return ran;
    }

    /** Messages routed to a worker, in order. */
    List<WireMessage> routedTo(String id) {
        List<WireMessage> out = new ArrayList<>();
        for (Object[] r : routed) {
            if (r[0].equals(id)) {
                out.add((WireMessage) r[1]);
            }
        }
        return out;
    }

    @Override
    public WorkerHandle worker(String id) {
        return workers.get(id);
    }

    @Override
    public List<WorkerHandle> workers() {
        return List.copyOf(workers.values());
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean workersOnThisHost() {
        return onThisHost;
    }

    @Override
    public RuntimeSettings settings() {
        return settings;
    }

    @Override
    public long localSilenceMillis() {
        return settings.localSilenceMillis();
    }

    @Override
    public void schedule(Runnable r, long delayMillis) {
        pending.add(r);
    }

    @Override
    public void execute(Runnable r) {
        pending.add(r);
    }

    @Override
    public void dispatch(ServiceCall call) {
        dispatched.add(call);
    }

    @Override
    public void completeStats(StatsReply reply) {
        stats.add(reply);
    }

    @Override
    public boolean send(String peer, WireMessage m, List<byte[]> frames) {
        return route(peer, m, frames);
    }

    @Override
    public boolean route(String workerId, WireMessage m, List<byte[]> frames) {
        if (!routable) {
            return false;
        }
        routed.add(new Object[] {workerId, m, frames});
        return true;
    }

    @Override
    public long lastHeardMillis(String peer) {
        return lastHeard.getOrDefault(peer, 0L);
    }

    @Override
    public void noteFunction(ShippedFunction fn) {
    }

    @Override
    public void abandonLaunch(WorkerHandle w) {
    }

    /** A launched process that is alive until killed or terminated, and records the signal. */
    static final class FakeProcess implements LaunchedWorker {
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        volatile int signal;

        @Override
        public long pid() {
            return -1;
        }

        @Override
        public InputStream stdout() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public InputStream stderr() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public CompletableFuture<Integer> onExit() {
            return exit;
        }

        @Override
        public boolean isAlive() {
            return signal == 0;
        }

        @Override
        public void terminate() {
            signal = 15;
        }

        @Override
        public void kill() {
            signal = 9;
        }
    }
}
