package dev.jmp.launch.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the workers' jars on the nodes of an allocation, so no shared filesystem is needed: each
 * jar goes by {@code sbcast} to a node-local folder (the option {@code stage}, by default
 * {@value #NODE_DIR}) of every node of the job, named by
 * its content ({@code jmp-<sha256 prefix>-<name>}), before a worker of that job starts; workers see
 * those paths on their classpath. A jar is sent once per allocation; jars added later
 * ({@code %jars}, {@code %maven}) go before the next worker starts. Class folders (a development
 * build) cannot be broadcast and keep this machine's path, which the nodes must then see.
 */
final class SlurmStaging {

    /** Where jars land on the nodes by default: a folder every node has. */
    static final String NODE_DIR = "/tmp";

    private record Stamp(long size, long modified) {
    }

    private record Named(Stamp stamp, String nodePath) {
    }

    private final SlurmCommands commands;
    /** The nodes' folder, or null when nothing is copied (the nodes see this machine's paths). */
    private final String dir;
    private final Map<Path, Named> names = new HashMap<>();
    /** Every jar mapped so far, in order: what a job's nodes need before its next worker runs. */
    private final Map<String, Path> wanted = new LinkedHashMap<>();
    private final Map<Long, Set<String>> sent = new HashMap<>();

    SlurmStaging(SlurmCommands commands, String dir) {
        this.commands = commands;
        this.dir = dir == null ? null : dir.replaceAll("/+$", "");
    }

    /**
     * The classpath as the nodes will see it: jars by their node path, folders as they are.
     *
     * @throws IOException if a jar cannot be read (to name it by its content)
     */
    synchronized List<String> map(List<Path> classpath) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path p : classpath) {
            Path abs = p.toAbsolutePath().normalize();
            if (dir == null || !Files.isRegularFile(abs)) {
                out.add(abs.toString());
                continue;
            }
            Stamp stamp = new Stamp(Files.size(abs), Files.getLastModifiedTime(abs).toMillis());
            Named n = names.get(abs);
            if (n == null || !n.stamp().equals(stamp)) {
                n = new Named(stamp, dir + "/jmp-" + digest(abs) + "-" + abs.getFileName());
                names.put(abs, n);
            }
            wanted.put(n.nodePath(), abs);
            out.add(n.nodePath());
        }
        return out;
    }

    /**
     * Sends the jars job {@code jobId}'s nodes do not have yet (call once the job runs).
     *
     * @return null when they are there, else what went wrong, in a sentence for the worker's stderr
     */
    synchronized String ensure(long jobId) {
        Set<String> there = sent.computeIfAbsent(jobId, j -> new HashSet<>());
        for (Map.Entry<String, Path> e : wanted.entrySet()) {
            if (there.contains(e.getKey())) {
                continue;
            }
            SlurmCommands.Result r = commands.run("sbcast", "--jobid=" + jobId, "--force", e.getValue().toString(), e.getKey());
            if (r.exitCode() != 0) {
                return "slurm: cannot copy " + e.getValue() + " to the nodes of job " + jobId + " (sbcast to " + e.getKey()
                        + "): " + r.output().strip();
            }
            there.add(e.getKey());
        }
        return null;
    }

    private static String digest(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
