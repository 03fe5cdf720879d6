package dev.jmp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.Jmp;
import dev.jmp.Queue;
import dev.jmp.WorkerTracking;
import dev.jmp.function.SerialCallable;
import dev.jmp.internal.classes.DefaultClassSource;
import dev.jmp.internal.serial.ValueList;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.service.QueueService;
import dev.jmp.internal.supervisor.ShippedFunction;
import dev.jmp.internal.supervisor.DefaultSupervisor;
import dev.jmp.internal.supervisor.Supervisor;
import dev.jmp.internal.supervisor.WorkerClasspath;
import dev.jmp.internal.wire.message.ClassReply;
import dev.jmp.internal.wire.message.ClassRequest;
import dev.jmp.internal.wire.message.Heartbeat;
import dev.jmp.internal.wire.message.Hello;
import dev.jmp.internal.wire.message.RunTasks;
import dev.jmp.internal.wire.message.ServiceRequest;
import dev.jmp.internal.wire.message.StatsReply;
import dev.jmp.internal.wire.message.StatsRequest;
import dev.jmp.internal.wire.message.TaskKind;
import dev.jmp.internal.wire.message.TaskResults;
import dev.jmp.internal.wire.message.TaskSpec;
import dev.jmp.internal.wire.message.WireMessage;
import dev.jmp.internal.worker.WorkerBootstrap;
import dev.jmp.internal.worker.WorkerMain;
import dev.jmp.launch.ExitCodes;
import dev.jmp.launch.LaunchSpec;
import dev.jmp.launch.LaunchedWorker;
import dev.jmp.launch.LocalLauncher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * Unsigned, forged and replayed frames sent to the parent's hub and to a worker are dropped and
 * counted, and nothing they ask for runs.
 */
@Timeout(300)
class ForgedFrameIT extends WorkerTracking {

    private static final WireCodec CODEC = WireCodec.standard();

    private static List<byte[]> frames(WireKey key, Header h, WireMessage body, List<byte[]> data) {
        List<byte[]> f = new ArrayList<>();
        f.add(null);
        f.add(CODEC.encodeHeader(h));
        f.add(CODEC.encodeBody(body));
        f.addAll(data);
        f.set(0, new FrameSigner(key).sign(f, 1));
        return f;
    }

