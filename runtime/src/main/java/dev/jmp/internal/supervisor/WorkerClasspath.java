package dev.jmp.internal.supervisor;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The worker's classpath: the runtime's jar and the two libraries it needs (JeroMQ with its
 * optional jnacl, and Gson), found where the parent loaded them from. Nothing else: user
 * classes come from the parent on demand, user jars are added to the task class loader.
 */
public final class WorkerClasspath {

    private static final String[] ANCHORS = {
        "dev.jmp.internal.worker.WorkerMain", "org.zeromq.ZMQ", "com.google.gson.Gson", "com.neilalexander.jnacl.NaCl",
    };

    private WorkerClasspath() {
    }

    /**
     * Returns the entries. The system property {@code jmp.worker.classpath} overrides discovery.
     *
     * @throws IllegalStateException if a required library's location cannot be found
     */
    public static List<Path> entries() {
        String override = System.getProperty("jmp.worker.classpath");
        if (override != null && !override.isBlank()) {
            List<Path> out = new ArrayList<>();
            for (String s : override.split(java.io.File.pathSeparator)) {
                out.add(Path.of(s));
            }
            return out;
        }
        Set<Path> out = new LinkedHashSet<>();
        for (int i = 0; i < ANCHORS.length; i++) {
            Path p = locate(ANCHORS[i], i < 3);
            if (p != null) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private static Path locate(String className, boolean required) {
        try {
            Class<?> c = Class.forName(className, false, WorkerClasspath.class.getClassLoader());
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                throw new IllegalStateException("cannot tell where " + className + " was loaded from");
            }
            return Path.of(cs.getLocation().toURI()).toAbsolutePath();
        } catch (ClassNotFoundException e) {
            if (required) {
                throw new IllegalStateException("the worker needs " + className + " on the parent's classpath", e);
            }
            return null;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad code source for " + className, e);
        }
    }
}
