package dev.jmp.internal.worker;

import dev.jmp.error.RemoteException;
import dev.jmp.internal.serial.Errors;
import dev.jmp.internal.service.ChannelService;
import dev.jmp.internal.service.LocalServiceClient;
import dev.jmp.internal.service.ServiceClient;
import dev.jmp.internal.service.ServiceRegistry;
import dev.jmp.internal.service.ServiceResult;
import dev.jmp.internal.wire.FrameChannel;
import dev.jmp.internal.wire.Hub;
import dev.jmp.internal.wire.Inbound;
import dev.jmp.internal.wire.Link;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.wire.WireKey;
import dev.jmp.internal.wire.message.WireMessage;
import dev.jmp.internal.wire.message.ServiceBatch;
import dev.jmp.internal.wire.message.ServiceEvent;
import dev.jmp.internal.wire.message.ServiceReply;
import dev.jmp.internal.wire.message.ServiceRequest;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A worker's service client: calls travel to the parent as {@link ServiceRequest}s. After a few
 * calls it opens a direct {@link FrameChannel} to the parent ({@link ChannelService}) and sends
 * calls there, about three times faster than through JeroMQ; one-way messages stay on JeroMQ,
 * where they are batched and ordered with task results.
 */
final class WireServiceClient implements ServiceClient {

    /** Calls on the JeroMQ route before a channel is opened: short-lived workers never need one. */
    private static final int CHANNEL_AFTER_CALLS = 8;
    private final Link link;
    private final String selfId;
    private final WireKey key;
    private final Object channelLock = new Object();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong oneWaySent = new AtomicLong();
    private final AtomicLong oneWayHandled = new AtomicLong();
    private final Set<Long> channelCalls = ConcurrentHashMap.newKeySet();
    private volatile FrameChannel channel;
    /** The channel for calls answered at once: one caller at a time writes and reads its reply. */
    private volatile FrameChannel quick;
    private final java.util.concurrent.locks.ReentrantLock quickLock = new java.util.concurrent.locks.ReentrantLock();
    private volatile boolean channelFailed;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Inbound<ServiceReply>>> pending = new ConcurrentHashMap<>();
    private final Map<String, List<BiConsumer<String, ServiceResult>>> listeners = new ConcurrentHashMap<>();

    WireServiceClient(Link link, String selfId, WireKey key) {
        this.link = link;
        this.selfId = selfId;
        this.key = key;
        link.on(ServiceReply.class, m -> {
            CompletableFuture<Inbound<ServiceReply>> f = pending.remove(m.body().callId());
            if (f != null) {
                f.complete(m);
            }
        });
        link.on(ServiceEvent.class, m -> {
            for (BiConsumer<String, ServiceResult> l : listeners.getOrDefault(m.body().service(), List.of())) {
                l.accept(m.body().topic(), new ServiceResult(m.body().payload(), m.data()));
            }
        });
    }

