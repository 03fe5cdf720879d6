package dev.jmp.launch.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Puts jars on the hosts by content: each is stored once per host as {@code SHA256.jar} in the
 * cache folder, whoever sent it and whatever it was called here, and reused by every later worker,
 * group and runtime. A host is asked once which of a list of hashes it lacks (one ssh), then only
 * those are copied (one ssh each). A class folder (a build's {@code target/classes}, a
 * {@code %classpath} folder) is packed into a jar first, with sorted entries and fixed times, so
 * the same classes make the same hash.
 */
final class JarStager {

    /** A local entry as it was hashed: a jar (or packed folder) and its hash. */
    private record Hashed(Path file, String hash, long size, long modified) {
    }

    private final SshCommand ssh;
    private final String cache;
    private final Map<Path, Hashed> hashed = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> present = new ConcurrentHashMap<>();
    /** Where class folders are packed, made when the first one is (most groups never have one). */
    private Path packDir;
    private int copied;

    JarStager(SshCommand ssh, String cache) {
        this.ssh = ssh;
        this.cache = cache;
    }

    /**
     * Makes the entries present on a host and returns how workers name them there.
     *
     * @throws IOException naming the host and the entry that could not be copied
     */
    synchronized List<String> stage(String host, List<Path> entries) throws IOException {
        Map<String, Path> byHash = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Path e : entries) {
            Hashed h = hash(e);
            byHash.put(h.hash(), h.file());
            names.add(RemoteScript.workerPath(cache, h.hash()));
        }
        Set<String> known = present.computeIfAbsent(host, k -> ConcurrentHashMap.newKeySet());
        List<String> unknown = new ArrayList<>();
        for (String h : byHash.keySet()) {
            if (!known.contains(h)) {
                unknown.add(h);
            }
        }
        if (!unknown.isEmpty()) {
            String out = ssh.run(host, RemoteScript.missing(cache, unknown), null);
            Set<String> missing = Set.copyOf(out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
            for (String h : unknown) {
                if (missing.contains(h)) {
                    try (InputStream in = Files.newInputStream(byHash.get(h))) {
                        ssh.run(host, RemoteScript.upload(cache, h), in);
                    } catch (IOException x) {
                        throw new IOException("cannot copy " + byHash.get(h) + " to " + host + ": " + x.getMessage(), x);
                    }
                    copied++;
                }
                known.add(h);
            }
        }
        return names;
    }

    /** How many jars this stager copied to a host (the rest were there already). */
    synchronized int copied() {
        return copied;
    }

    /** Deletes the jars packed from class folders. */
    synchronized void close() {
        if (packDir == null) {
            return;
        }
        try (Stream<Path> s = Files.list(packDir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(packDir);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private Hashed hash(Path entry) throws IOException {
        Path abs = entry.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new IOException("classpath entry " + entry + " does not exist");
        }
        // A class folder changes in place (its notebook or build writes it): packed anew when its
        // files' count, total size or latest change differ from the last time.
        long size;
        long modified;
        if (Files.isDirectory(abs)) {
            long[] f = {0, 0, 0};
            try (Stream<Path> s = Files.walk(abs)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    f[0]++;
                    f[1] += Files.size(p);
                    f[2] = Math.max(f[2], Files.getLastModifiedTime(p).toMillis());
                }
            }
            size = f[1] * 31 + f[0];
            modified = f[2];
        } else {
            size = Files.size(abs);
            modified = Files.getLastModifiedTime(abs).toMillis();
        }
        Hashed h = hashed.get(abs);
        if (h != null && h.size() == size && h.modified() == modified) {
            return h;
        }
        Path file = Files.isDirectory(abs) ? pack(abs) : abs;
        h = new Hashed(file, sha256(file), size, modified);
        hashed.put(abs, h);
        return h;
    }

    private Path pack(Path dir) throws IOException {
        if (packDir == null) {
            packDir = Files.createTempDirectory("jmp-ssh-pack");
        }
        Path jar = Files.createTempFile(packDir, "classes", ".jar");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path f : files) {
                ZipEntry z = new ZipEntry(dir.relativize(f).toString().replace('\\', '/'));
                z.setLastModifiedTime(FileTime.fromMillis(0));
                out.putNextEntry(z);
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
