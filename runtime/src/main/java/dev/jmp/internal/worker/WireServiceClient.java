package dev.jmp.internal.worker;

import dev.jmp.internal.serial.Errors;
import dev.jmp.internal.service.ChannelService;
import dev.jmp.internal.service.LocalServiceClient;
import dev.jmp.internal.service.ServiceClient;
import dev.jmp.internal.service.ServiceRegistry;
import dev.jmp.internal.service.ServiceResult;
import dev.jmp.internal.wire.FrameChannel;
import dev.jmp.internal.wire.Inbound;
import dev.jmp.internal.wire.Link;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.wire.WireKey;
import dev.jmp.internal.wire.message.ServiceReply;
import dev.jmp.internal.wire.message.ServiceRequest;
import dev.jmp.internal.wire.message.WireMessage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A worker's service client: calls travel to the parent as {@link ServiceRequest}s, on the route
 * {@link ChannelRoute} chooses (JeroMQ, or after a few calls a direct channel about three times
 * faster), their replies matched by {@link PendingCalls}; one-way messages stay on JeroMQ, where
 * {@link OneWayBatcher} batches them and they stay ordered with task results. This class only
 * ties those together and withdraws an interrupted call.
 */
final class WireServiceClient implements ServiceClient {

    private final Link link;
    private final String selfId;
    private final PendingCalls pending = new PendingCalls();
    private final OneWayBatcher oneWay;
    private final ChannelRoute route;

    WireServiceClient(Link link, String selfId, WireKey key, boolean channels) {
        this.link = link;
        this.selfId = selfId;
        this.oneWay = new OneWayBatcher(link);
        this.route = new ChannelRoute(new ChannelConnector(selfId, key, link.counters(),
                () -> call(ChannelService.NAME, "open", null, List.of()).as(ChannelService.Offer.class)), pending, channels);
        link.on(ServiceReply.class, pending::complete);
    }

    @Override
    public void flush() {
        oneWay.flush();
    }

    @Override
    public ServiceResult call(String service, String op, Object args, List<byte[]> frames) throws InterruptedException {
        flush();
        FrameChannel fast = route.forCall(service, oneWay.unsettled());
        long sentBefore = oneWay.sentSoFar();
        long id = pending.nextId();
        CompletableFuture<Inbound<ServiceReply>> f = pending.expect(id);
        ServiceRequest request = new ServiceRequest(id, service, op, args == null ? null : WireCodec.toTree(args), false);
        if (fast != null) {
            pending.sentOnChannel(id);
            if (!fast.send(request, frames)) {
                pending.offChannel(id);
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
                pending.forget(id);
                throw e;
            }
            // Answered before the withdrawal reached the parent: the reply is on its way and
            // must not be lost (an item taken from a queue, a lock granted). The flag stays set.
            Thread.currentThread().interrupt();
            try {
                reply = LocalServiceClient.uninterruptibly(f);
            } catch (ExecutionException x) {
                pending.forget(id);
                throw new IllegalStateException(x.getCause());
            }
        } catch (ExecutionException e) {
            pending.forget(id);
            throw new IllegalStateException(e.getCause());
        }
        pending.forget(id);
        if (fast == null) {
            // A reply on the JeroMQ route proves that every one-way message sent before the call
            // was handled, so calls may take the channel again without overtaking them.
            oneWay.handledUpTo(sentBefore);
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
        FrameChannel q = route.forCall(service, oneWay.unsettled()) == null ? null : route.lockQuick();
        if (q == null) {
            return call(service, op, args, frames);
        }
        try {
            long id = pending.nextId();
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
            route.unlockQuick();
        }
    }

    /**
     * Withdraws a call and learns whether it was still unanswered, waiting (uninterruptibly) for
     * the parent's answer. The withdrawal takes the call's own route, so it cannot overtake it,
     * and is answered on it, after any reply sent before.
     */
    private boolean withdraw(long callId, FrameChannel callRoute) {
        long id = pending.nextId();
        CompletableFuture<Inbound<ServiceReply>> f = pending.expect(id);
        ServiceRequest cancel = new ServiceRequest(id, ServiceRegistry.CONTROL, "cancel",
                WireCodec.toTree(new ServiceRegistry.CancelArgs(callId)), false);
        boolean sent = false;
        if (callRoute != null) {
            pending.sentOnChannel(id);
            sent = callRoute.send(cancel, List.of());
            if (!sent) {
                pending.offChannel(id);
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
            pending.forget(id);
        }
    }

    @Override
    public void send(String service, String op, Object args, List<byte[]> frames) {
        oneWay.add(new ServiceRequest(0, service, op, args == null ? null : WireCodec.toTree(args), true), frames);
    }

    @Override
    public String selfId() {
        return selfId;
    }
}
