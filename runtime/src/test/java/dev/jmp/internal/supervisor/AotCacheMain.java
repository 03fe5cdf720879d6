package dev.jmp.internal.supervisor;

import dev.jmp.Jmp;
import dev.jmp.Pool;
import dev.jmp.function.SerialCallable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A runtime's process for {@code AotCacheIT} (its own JVM, so its cache directory, worker
 * classpath and workers are the test's alone). Workers run on the Java home given as the argument
 * ({@code own}: this JVM's). It starts a worker (which starts the training), waits for the
 * ahead-of-time cache, runs a task on a worker started with it, then on workers started with the
 * cache replaced by garbage and by half of itself. It prints one line per step; the workers'
 * output is echoed, so a JVM warning would show as an extra line.
 */
public final class AotCacheMain {

    private AotCacheMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = args[0].equals("own") ? null : Path.of(args[0]);
        Path dir = RuntimeSettings.global().cacheDir().resolve("cds");
        System.out.println("first " + run(home, dir.resolve("worker-").toString()));
        Path cache = awaitCache(dir);
        System.out.println("made " + cache.getFileName().toString().endsWith(".aot"));
        System.out.println("cached " + run(home, cache.toString()));
        byte[] good = Files.readAllBytes(cache);
        replace(cache, "not an ahead-of-time cache\n".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        System.out.println("garbage " + run(home, cache.toString()));
        replace(cache, java.util.Arrays.copyOf(good, good.length / 2));
        System.out.println("truncated " + run(home, cache.toString()));
        List<Long> pids = DefaultSupervisor.peek().launchedPids();
        Jmp.shutdown();
        System.out.println("pids " + pids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""));
    }

    /**
     * Replaces a file by a new one, as the runtime installs a cache: writing into the mapped file
     * itself would make the JVMs that still map it crash (SIGBUS) at their next read of it.
     */
    private static void replace(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.write(file.resolveSibling("replacement"), bytes);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts a fresh worker; it says which Java it runs and whether it mapped {@code file}. */
    private static String run(Path home, String file) throws Exception {
        Pool.Builder b = Pool.builder().processes(1);
        try (Pool p = home == null ? b.build() : b.javaHome(home).build()) {
            return p.apply((SerialCallable<String>) () -> System.getProperty("java.specification.version") + " mapped="
                    + Files.readString(Path.of("/proc/self/maps")).contains(file));
        }
    }

    /** Waits for a finished cache and no training file left (the test's timeout is the hang detector). */
    private static Path awaitCache(Path dir) throws IOException, InterruptedException {
        while (true) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    List<Path> all = files.toList();
                    List<Path> done = all.stream().filter(p -> p.getFileName().toString().matches("worker-[0-9a-f]+\\.(aot|jsa)")).toList();
                    if (!done.isEmpty() && all.size() == done.size()) {
                        return done.get(0);
                    }
                }
            }
            Thread.sleep(50);
        }
    }
}
