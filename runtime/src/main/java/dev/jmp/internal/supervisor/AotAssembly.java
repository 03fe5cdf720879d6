package dev.jmp.internal.supervisor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The second step of making an ahead-of-time cache (Java 25 and later): a JVM that reads the
 * training worker's configuration and writes the cache, running no main class. The runtime starts
 * it itself, with its output discarded, so it can stop it at its shutdown; the JVM's one-step
 * {@code -XX:AOTCacheOutput} would start it as a child of the training worker instead. It runs
 * under a small {@code sh} that kills it within a second of this process's death, so a runtime
 * killed with {@code kill -9} leaves no assembly running on (it takes tens of seconds under load);
 * the temporary cache it leaves is swept at the next start.
 */
final class AotAssembly {

    private static final System.Logger LOG = System.getLogger("dev.jmp.supervisor");
    /**
     * Runs the command after the owner's pid ($1) and ends with its exit code; a watcher kills it
     * when the owner is gone. {@code wait} reaps the JVM, so the watcher never sees a zombie.
     */
    static final String WATCHED = "owner=$1; shift; \"$@\" & j=$!; "
            + "( while kill -0 \"$owner\" 2>/dev/null; do sleep 1; done; kill -9 \"$j\" 2>/dev/null ) & w=$!; "
            + "wait \"$j\"; c=$?; kill \"$w\" 2>/dev/null; exit \"$c\"";
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Makes the cache {@code archive} from a finished training's configuration, in the background;
     * the configuration and the temporary cache are deleted whatever happens.
     *
     * @param jdk           the JDK the training worker ran on (the cache is only good for it)
     * @param configuration the training worker's configuration file
     * @param tmp           where the cache is written before it is moved into place
     * @param archive       the cache
     * @param classpath     the training worker's classpath (a worker's must match it)
     */
    void assemble(CdsArchive.Jdk jdk, Path configuration, Path tmp, Path archive, List<Path> classpath) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", WATCHED, "jmp-aot-assembly",
                Long.toString(ProcessHandle.current().pid())));
        cmd.add(jdk.home().resolve("bin").resolve("java").toString());
        cmd.addAll(JvmDefaults.options());
        cmd.addAll(ArchiveOptions.create(configuration, tmp));
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        Process p;
        try {
            if (closed || !Files.isRegularFile(configuration)) {
                throw new IOException("no training configuration " + configuration);
            }
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot make the ahead-of-time cache", e);
            CdsArchive.install(tmp, tmp);
            CdsArchive.install(configuration, configuration);
            return;
        }
        running.add(p);
        if (closed) {
            kill(p);
        }
        p.onExit().whenComplete((done, err) -> {
            running.remove(p);
            CdsArchive.install(tmp, p.exitValue() == 0 && !closed ? archive : tmp);
            CdsArchive.install(configuration, configuration);
        });
    }

    /** Stops the assemblies under way; their temporary files are deleted as each ends. */
    void close() {
        closed = true;
        for (Process p : running) {
            kill(p);
        }
    }

    /** Kills the watching sh and the assembly JVM under it (killing the sh alone would leave the JVM running). */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
