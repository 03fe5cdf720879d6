package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.function.SerialCallable;
import dev.jmp.shared.Manager;
import dev.jmp.shared.Shared;
import dev.jmp.shared.SharedInt;
import dev.jmp.shared.SharedLock;
import dev.jmp.shared.SharedRLock;
import dev.jmp.shared.SharedSemaphore;
import java.lang.reflect.Field;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an ancestor made reaches a grandchild: a queue made at the top or in the child (the
 * grandchild's calls come to the child's runtime, which passes them up to the runtime hosting
 * the queue), the top runtime's implicit manager, and a dead grandchild's locks and permits come
 * back while its parent lives. A queue id nobody made gets a clear error, wherever it is used.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AncestorObjectsIT extends WorkerTracking {

    /** The start timeout of each level's runtime: a hang detector for JVM generations on a busy machine. */
    private static final String PATIENT = "-Djmp.startTimeoutMillis=300000";
    private static final Duration WAIT = Duration.ofSeconds(300);

    /** Starts a process one level down, patiently. */
    private static Process start(SerialCallable<?> body) {
        return new Process(body).jvmOptions(PATIENT).start();
    }

    /** Joins a process and returns its result, failing with its error if it failed. */
    private static Object resultOf(Process p) {
        p.join();
        if (p.exitCode() == null || p.exitCode() != 0) {
            throw new IllegalStateException(p + " exited " + p.exitCode() + ": " + p.exception() + " " + p.lastStderr());
        }
        return p.result();
    }

    /**
     * The child makes a queue and starts a grandchild with it and the top's two queues; the
     * grandchild reads the top's word from one, answers on the other, writes to the child's, and
     * tries the lock the top holds on a value (the implicit manager must be the top's).
     */
    private static Process childWithGrandchild(Queue<String> down, Queue<String> up, SharedInt value) {
        return start(() -> {
            Queue<String> mid = new Queue<>();
            Process g = start(() -> {
                up.put(down.get() + " from grandchild " + Worker.pid());
                mid.put("to the child");
                return "value lock free=" + value.getLock().tryLock();
            });
            String fromGrandchild = mid.get();
            return fromGrandchild + ", " + resultOf(g);
        });
    }

    @Test
    void queuesMadeAtTheTopAndInTheChildReachTheGrandchildBothWays() throws Exception {
        Queue<String> down = new Queue<>();
        Queue<String> up = new Queue<>();
        SharedInt value = Shared.intValue(0);
        SharedRLock valueLock = value.getLock();
        valueLock.lock();
        try {
            Process child = childWithGrandchild(down, up, value);
            down.put("hello");
            String answer = up.get(WAIT);
            assertTrue(answer.startsWith("hello from grandchild "), answer);
            long grandchild = Long.parseLong(answer.substring("hello from grandchild ".length()));
            assertTrue(grandchild != child.pid() && grandchild != ProcessHandle.current().pid(), answer);
            assertEquals("to the child, value lock free=false", resultOf(child),
                    "the child's queue reached its child, and the value's lock is the one this process holds");
        } finally {
            valueLock.unlock();
        }
        assertTrue(down.empty() && up.empty());
    }

    @Test
    void aDeadGrandchildsLockAndPermitAreFreedWhileItsParentLives() throws Exception {
        try (Manager manager = new Manager()) {
            SharedLock lock = manager.lock();
            SharedSemaphore permit = manager.semaphore(1);
            Queue<Long> killed = new Queue<>();
            Queue<String> done = new Queue<>();
            Process child = start(() -> {
                Queue<Long> holding = new Queue<>();
                Process g = start(() -> {
                    lock.lock();
                    permit.acquire();
                    holding.put(Worker.pid());
                    return done.get(); // never comes: killed while holding both
                });
                long pid = holding.get();
                g.kill();
                g.join();
                killed.put(pid);
                return done.get(); // alive until the test saw the lock and the permit come back
            });
            long pid = killed.get(WAIT);
            assertTrue(lock.tryLock(WAIT), "the dead grandchild's lock came back");
            assertTrue(lock.lastDeadHolder().orElse("").contains("pid " + pid), lock.lastDeadHolder().toString());
            assertTrue(permit.tryAcquire(WAIT), "the dead grandchild's permit came back");
            assertNull(child.exitCode(), "its parent still lives");
            lock.unlock();
            permit.release();
            done.put("end");
            assertEquals("end", resultOf(child));
        }
    }

    /** A queue whose id nobody made: its calls go up the tree and the top refuses them. */
    private static Queue<String> forged(long id) throws ReflectiveOperationException {
        Queue<String> q = new Queue<>();
        Field f = Queue.class.getDeclaredField("id");
        f.setAccessible(true);
        f.setLong(q, id);
        return q;
    }

    @Test
    void aForgedQueueIdGetsAClearErrorAtTheTopAndFromAChild() throws Exception {
        long nobodys = 12345L << 32 | 7;
        IllegalStateException top = assertThrows(IllegalStateException.class, () -> forged(nobodys).get(WAIT));
        assertTrue(top.getMessage().contains("queue " + nobodys + " is not hosted by this process's runtime"),
                top.getMessage());
        Process child = start(() -> {
            Queue<String> q = forged(nobodys);
            Process g = start(() -> {
                try {
                    q.get(Duration.ofSeconds(1));
                    return "got an item from a forged queue";
                } catch (IllegalStateException e) {
                    return e.getMessage();
                }
            });
            return resultOf(g);
        });
        String message = (String) resultOf(child);
        assertTrue(message.contains("queue " + nobodys + " is not hosted by this process's runtime"), message);
    }
}
