package dev.jmp.internal.supervisor;

import dev.jmp.internal.worker.ProgramEnd;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a runtime stops when it ends (its processes, pools and hosted services), and the order it
 * does so in. At the JVM's normal exit, as in Python, daemon members are terminated first and the
 * others then joined; at the end of a worker's program body only the non-daemon ones are joined,
 * again and again while that makes progress; a shutdown terminates them all.
 */
final class RuntimeMembers {

    private final List<RuntimeMember> members = new CopyOnWriteArrayList<>();

    void add(RuntimeMember m) {
        members.add(m);
    }

    /** Forgets a member that ended on its own. */
    void remove(RuntimeMember m) {
        members.remove(m);
    }

    /**
     * Joins every non-daemon member once.
     *
     * @return whether one of them left (progress only then: a member that stays must not make the
     *         caller, which repeats while this returns true, loop for ever)
     */
    boolean joinNonDaemon() {
        boolean joined = false;
        for (RuntimeMember m : members) {
            if (!m.daemonAtExit()) {
                m.joinAtExit();
                joined |= !members.contains(m);
            }
        }
        return joined;
    }

    /**
     * What the end of a worker's program body does with this runtime: joins its non-daemon
     * members, then ends the runtime with {@code end}.
     */
    ProgramEnd.Children atProgramEnd(Runnable end) {
        return new ProgramEnd.Children() {
            @Override
            public boolean joinNonDaemon() {
                return RuntimeMembers.this.joinNonDaemon();
            }

            @Override
            public void end() {
                end.run();
            }
        };
    }

    /** The JVM's normal exit: daemon members are terminated, then the others joined. */
    void atJvmExit() {
        for (RuntimeMember m : members) {
            if (m.daemonAtExit()) {
                m.terminateAtExit();
            }
        }
        for (RuntimeMember m : members) {
            if (!m.daemonAtExit()) {
                m.joinAtExit();
            }
        }
    }

    /** The runtime's shutdown: every member still here is terminated and forgotten. */
    void terminateAll() {
        for (RuntimeMember m : members) {
            m.terminateAtExit();
        }
        members.clear();
    }
}
