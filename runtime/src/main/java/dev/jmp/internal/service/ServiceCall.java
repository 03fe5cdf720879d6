package dev.jmp.internal.service;

import com.google.gson.JsonElement;
import dev.jmp.internal.serial.Errors;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.wire.message.ErrorInfo;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call to a service, answered exactly once: by {@link #reply}, {@link #fail}, or by the
 * caller withdrawing it (interrupt, death), after which replies are ignored and the service's
 * {@link #onCancel} hook runs.
 */
public final class ServiceCall {

    /** Sends the answer back to the caller. */
    @FunctionalInterface
    public interface Replier {
        /** Delivers a reply (error is null on success); {@code result} is the service's record. */
        void reply(Object result, ErrorInfo error, List<byte[]> frames);
    }

    private final String peer;
    private final long callId;
    private final String service;
    private final String op;
    private final JsonElement args;
    private final Object localArgs;
    private final List<byte[]> frames;
    private final boolean oneWay;
    private final Replier replier;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Runnable onCancel;
    private volatile Runnable onDone;

    /** Creates a call that came over the wire (arguments as JSON). */
    public ServiceCall(String peer, long callId, String service, String op, JsonElement args,
                       List<byte[]> frames, boolean oneWay, Replier replier) {
        this(peer, callId, service, op, args, null, frames, oneWay, replier);
    }

    /** Creates one of several one-way calls that share their arguments (decoded once). */
    public static ServiceCall shared(String peer, String service, String op, SharedArgs args, List<byte[]> frames) {
        return new ServiceCall(peer, 0, service, op, null, args, frames, true, (r, e, f) -> { });
    }

    /** Creates a call made within the parent (arguments as the record itself). */
    public static ServiceCall local(String peer, long callId, String service, String op, Object args,
                                    List<byte[]> frames, boolean oneWay, Replier replier) {
        return new ServiceCall(peer, callId, service, op, null, args, frames, oneWay, replier);
    }

    private ServiceCall(String peer, long callId, String service, String op, JsonElement args, Object localArgs,
                        List<byte[]> frames, boolean oneWay, Replier replier) {
        this.localArgs = localArgs;
        this.peer = peer;
        this.callId = callId;
        this.service = service;
        this.op = op;
        this.args = args;
        this.frames = frames == null ? List.of() : frames;
        this.oneWay = oneWay;
        this.replier = replier;
    }

    /** The calling process's id ({@code p} for the parent). */
    public String peer() {
        return peer;
    }

    /** The caller's id for this call. */
    public long callId() {
        return callId;
    }

    /** The service name. */
    public String service() {
        return service;
    }

    /** The operation. */
    public String op() {
        return op;
    }

    /** The arguments as a record of the given type. */
    public <T> T args(Class<T> type) {
        if (type.isInstance(localArgs)) {
            return type.cast(localArgs);
        }
        if (localArgs instanceof SharedArgs shared) {
            return shared.as(type);
        }
        if (localArgs instanceof JsonElement tree && !tree.isJsonNull()) {
            // passed on unchanged from another runtime of this process (a cluster's, see ParentForwarder)
            return WireCodec.fromTree(tree, type);
        }
        if (args == null || args.isJsonNull()) {
            throw new IllegalArgumentException("operation " + op + " of " + service + " needs arguments");
        }
        return WireCodec.fromTree(args, type);
    }

    /** The arguments as they came, for passing the call on unchanged ({@code null} if none). */
    public com.google.gson.JsonElement rawArgs() {
        if (args != null) {
            return args;
        }
        if (localArgs instanceof SharedArgs shared) {
            return shared.tree();
        }
        return localArgs == null ? null : WireCodec.toTree(localArgs);
    }

    /** The user values that came with the call. */
    public List<byte[]> frames() {
        return frames;
    }

    /** Whether the caller waits for no reply. */
    public boolean isOneWay() {
        return oneWay;
    }

    /** Whether the call was answered or withdrawn. */
    public boolean isDone() {
        return done.get();
    }

    /**
     * Answers the call.
     *
     * @return false if it was already answered or withdrawn (the caller is gone: keep the values)
     */
    public boolean reply(Object result, List<byte[]> replyFrames) {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        finish();
        if (!oneWay) {
            replier.reply(result, null, replyFrames == null ? List.of() : replyFrames);
        }
        return true;
    }

    /** Fails the call with an exception the caller sees as a {@code RemoteException}. */
    public boolean fail(Throwable error) {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        finish();
        if (!oneWay) {
            replier.reply(null, Errors.toInfo(error), List.of());
        }
        return true;
    }

    /** Runs {@code hook} if the caller withdraws the call before it is answered. */
    public void onCancel(Runnable hook) {
        this.onCancel = hook;
    }

    void onDone(Runnable hook) {
        this.onDone = hook;
    }

    /**
     * Withdraws the call: no reply will be sent.
     *
     * @return false if it was answered already (the reply is sent or on its way)
     */
    boolean cancel() {
        if (done.compareAndSet(false, true)) {
            finish();
            Runnable h = onCancel;
            if (h != null) {
                h.run();
            }
            return true;
        }
        return false;
    }

    private void finish() {
        Runnable d = onDone;
        if (d != null) {
            d.run();
        }
    }
}
