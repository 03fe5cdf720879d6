package dev.jmp.internal.supervisor;

import dev.jmp.internal.service.ServiceCall;
import dev.jmp.internal.wire.Hub;
import dev.jmp.internal.wire.Inbound;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.classes.ClassServer;
import dev.jmp.internal.wire.message.ClassReply;
import dev.jmp.internal.wire.message.ClassRequest;
import dev.jmp.internal.wire.message.Heartbeat;
import dev.jmp.internal.wire.message.Hello;
import dev.jmp.internal.wire.message.ServiceBatch;
import dev.jmp.internal.wire.message.ServiceReply;
import dev.jmp.internal.wire.message.ServiceRequest;
import dev.jmp.internal.wire.message.StatsReply;
import dev.jmp.internal.wire.message.TaskOutcome;
import dev.jmp.internal.wire.message.TaskResults;
import java.util.ArrayList;
import java.util.List;

/**
 * What the parent does with each message a worker sends: connect it, route its results to its
 * owner, serve its classes and service calls, and watch its heartbeats.
 */
final class HubHandlers {

    private static final System.Logger LOG = System.getLogger("dev.jmp.supervisor");
    private final HubHost host;

    HubHandlers(HubHost host) {
        this.host = host;
    }

    /** Has {@code hub} hand each kind of message to its handler. */
    void register(Hub hub) {
        hub.on(Hello.class, this::onHello);
        hub.on(Heartbeat.class, m -> { });
        hub.on(TaskResults.class, this::onResults);
        hub.on(ClassRequest.class, m -> host.execute(() -> serveClass(m)));
        hub.on(ServiceRequest.class, this::onServiceRequest);
        hub.on(ServiceBatch.class, this::onServiceBatch);
        hub.on(StatsReply.class, m -> host.completeStats(m.body()));
    }

    /** A worker's hello: the first one starts its connection, repeats and strangers are ignored. */
    void onHello(Inbound<Hello> m) {
        WorkerHandle w = host.worker(m.peer());
        if (w != null && w.startConnecting()) {
            w.reportedJvmPid(m.body().pid());
            connect(w, 0);
        }
    }

    /** A worker's service call, answered on the route it came by. */
    void onServiceRequest(Inbound<ServiceRequest> m) {
        ServiceRequest r = m.body();
        host.dispatch(new ServiceCall(m.peer(), r.callId(), r.service(), r.op(), r.args(),
                m.data(), r.oneWay(), (result, error, frames) -> host.send(m.peer(),
                new ServiceReply(r.callId(), result == null ? null : WireCodec.toTree(result), error), frames)));
    }

    /**
     * Marks a worker connected once the hub can route to it: its hello comes up one connection,
     * and the down connection the parent answers on may still be finishing its handshake.
     */
    private void connect(WorkerHandle w, int attempt) {
        if (host.isClosed() || w.exited().isDone()) {
            return;
        }
        boolean routed;
        try {
            routed = host.send(w.id(), new Heartbeat(System.currentTimeMillis()), List.of());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot reach worker " + w, e);
            w.markLost("could not be answered (" + e.getMessage() + ")");
            return;
        }
        if (routed) {
            w.markConnected();
        } else if (attempt < 2000) {
            host.schedule(() -> connect(w, attempt + 1), 2);
        } else {
            w.markLost("said hello but could not be answered for " + attempt * 2 + " ms");
        }
    }

    /** Hands outcomes to the worker's owner; a task that printed waits for its output first. */
    void onResults(Inbound<TaskResults> m) {
        WorkerHandle w = host.worker(m.peer());
        if (w == null) {
            return;
        }
        List<TaskOutcome> now = new ArrayList<>(m.body().outcomes().size());
        for (TaskOutcome o : m.body().outcomes()) {
            if (o.outputSync()) {
                w.output().sync().await(o.taskId(), () -> {
                    WorkerOwner owner = w.owner();
                    if (owner != null) {
                        owner.onOutcome(w, o, m.data());
                    }
                });
            } else {
                now.add(o);
            }
        }
        WorkerOwner owner = w.owner();
        if (owner != null && !now.isEmpty()) {
            owner.onOutcomes(w, now, m.data());
        }
    }

    void onServiceBatch(Inbound<ServiceBatch> m) {
        for (ServiceCall c : BatchUnpacker.calls(m.peer(), m.body(), m.data())) {
            host.dispatch(c);
        }
    }

    private void serveClass(Inbound<ClassRequest> m) {
        ClassRequest r = m.body();
        ClassServer.Served s = host.settings().classServer().serve(r.name(), r.resource(), r.digestFirst());
        host.send(m.peer(), new ClassReply(r.requestId(), r.name(), s.found(), s.digest()),
                s.bytes() == null ? List.of() : List.of(s.bytes()));
    }

    /**
     * Sends every connected worker a heartbeat, and kills workers silent for too long and workers
     * that did not connect in time (so whoever waits for them learns of it from their exit). The
     * start timeout runs from the launch, not from the wait for a launch slot nor from a batch
     * scheduler's queue ({@link WorkerHandle#startClockMillis}), and on this host it
     * measures a start that makes no progress ({@link StartWatch}). A live worker on
     * this host is not killed for heartbeat silence: its exit is seen directly, and silence there
     * is load; only the long local bound applies ({@link RuntimeSettings#localSilenceMillis()}).
     */
    void heartbeat() {
        long now = System.currentTimeMillis();
        RuntimeSettings settings = host.settings();
        for (WorkerHandle w : host.workers()) {
            if (!w.ready().isDone()) {
                long launched = w.startClockMillis(now);
                if (launched > 0 && w.isAlive()) {
                    long cpu = host.workersOnThisHost() ? w.cpuNanos() : -1;
                    String stuck = w.startWatch().check(now, launched, settings.startTimeoutMillis(),
                            settings.localSilenceMillis(), cpu);
                    if (stuck != null) {
                        w.markLost(stuck);
                    }
                }
                continue;
            }
            w.send(new Heartbeat(now), List.of());
            String silent = SilenceRule.lostReason(now, host.lastHeardMillis(w.id()),
                    host.workersOnThisHost() && w.isAlive(), settings);
            if (silent != null) {
                w.markLost(silent);
            }
        }
    }

    /** Messages from a worker went missing (a gap in its sequence numbers): results may be lost. */
    void onGap(String peer, long missing) {
        WorkerHandle w = host.worker(peer);
        if (w != null) {
            LOG.log(System.Logger.Level.WARNING, missing + " messages from worker " + w + " were lost in transit");
            w.markLost("lost " + missing + " of its messages in transit");
        }
    }
}
