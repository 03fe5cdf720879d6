package dev.jmp.internal.wire;

/**
 * The signed envelope of every message.
 *
 * @param type the message type (the simple class name of the body)
 * @param seq  the sender's sequence number; a receiver drops any message whose number is not
 *             greater than the last one it accepted from that sender, so a replayed frame is stale
 * @param from the sender's id ({@code "p"} for the parent)
 * @param to   the receiver's id, so a message cannot be replayed to another worker
 */
public record Header(String type, long seq, String from, String to) {
}
