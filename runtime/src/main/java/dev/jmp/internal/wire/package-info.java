/**
 * The jmp wire protocol over JeroMQ: the parent's {@link dev.jmp.internal.wire.Hub} (a ROUTER bound to
 * loopback) and each worker's {@link dev.jmp.internal.wire.Link} (a DEALER), the signing of every frame
 * with HMAC-SHA256 ({@link dev.jmp.internal.wire.FrameSigner}), the one codec for control messages
 * ({@link dev.jmp.internal.wire.WireCodec}), the counters of dropped frames, and the same signed messages
 * over a plain loopback TCP connection for service calls ({@link dev.jmp.internal.wire.FrameChannel}), whose
 * listener reads each connection's proof on one selector thread, bounded before trust
 * ({@link dev.jmp.internal.wire.ChannelListener}). The message classes live
 * in {@code dev.jmp.internal.wire.message}; {@code docs/PROTOCOL.md} describes the protocol.
 */
package dev.jmp.internal.wire;
