package dev.jmp.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts worker JVMs. Implementations are found by {@link #name()} through
 * {@link java.util.ServiceLoader} (list them in {@code META-INF/services/dev.jmp.launch.Launcher}),
 * so {@code ssh} or {@code slurm} launchers can be added without touching the supervisor.
 * Every implementation must pass the launcher contract test.
 *
 * <p>A runtime makes its own instance ({@link Launchers#byName}), hands it its options once
 * ({@link #configure}), asks it where to listen ({@link #parentAddress()}), lets it stage the
 * user's jars ({@link #prepare}), launches workers through it and {@linkplain #close() closes} it
 * when the runtime ends. The defaults describe a launcher that starts workers on this host and
 * takes no options.
 */
public interface Launcher {

    /** The short name the launcher is chosen by, such as {@code local}. */
    String name();

    /**
     * Starts one worker: runs {@code spec}'s main class with its JVM options and classpath, feeds
     * {@link LaunchSpec#bootstrap()} to its standard input and keeps that input open (its closing
     * tells the worker the parent is gone), and exposes the worker's stdout and stderr.
     *
     * @throws IOException if the process cannot be started
     */
    LaunchedWorker launch(LaunchSpec spec) throws IOException;

    /**
     * Whether workers run on this host, as children the parent can watch. Then the worker watches
     * the parent's pid and the parent the worker's exit, and neither takes silence for death (see
     * the protocol's liveness rules); a remote launcher keeps the default, {@code false}, and its
     * workers are judged by heartbeats.
     */
    default boolean onThisHost() {
        return false;
    }

    /**
     * Takes the launcher's options (such as {@code hosts}, {@code user}, {@code partition}), once,
     * before anything is launched. An implementation checks every option here, so a mistake fails
     * when it is made, with a sentence naming the option, what was wrong and what is accepted.
     * The default accepts none.
     *
     * @param options option names to values (never null; empty for none)
     * @throws IllegalArgumentException naming an unknown option or a bad value
     */
    default void configure(Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("the '" + name() + "' launcher takes no options; given: "
                    + String.join(", ", new java.util.TreeSet<>(options.keySet())));
        }
    }

    /**
     * The address of this host that workers connect back to, an IP literal, or {@code null} for
     * loopback (the default: workers on this host). When it is not null the runtime listens on it,
     * and only with CURVE encryption and authentication (see docs/PROTOCOL.md).
     *
     * @throws IllegalStateException if the launcher cannot tell which address its hosts reach
     */
    default String parentAddress() {
        return null;
    }

    /**
     * How many workers the launcher's hosts or allocation are meant to run at once (the default
     * size of a pool on them), or 0 when it sets no number (the default: as many as asked).
     */
    default int slots() {
        return 0;
    }

    /**
     * Makes jars and class folders of this host available where workers run, and says how workers
     * name them. Called with the user's classpath before a worker is launched and whenever jars are
     * added; it may be called again with the same entries, which then cost nothing. The default
     * (workers on this host) names each entry by its absolute path.
     *
     * @param classpath entries on this host
     * @return the same entries as workers see them, in the same order
     * @throws IOException if an entry cannot be copied to a host
     */
    default List<String> prepare(List<Path> classpath) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path p : classpath) {
            out.add(p.toAbsolutePath().toString());
        }
        return out;
    }

    /**
     * Releases what the launcher holds beyond its workers (connections, scheduler allocations),
     * after the runtime stopped them. Called once, when the runtime ends. The default holds nothing.
     */
    default void close() {
    }
}