    private static void send(ZMQ.Socket s, byte[] routing, List<byte[]> frames) {
        if (routing != null) {
            s.sendMore(routing);
        }
        for (int i = 0; i < frames.size(); i++) {
            s.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    @Test
    void forgedFramesToTheParentAreDroppedCountedAndNeverRun() throws Exception {
        Queue<String> q = new Queue<>();
        Supervisor sup = DefaultSupervisor.get();
        Hub hub = sup.hub();
        long before;
        byte[] item = Values.encode("forged", "item");
        ServiceRequest put = new ServiceRequest(1, QueueService.NAME, "put",
                WireCodec.toTree(new QueueService.Op(1, -1)), true);
        try (ZContext ctx = new ZContext()) {
            ZMQ.Socket raw = ctx.createSocket(SocketType.DEALER);
            raw.setHandshakeIvl(1000);
            hub.admit("w666-intruder").configureClient(raw);
            raw.connect(hub.endpoint());
            HubLinkTest.establish(raw, sup.wireKey(), "w666-intruder", hub);
            before = hub.counters().dropped();
            List<byte[]> unsigned = frames(WireKey.random(), new Header("ServiceRequest", 1, "w666-intruder", "p"), put,
                    List.of(item));
            unsigned.set(0, "no signature".getBytes(StandardCharsets.UTF_8));
            send(raw, null, unsigned);
            send(raw, null, frames(WireKey.random(), new Header("ServiceRequest", 2, "w666-intruder", "p"), put,
                    List.of(item)));
            List<byte[]> tampered = frames(sup.wireKey(), new Header("ServiceRequest", 3, "w666-intruder", "p"), put,
                    List.of(item));
            tampered.set(3, Values.encode("tampered", "item"));
            send(raw, null, tampered);
            List<byte[]> valid = frames(sup.wireKey(), new Header("Heartbeat", 10, "w666-intruder", "p"),
                    new dev.jmp.internal.wire.message.Heartbeat(1), List.of());
            send(raw, null, valid);
            send(raw, null, valid);
            send(raw, null, frames(sup.wireKey(), new Header("ServiceRequest", 4, "w666-intruder", "p"), put,
                    List.of(item)));
            long deadline = System.currentTimeMillis() + 60_000;
            while (hub.counters().dropped() - before < 5 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
        }
        WireCounters c = hub.counters();
        assertEquals(5, c.dropped() - before, c.toString());
        assertTrue(c.droppedUnsigned() >= 1 && c.droppedBadSignature() >= 2 && c.droppedStale() >= 2, c.toString());
        assertTrue(q.empty(), "no forged put reached the queue");
    }

    @Test
    void forgedFramesToAWorkerAreDroppedCountedAndNeverRun(@TempDir Path dir) throws Exception {
        WireKey key = WireKey.random();
        Path marker = dir.resolve("ran.txt");
        String path = marker.toString();
        SerialCallable<Integer> task = () -> {
            Files.writeString(Path.of(path), "ran\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return 1;
        };
        ShippedFunction fn = ShippedFunction.of(task, "task");
        List<byte[]> args = new ValueList.Writer().add(ValueList.VALUE, Values.encode(null, "args")).frames();
        List<byte[]> data = new ArrayList<>();
        data.add(fn.bytes());
        data.addAll(args);
        RunTasks run = new RunTasks(List.of(new TaskSpec(1, 1, 0, 1, fn.key(), 0, 1, TaskKind.CALL, false)));
        DefaultClassSource classes = new DefaultClassSource();
        try (ZContext ctx = new ZContext()) {
            ZMQ.Socket up = parentRouter(ctx, false);
            ZMQ.Socket router = parentRouter(ctx, true);
            String id = "w1-forged";
            LaunchedWorker worker = launchWorker(id, key, up, router, 500, 30_000);
            try {
                byte[] to = id.getBytes(StandardCharsets.UTF_8);
                FrameSigner signer = new FrameSigner(key);
                // The parent numbers its messages to a worker 1, 2, 3...: forged ones use numbers
                // the worker never accepts, valid ones the next number.
                long[] seq = {1};
                java.util.function.Function<Class<?>, Inbound<?>> await = type -> receiveUntil(up, router, signer, type,
                        classes, key, id, seq);
                assertNotNull(await.apply(Hello.class));

                List<byte[]> unsigned = frames(key, new Header("RunTasks", 5, "p", id), run, data);
                unsigned.set(0, new byte[7]);
                sendOnceRoutable(router, to, unsigned);
                send(router, to, frames(WireKey.random(), new Header("RunTasks", 6, "p", id), run, data));
                send(router, to, frames(key, new Header("RunTasks", 7, "p", "w2-other"), run, data));
                List<byte[]> good = frames(key, new Header("RunTasks", 1, "p", id), run, data);
                send(router, to, good);
                assertNotNull(await.apply(TaskResults.class), "the one valid task ran");
                send(router, to, good);
                send(router, to, frames(key, new Header("RunTasks", 1, "p", id), new RunTasks(List.of()), List.of()));
                send(router, to, frames(key, new Header("StatsRequest", ++seq[0], "p", id), new StatsRequest(9), List.of()));
                StatsReply stats = (StatsReply) await.apply(StatsReply.class).body();
                Map<String, Long> w = stats.wire();
                assertEquals(1L, w.get("droppedUnsigned"), w.toString());
                assertEquals(1L, w.get("droppedBadSignature"), w.toString());
                assertEquals(1L, w.get("droppedMisrouted"), w.toString());
                assertEquals(2L, w.get("droppedStale"), w.toString());
                assertEquals(List.of("ran"), Files.readAllLines(marker), "only the valid task ran, once");
                assertEquals(0L, w.get("missing"), w.toString());
                // A message numbered past the next one means messages were lost (a task, maybe):
                // the worker leaves with its own exit code, so the parent fails or retries its tasks.
                seq[0] += 2;
                send(router, to, frames(key, new Header("Heartbeat", seq[0], "p", id), new Heartbeat(0), List.of()));
                assertEquals(ExitCodes.MESSAGES_LOST, worker.onExit().get());
            } finally {
                worker.kill();
                worker.onExit().get();
            }
        }
    }

    @Test
    void aWorkerWhoseParentFallsSilentExitsWithItsOwnCode() throws Exception {
        WireKey key = WireKey.random();
        try (ZContext ctx = new ZContext()) {
            ZMQ.Socket up = parentRouter(ctx, false);
            ZMQ.Socket router = parentRouter(ctx, true);
            String id = "w1-silent";
            LaunchedWorker worker = launchWorker(id, key, up, router, 200, 1500);
            try {
                long[] seq = {1};
                assertNotNull(receiveUntil(up, router, new FrameSigner(key), Hello.class, new DefaultClassSource(), key,
                        id, seq));
                sendOnceRoutable(router, id.getBytes(StandardCharsets.UTF_8),
                        frames(key, new Header("Heartbeat", 1, "p", id), new Heartbeat(1), List.of()));
                // Then nothing: the worker leaves after its heartbeat timeout, with a code that
                // tells this exit apart from a task's System.exit(0).
                assertEquals(ExitCodes.PARENT_SILENT, worker.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS));
            } finally {
                worker.kill();
                worker.onExit().get();
            }
        }
    }

    /** A parent-side ROUTER socket on a free loopback port, as the supervisor's hub binds them. */
    private static ZMQ.Socket parentRouter(ZContext ctx, boolean mandatory) {
        ZMQ.Socket s = ctx.createSocket(SocketType.ROUTER);
        s.setHandshakeIvl(1000);
        if (mandatory) {
            s.setRouterMandatory(true);
        }
        s.bind("tcp://127.0.0.1:*");
        return s;
    }

    /**
     * Launches a real worker JVM that connects to the given parent sockets.
     *
     * @param heartbeatMillis how often the worker expects to hear from its parent
     * @param heartbeatTimeoutMillis how long a silent parent is tolerated (this test's parent is on
     *                               this host, so it is also the local silence bound)
     */
    private static LaunchedWorker launchWorker(String id, WireKey key, ZMQ.Socket up, ZMQ.Socket router,
                                               int heartbeatMillis, int heartbeatTimeoutMillis) throws Exception {
        WorkerBootstrap boot = new WorkerBootstrap(id, up.getLastEndpoint(), router.getLastEndpoint(), key.toHex(),
                ProcessHandle.current().pid(), "00112233", heartbeatMillis, heartbeatTimeoutMillis,
                heartbeatTimeoutMillis, List.of(), null, null);
        return new LocalLauncher().launch(new LaunchSpec(id, Path.of(System.getProperty("java.home")),
                List.of("-XX:+UseSerialGC"), WorkerClasspath.entries(), WorkerMain.class.getName(), Map.of(), null,
                (WireCodec.gson().toJson(boot) + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static void sendOnceRoutable(ZMQ.Socket router, byte[] to, List<byte[]> frames) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            router.getEvents();
            try {
                if (router.sendMore(to)) {
                    send(router, null, frames);
                    return;
                }
            } catch (org.zeromq.ZMQException e) {
                Thread.sleep(2);
            }
        }
        throw new AssertionError("no route to the worker");
    }

    /** Plays a minimal parent: answers class requests, returns the first message of {@code type}. */
    private static Inbound<?> receiveUntil(ZMQ.Socket up, ZMQ.Socket router, FrameSigner signer, Class<?> type,
                                           DefaultClassSource classes, WireKey key, String id, long[] seq) {
        up.setReceiveTimeOut(30_000);
        while (true) {
            ZMsg msg = ZMsg.recvMsg(up);
            if (msg == null) {
                throw new AssertionError("the worker did not send " + type.getSimpleName());
            }
            List<byte[]> f = new ArrayList<>();
            for (ZFrame z : msg) {
                f.add(z.getData());
            }
            assertTrue(signer.verify(f.get(1), f, 2), "worker frames are signed");
            Header h = CODEC.decodeHeader(f.get(2));
            WireMessage body = CODEC.decodeBody(CODEC.typeOf(h.type()), f.get(3));
            if (body instanceof ClassRequest r) {
                byte[] b = r.resource() ? classes.resourceBytes(r.name()) : classes.classBytes(r.name());
                send(router, id.getBytes(StandardCharsets.UTF_8), frames(key, new Header("ClassReply", ++seq[0], "p", id),
                        new ClassReply(r.requestId(), r.name(), b != null, null), b == null ? List.of() : List.of(b)));
                continue;
            }
            if (type.isInstance(body)) {
                return new Inbound<>(h.from(), h, body, f.subList(4, f.size()));
            }
        }
    }
}
