package dev.jmp.internal.supervisor;

/**
 * When a connected worker's silence makes the parent give up on it. A worker sends something at
 * least every heartbeat, so silence past {@link RuntimeSettings#parentSilenceMillis()} means it
 * or its connection is gone. A worker on this host whose process is still alive is held to the
 * longer local bound ({@link RuntimeSettings#localSilenceMillis()}): its death is seen directly,
 * and its silence is most often a loaded machine, not a lost worker.
 */
final class SilenceRule {

    private SilenceRule() {
    }

    /**
     * Why the worker is lost, or null while it is not.
     *
     * @param heard          when its last message arrived (epoch millis), 0 if none yet
     * @param aliveOnThisHost whether it runs on this host and its process is alive
     */
    static String lostReason(long now, long heard, boolean aliveOnThisHost, RuntimeSettings settings) {
        long bound = aliveOnThisHost ? Math.max(settings.parentSilenceMillis(), settings.localSilenceMillis())
                : settings.parentSilenceMillis();
        return heard > 0 && now - heard > bound ? "sent nothing for " + (now - heard) + " ms" : null;
    }
}
