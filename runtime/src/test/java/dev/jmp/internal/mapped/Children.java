package dev.jmp.internal.mapped;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The child JVMs one test started. {@link #assertAllGone()} (in {@code @AfterEach}) fails the
 * test if any of them, or any process they started, is still running, after killing them so
 * that a failing test leaves no orphan either.
 */
public final class Children {

    private final List<ChildJvm> started = new ArrayList<>();
    private final Path shmRoot;

    /**
     * Creates a tracker whose children keep their shared-memory files under {@code shmRoot}.
     *
     * @param shmRoot the {@code jmp.shm.dir} for children, or {@code null} for their default
     */
    public Children(Path shmRoot) {
        this.shmRoot = shmRoot;
    }

    public ChildJvm start(Class<?> main, String... args) throws IOException {
        ChildJvm child = ChildJvm.start(shmRoot, main, args);
        started.add(child);
        return child;
    }

    public void assertAllGone() throws InterruptedException {
        List<String> alive = new ArrayList<>();
        for (ChildJvm child : started) {
            List<ProcessHandle> tree = new ArrayList<>();
            child.handle().descendants().forEach(tree::add);
            tree.add(child.handle());
            for (ProcessHandle handle : tree) {
                boolean exited = handle.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join() != null;
                if (!exited && handle.isAlive()) {
                    alive.add(String.valueOf(handle.pid()));
                    handle.destroyForcibly();
                }
            }
            child.killHard();
        }
        if (!alive.isEmpty()) {
            throw new AssertionError("child processes still running after the test: " + alive);
        }
    }
}
