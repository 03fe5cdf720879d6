/**
 * One record per jmp wire message type (and the few records they are built from). Each is
 * encoded as JSON by {@link dev.jmp.internal.wire.WireCodec}; user values travel in the binary frames
 * that follow, which the records reference by index. {@code docs/PROTOCOL.md} lists who sends
 * what.
 */
package dev.jmp.internal.wire.message;