    private static final int BATCH_REQUESTS = 512;
    private static final long BATCH_BYTES = 1 << 20;
    private static final long BATCH_DELAY_NANOS = 1_000_000;
    private static final java.util.concurrent.ScheduledExecutorService FLUSHER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jmp-service-flush");
                t.setDaemon(true);
                return t;
            });
    private final Object batchLock = new Object();
    private List<ServiceRequest> batch = new java.util.ArrayList<>();
    private List<Integer> batchCounts = new java.util.ArrayList<>();
    private List<Integer> batchRepeats = new java.util.ArrayList<>();
    private List<byte[]> batchFrames = new java.util.ArrayList<>();
    private long batchBytes;
    private int batchCalls;

    @Override
    public void flush() {
        synchronized (batchLock) {
            if (batch.isEmpty()) {
                return;
            }
            ServiceBatch message = new ServiceBatch(batch, batchCounts, batchRepeats);
            List<byte[]> frames = batchFrames;
            batch = new java.util.ArrayList<>();
            batchCounts = new java.util.ArrayList<>();
            batchRepeats = new java.util.ArrayList<>();
            batchFrames = new java.util.ArrayList<>();
            batchBytes = 0;
            batchCalls = 0;
            // Sent under the lock, so batches leave in the order they were filled.
            link.send(message, frames);
        }
    }

    @Override
    public ServiceResult call(String service, String op, Object args, List<byte[]> frames) throws InterruptedException {
        flush();
        FrameChannel fast = channel(service);
        long sentBefore = oneWaySent.get();
        long id = ids.incrementAndGet();
        CompletableFuture<Inbound<ServiceReply>> f = new CompletableFuture<>();
        pending.put(id, f);
        ServiceRequest request = new ServiceRequest(id, service, op, args == null ? null : WireCodec.toTree(args), false);
        if (fast != null) {
            channelCalls.add(id);
            if (!fast.send(request, frames)) {
                channelCalls.remove(id);
                fast = null;
            }
        }
        if (fast == null) {
            link.send(request, frames);
        }
        Inbound<ServiceReply> reply;
        try {
            reply = f.get();
        } catch (InterruptedException e) {
            if (withdraw(id, fast)) {
                pending.remove(id);
                channelCalls.remove(id);
                throw e;
            }
            // Answered before the withdrawal reached the parent: the reply is on its way and
            // must not be lost (an item taken from a queue, a lock granted). The flag stays set.
            Thread.currentThread().interrupt();
            try {
                reply = LocalServiceClient.uninterruptibly(f);
            } catch (ExecutionException x) {
                channelCalls.remove(id);
                throw new IllegalStateException(x.getCause());
            }
        } catch (ExecutionException e) {
            channelCalls.remove(id);
            throw new IllegalStateException(e.getCause());
        }
        channelCalls.remove(id);
        if (fast == null) {
            // A reply on the JeroMQ route proves that every one-way message sent before the call
            // was handled, so calls may take the channel again without overtaking them.
            oneWayHandled.accumulateAndGet(sentBefore, Math::max);
        }
        if (reply.body().error() != null) {
            throw Errors.toException(reply.body().error());
        }
        return new ServiceResult(reply.body().result(), reply.data());
    }

    @Override
    public ServiceResult callQuick(String service, String op, Object args, List<byte[]> frames)
            throws InterruptedException {
        flush();
        FrameChannel q = channel(service) == null ? null : quick;
        if (q == null || q.isClosed() || !quickLock.tryLock()) {
            return call(service, op, args, frames);
        }
        try {
            long id = ids.incrementAndGet();
            if (!q.send(new ServiceRequest(id, service, op, args == null ? null : WireCodec.toTree(args), false),
                    frames)) {
                throw new IllegalStateException("the service channel to the parent closed");
            }
            Inbound<? extends WireMessage> m;
            try {
                m = q.receive();
            } catch (IOException e) {
                q.close();
                throw new IllegalStateException("the service channel to the parent broke: " + e.getMessage(), e);
            }
            if (m == null || !(m.body() instanceof ServiceReply r) || r.callId() != id) {
                q.close();
                throw new IllegalStateException("the service channel to the parent closed");
            }
            if (r.error() != null) {
                throw Errors.toException(r.error());
            }
            return new ServiceResult(r.result(), m.data());
        } finally {
            quickLock.unlock();
        }
    }

    /**
     * Withdraws a call and learns whether it was still unanswered, waiting (uninterruptibly) for
     * the parent's answer. The withdrawal takes the call's own route, so it cannot overtake it,
     * and is answered on it, after any reply sent before.
     */
    private boolean withdraw(long callId, FrameChannel route) {
        long id = ids.incrementAndGet();
        CompletableFuture<Inbound<ServiceReply>> f = new CompletableFuture<>();
        pending.put(id, f);
        ServiceRequest cancel = new ServiceRequest(id, ServiceRegistry.CONTROL, "cancel",
                WireCodec.toTree(new ServiceRegistry.CancelArgs(callId)), false);
        boolean sent = false;
        if (route != null) {
            channelCalls.add(id);
            sent = route.send(cancel, List.of());
            if (!sent) {
                channelCalls.remove(id);
            }
        }
        if (!sent) {
            link.send(cancel, List.of());
        }
        try {
            Inbound<ServiceReply> answer = LocalServiceClient.uninterruptibly(f);
            ServiceRegistry.CancelReply r = answer.body().result() == null ? null
                    : WireCodec.fromTree(answer.body().result(), ServiceRegistry.CancelReply.class);
            return r == null || r.withdrawn();
        } catch (ExecutionException | RuntimeException e) {
            return true;
        } finally {
            channelCalls.remove(id);
        }
    }

    /**
     * The direct channel to use for a call, or null for the JeroMQ route: while one-way messages
     * (which travel on JeroMQ) may still be unhandled in the parent, a call on another connection
     * could overtake them, so it takes their route.
     */
    private FrameChannel channel(String service) {
        if (ChannelService.NAME.equals(service) || oneWaySent.get() != oneWayHandled.get()) {
            return null;
        }
        FrameChannel c = channel;
        if (c != null && !c.isClosed()) {
            return c;
        }
        if (c != null || channelFailed || calls.incrementAndGet() < CHANNEL_AFTER_CALLS) {
            return null;
        }
        synchronized (channelLock) {
            if (channel == null && !channelFailed) {
                channel = openChannel();
            }
            return channel;
        }
    }

    /** Opens the channel (interrupts are kept for later); null if it cannot, for good. */
    private FrameChannel openChannel() {
        boolean interrupted = Thread.interrupted();
        try {
            FrameChannel c = connect();
            if (c == null) {
                return null;
            }
            Thread reader = new Thread(() -> read(c), "jmp-service-channel");
            reader.setDaemon(true);
            reader.start();
            quick = connect();
            return c;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private FrameChannel connect() {
        boolean interrupted = false;
        Socket socket = null;
        try {
            ServiceResult offer;
            while (true) {
                try {
                    offer = call(ChannelService.NAME, "open", null, List.of());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            interrupted |= Thread.interrupted();
            ChannelService.Offer o = offer.as(ChannelService.Offer.class);
            socket = new Socket();
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), o.port()), 10_000);
            byte[] nonce = o.nonce().getBytes(StandardCharsets.UTF_8);
            DataOutputStream hello = new DataOutputStream(socket.getOutputStream());
            hello.writeInt(nonce.length);
            hello.write(nonce);
            hello.flush();
            return new FrameChannel(socket, selfId, Hub.PARENT_ID, key, WireCodec.standard());
        } catch (IOException | RuntimeException e) {
            channelFailed = true;
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing more to release
                }
            }
            return null;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void read(FrameChannel c) {
        try {
            Inbound<? extends WireMessage> m;
            while ((m = c.receive()) != null) {
                if (m.body() instanceof ServiceReply r) {
                    CompletableFuture<Inbound<ServiceReply>> f = pending.remove(r.callId());
                    if (f != null) {
                        f.complete(new Inbound<>(m.peer(), m.header(), r, m.data()));
                    }
                }
            }
        } catch (IOException e) {
            // a broken channel: calls fall back to the JeroMQ route
        } finally {
            c.close();
            channelFailed = true;
            // Calls whose replies were still due on this channel will not get them.
            for (Map.Entry<Long, CompletableFuture<Inbound<ServiceReply>>> e : pending.entrySet()) {
                if (channelCalls.contains(e.getKey())) {
                    e.getValue().completeExceptionally(new IllegalStateException("the service channel to the parent closed"));
                }
            }
        }
    }

    @Override
    public void send(String service, String op, Object args, List<byte[]> frames) {
        ServiceRequest r = new ServiceRequest(0, service, op, args == null ? null : WireCodec.toTree(args), true);
        oneWaySent.incrementAndGet();
        boolean full;
        boolean first;
        synchronized (batchLock) {
            first = batch.isEmpty();
            int last = batch.size() - 1;
            if (last >= 0 && batch.get(last).equals(r) && batchCounts.get(last) == frames.size()) {
                batchRepeats.set(last, batchRepeats.get(last) + 1);
            } else {
                batch.add(r);
                batchCounts.add(frames.size());
                batchRepeats.add(1);
            }
            batchFrames.addAll(frames);
            batchCalls++;
            for (byte[] f : frames) {
                batchBytes += f.length;
            }
            full = batchCalls >= BATCH_REQUESTS || batchBytes >= BATCH_BYTES;
        }
        if (full) {
            flush();
        } else if (first) {
            FLUSHER.schedule(this::flush, BATCH_DELAY_NANOS, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void subscribe(String service, BiConsumer<String, ServiceResult> listener) {
        listeners.computeIfAbsent(service, s -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public String selfId() {
        return selfId;
    }
}
