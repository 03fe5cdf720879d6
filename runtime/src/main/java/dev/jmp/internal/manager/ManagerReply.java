package dev.jmp.internal.manager;

/**
 * What a manager operation returns besides user values (which travel in frames).
 *
 * @param v a number (a count, an index, a hold count, a counter's value)
 * @param b a flag (granted, found, set, changed)
 * @param s a text: the id of a new object, or who died holding a lock just granted
 */
public record ManagerReply(long v, boolean b, String s) {

    static final ManagerReply NONE = new ManagerReply(0, false, null);

    static ManagerReply of(boolean b) {
        return new ManagerReply(0, b, null);
    }

    static ManagerReply of(long v) {
        return new ManagerReply(v, false, null);
    }
}
