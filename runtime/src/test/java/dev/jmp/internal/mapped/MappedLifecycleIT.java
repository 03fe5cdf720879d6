package dev.jmp.internal.mapped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files' lifetime across real processes: an owner's directory disappears when it exits,
 * and a directory left by a dead owner (after {@code kill -9}) is swept by the next process
 * that starts using shared objects.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MappedLifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    private Children children;

    private Children children() {
        if (children == null) {
            children = new Children(root);
        }
        return children;
    }

    @AfterEach
    void noChildLeft() throws InterruptedException {
        children().assertAllGone();
    }

    /** Starts an owner child and returns its directory once its objects exist. */
    private Path startOwner(ChildJvm owner) throws InterruptedException {
        String value = owner.nextLine(WAIT);
        assertTrue(value.startsWith("value "), value);
        String dir = owner.nextLine(WAIT);
        assertTrue(dir.startsWith("dir "), dir);
        owner.nextLine(WAIT);
        assertEquals("ready", owner.nextLine(WAIT));
        Path ownerDir = Path.of(dir.substring(4));
        assertEquals(root.toAbsolutePath(), ownerDir.getParent());
        return ownerDir;
    }

    @Test
    void ownerExitRemovesItsDirectoryAndFiles() throws Exception {
        ChildJvm owner = children().start(ProxyChild.class, "own", "exit");
        Path dir = startOwner(owner);
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "one file per shared object");
        }
        owner.send("exit");
        assertEquals(0, owner.waitFor(WAIT), owner.stderr());
        assertFalse(Files.exists(dir), "the exit hook must remove " + dir);
    }

    @Test
    void directoryOfAKilledOwnerIsSweptByTheNextStart() throws Exception {
        ChildJvm killed = children().start(ProxyChild.class, "own", "hang");
        Path stale = startOwner(killed);
        killed.killHard();
        assertTrue(Files.isDirectory(stale), "kill -9 leaves the directory behind");

        ChildJvm next = children().start(ProxyChild.class, "own", "exit");
        Path fresh = startOwner(next);
        assertFalse(Files.exists(stale), "the next process must sweep " + stale);
        assertTrue(Files.isDirectory(fresh));
        next.send("exit");
        assertEquals(0, next.waitFor(WAIT), next.stderr());
    }

    @Test
    void sweepRemovesOnlyDirectoriesOfDeadOwners() throws Exception {
        ChildJvm running = children().start(ProxyChild.class, "own", "hang");
        Path alive = startOwner(running);
        ChildJvm finished = children().start(ProxyChild.class, "own", "exit");
        Path finishedDir = startOwner(finished);
        long deadPid = finished.pid();
        finished.send("exit");
        assertEquals(0, finished.waitFor(WAIT));
        assertFalse(Files.exists(finishedDir));

        Path dead = Files.createDirectories(finishedDir);
        Files.writeString(dead.resolve("long-1"), "stale");
        Path reusedPid = Files.createDirectories(root.resolve(running.pid() + "-1"));
        Path foreign = Files.createDirectories(root.resolve("not-an-owner"));

        MappedHome home = new MappedHome(root.resolve("elsewhere"));
        assertEquals(0, home.sweepStale(), "a missing root holds nothing to sweep");
        home = new MappedHome(root);
        assertEquals(2, home.sweepStale());
        assertFalse(Files.exists(dead), "dead pid " + deadPid);
        assertFalse(Files.exists(reusedPid), "live pid but another start time: the owner is dead");
        assertTrue(Files.isDirectory(alive), "a running owner's directory must stay");
        assertTrue(Files.isDirectory(foreign), "names that are not owners' must stay");
        running.killHard();
    }
}
