/**
 * The jmp wire protocol over JeroMQ: the parent's {@link dev.jmp.internal.wire.Hub} (a ROUTER bound to
 * loopback) and each worker's {@link dev.jmp.internal.wire.Link} (a DEALER), the signing of every frame
 * with HMAC-SHA256 ({@link dev.jmp.internal.wire.FrameSigner}), the one codec for control messages
 * ({@link dev.jmp.internal.wire.WireCodec}), the counters of dropped frames, and the same signed messages
 * over a plain loopback TCP connection for service calls ({@link dev.jmp.internal.wire.FrameChannel}). Connections to the hub
 * authenticate in the ZeroMQ handshake ({@link dev.jmp.internal.wire.ZapAuthenticator} behind a ZAP handler, with a
 * per-worker {@link dev.jmp.internal.wire.WireCredential}); every socket is bounded (frame size, queues), frames over
 * 256 KiB travel in parts ({@link dev.jmp.internal.wire.FrameParts}), and a JeroMQ thread that dies fails the hub
 * loudly instead of silently. The call channel's
 * listener reads each connection's proof on one selector thread, bounded before trust
 * ({@link dev.jmp.internal.wire.ChannelListener}). The message classes live
 * in {@code dev.jmp.internal.wire.message}; {@code docs/PROTOCOL.md} describes the protocol.
 *
 * <p>Both endpoints share {@link dev.jmp.internal.wire.Endpoint}, which composes one class per
 * role: the receive thread with its queued actions and timers ({@code EventLoop}), the checks of
 * each raw message ({@code FrameVerifier}, returning a {@code FrameVerdict}), the sequence numbers
 * ({@code SequenceBook}), the sending half ({@code FrameSender}) and its writes from interrupted
 * threads ({@code InterruptSafeWriter}), and the handlers by type ({@code HandlerTable}).
 */
package dev.jmp.internal.wire;
