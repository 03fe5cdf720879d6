package dev.jmp.worker;

import dev.jmp.RemoteException;
import dev.jmp.service.ServiceClient;
import dev.jmp.service.ServiceRegistry;
import dev.jmp.service.ServiceResult;
import dev.jmp.wire.Inbound;
import dev.jmp.wire.Link;
import dev.jmp.wire.WireCodec;
import dev.jmp.wire.message.ServiceBatch;
import dev.jmp.wire.message.ServiceEvent;
import dev.jmp.wire.message.ServiceReply;
import dev.jmp.wire.message.ServiceRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/** A worker's service client: calls travel to the parent as {@link ServiceRequest}s. */
final class WireServiceClient implements ServiceClient {

    private final Link link;
    private final String selfId;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Inbound<ServiceReply>>> pending = new ConcurrentHashMap<>();
    private final Map<String, List<BiConsumer<String, ServiceResult>>> listeners = new ConcurrentHashMap<>();

    WireServiceClient(Link link, String selfId) {
        this.link = link;
        this.selfId = selfId;
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
        long id = ids.incrementAndGet();
        CompletableFuture<Inbound<ServiceReply>> f = new CompletableFuture<>();
        pending.put(id, f);
        link.send(new ServiceRequest(id, service, op, args == null ? null : WireCodec.toTree(args), false), frames);
        Inbound<ServiceReply> reply;
        try {
            reply = f.get();
        } catch (InterruptedException e) {
            pending.remove(id);
            link.send(new ServiceRequest(0, ServiceRegistry.CONTROL, "cancel",
                    WireCodec.toTree(new ServiceRegistry.CancelArgs(id)), true), List.of());
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (reply.body().error() != null) {
            throw new RemoteException(reply.body().error());
        }
        return new ServiceResult(reply.body().result(), reply.data());
    }

    @Override
    public void send(String service, String op, Object args, List<byte[]> frames) {
        ServiceRequest r = new ServiceRequest(0, service, op, args == null ? null : WireCodec.toTree(args), true);
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
