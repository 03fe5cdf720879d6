package dev.jmp.internal.supervisor;

/**
 * Something the runtime stops when it ends: processes and pools. At the JVM's normal exit,
 * daemon members are terminated and the others joined first, as Python does.
 */
public interface RuntimeMember {

    /** Whether the member is terminated (not joined) at exit. */
    boolean daemonAtExit();

    /** Waits for the member to finish. */
    void joinAtExit();

    /** Stops the member now. */
    void terminateAtExit();

    /**
     * A member with nothing to wait for, only to stop: a service the runtime hosts.
     *
     * @param stop stops it
     * @return the member, terminated (never joined) at exit
     */
    static RuntimeMember daemon(Runnable stop) {
        return new RuntimeMember() {
            @Override
            public boolean daemonAtExit() {
                return true;
            }

            @Override
            public void joinAtExit() {
            }

            @Override
            public void terminateAtExit() {
                stop.run();
            }
        };
    }
}
