package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** In which order a runtime's members are joined and stopped. */
@Timeout(300)
class RuntimeMembersTest {

    private final RuntimeMembers members = new RuntimeMembers();
    private final List<String> log = new ArrayList<>();

    /** A member that logs what is done to it; {@code leavesWhenJoined} removes it from the runtime when joined. */
    private RuntimeMember member(String name, boolean daemon, boolean leavesWhenJoined) {
        RuntimeMember[] self = new RuntimeMember[1];
        self[0] = new RuntimeMember() {
            @Override
            public boolean daemonAtExit() {
                return daemon;
            }

            @Override
            public void joinAtExit() {
                log.add("join " + name);
                if (leavesWhenJoined) {
                    members.remove(self[0]);
                }
            }

            @Override
            public void terminateAtExit() {
                log.add("terminate " + name);
            }
        };
        members.add(self[0]);
        return self[0];
    }

    @Test
    void atJvmExitDaemonsAreTerminatedBeforeTheOthersAreJoined() {
        member("a", false, true);
        member("d", true, false);
        member("b", false, true);
        members.atJvmExit();
        assertEquals(List.of("terminate d", "join a", "join b"), log);
    }

    @Test
    void theEndOfAProgramJoinsOnlyNonDaemonMembersAndSaysWhetherOneLeft() {
        member("d", true, false);
        member("a", false, true);
        assertTrue(members.joinNonDaemon(), "a left: progress");
        assertEquals(List.of("join a"), log);
        log.clear();
        assertFalse(members.joinNonDaemon(), "only a daemon is left: nothing to join");
        assertTrue(log.isEmpty());
    }

    @Test
    void aMemberThatStaysAfterItsJoinIsNoProgress() {
        member("stuck", false, false);
        assertFalse(members.joinNonDaemon(), "the caller repeats while this is true: it must not loop");
        assertEquals(List.of("join stuck"), log);
    }

    @Test
    void theProgramEndsTheRuntimeThroughItsEndAction() {
        member("a", false, true);
        boolean[] ended = new boolean[1];
        var children = members.atProgramEnd(() -> ended[0] = true);
        assertTrue(children.joinNonDaemon());
        children.end();
        assertTrue(ended[0]);
    }

    @Test
    void aShutdownTerminatesEveryMemberOnceAndForgetsThem() {
        member("a", false, true);
        member("d", true, false);
        RuntimeMember gone = member("gone", false, true);
        members.remove(gone);
        members.terminateAll();
        assertEquals(List.of("terminate a", "terminate d"), log);
        log.clear();
        members.terminateAll();
        members.atJvmExit();
        assertTrue(log.isEmpty(), "nothing left to stop");
    }
}
