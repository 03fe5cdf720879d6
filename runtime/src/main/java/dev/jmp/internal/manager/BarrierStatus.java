package dev.jmp.internal.manager;

/**
 * How a barrier wait ended, as the manager writes it in the reply's {@code s} and the caller
 * reads it: one list for both sides, so neither spells the words alone.
 */
public enum BarrierStatus {
    /** Every party arrived; the reply's {@code v} is the arrival index. */
    OK("ok"),
    /** This party's wait timed out (and broke the barrier). */
    TIMEOUT("timeout"),
    /** The barrier is or became broken. */
    BROKEN("broken");

    private final String wire;

    BarrierStatus(String wire) {
        this.wire = wire;
    }

    /** The word in the reply. */
    public String wire() {
        return wire;
    }

    /**
     * The status a reply carries.
     *
     * @throws IllegalStateException for a word no jmp manager writes (parent and worker of different versions)
     */
    public static BarrierStatus of(ManagerReply reply) {
        for (BarrierStatus s : values()) {
            if (s.wire.equals(reply.s())) {
                return s;
            }
        }
        throw new IllegalStateException("the manager answered a barrier wait with \"" + reply.s()
                + "\", not ok, timeout or broken (do parent and worker run the same jmp version?)");
    }

    /** A reply that carries this status (and an arrival index, for {@link #OK}). */
    ManagerReply reply(long index) {
        return new ManagerReply(index, this == OK, wire);
    }
}
