package dev.jmp.launch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cluster definitions a team shares in one file, so {@code %cluster start hpc} (or
 * {@code Cluster.start("hpc")}) needs no options: a JSON object from group names to the
 * launcher's options, the launcher's short name under {@code "launcher"}.
 *
 * <pre>{@code
 * {
 *   "hpc": {"launcher": "slurm", "partition": "compute", "time": "2:00:00", "bind": "10.0.0.5"},
 *   "lab": {"launcher": "ssh", "hosts": "node1,node2:4", "user": "alice"}
 * }
 * }</pre>
 *
 * The file is {@code ~/.jmp/clusters.json}, or the path in the system property
 * {@code jmp.clusters}, or else in the environment variable {@code JMP_CLUSTERS}. A missing file
 * means no definitions; a file that is not such an object is an error that names the file and
 * what is wrong, never silently ignored.
 */
public final class ClusterDefinitions {

    /** A definitions file larger than this is refused: it is a hand-written list of a few groups. */
    static final long MAX_BYTES = 1 << 20;

    private final Path file;
    private final Map<String, Map<String, String>> groups;

    private ClusterDefinitions(Path file, Map<String, Map<String, String>> groups) {
        this.file = file;
        this.groups = groups;
    }

    /** The file definitions are read from: the property, the environment variable, or the default. */
    public static Path location() {
        String p = System.getProperty("jmp.clusters");
        if (p == null || p.isBlank()) {
            p = System.getenv("JMP_CLUSTERS");
        }
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        return Path.of(System.getProperty("user.home"), ".jmp", "clusters.json");
    }

    /**
     * Reads the definitions in {@link #location()}.
     *
     * @throws IllegalArgumentException naming the file and the fault if it is not a valid definitions file
     */
    public static ClusterDefinitions load() {
        return read(location());
    }

    /**
     * Reads the definitions in {@code file}; a missing file has none.
     *
     * @throws IllegalArgumentException naming the file and the fault if it is not a valid definitions file
     */
    public static ClusterDefinitions read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + ": larger than 1 MiB; a clusters file lists a few groups");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new ClusterDefinitions(file, Map.of());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(file, text);
    }

    static ClusterDefinitions parse(Path file, String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new IllegalArgumentException(file + ": not valid JSON (" + why + ")");
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException(file + ": must be a JSON object from group names to their options, "
                    + "e.g. {\"lab\": {\"launcher\": \"ssh\", \"hosts\": \"node1,node2:4\"}}");
        }
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> g : root.getAsJsonObject().entrySet()) {
            if (!g.getValue().isJsonObject()) {
                throw new IllegalArgumentException(file + ": group '" + g.getKey()
                        + "' must be an object of option names to values, e.g. {\"launcher\": \"ssh\", \"hosts\": \"node1\"}");
            }
            groups.put(g.getKey(), options(file, g.getKey(), g.getValue().getAsJsonObject()));
        }
        return new ClusterDefinitions(file, groups);
    }

    private static Map<String, String> options(Path file, String group, JsonObject o) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive()) {
                throw new IllegalArgumentException(file + ": option '" + e.getKey() + "' of group '" + group
                        + "' must be a string, a number or true/false, not " + (v.isJsonNull() ? "null" : "a list or object"));
            }
            JsonPrimitive p = v.getAsJsonPrimitive();
            options.put(e.getKey(), p.getAsString());
        }
        String launcher = options.get("launcher");
        if (launcher == null || launcher.isBlank()) {
            throw new IllegalArgumentException(file + ": group '" + group + "' has no \"launcher\" (ssh or slurm, for example)");
        }
        return options;
    }

    /** The file these definitions came from. */
    public Path file() {
        return file;
    }

    /** The defined groups' names, in the file's order. */
    public java.util.Set<String> names() {
        return groups.keySet();
    }

    /**
     * One group's options, {@code launcher} included, with {@code overrides} (given on the command
     * line, say) replacing the file's values.
     *
     * @throws IllegalArgumentException naming the file and the groups it defines if {@code name} is not one
     */
    public Map<String, String> resolve(String name, Map<String, String> overrides) {
        Map<String, String> defined = groups.get(name);
        if (defined == null) {
            throw new IllegalArgumentException("no cluster '" + name + "' is defined in " + file + " ("
                    + (groups.isEmpty() ? "it defines none" : "it defines " + String.join(", ", groups.keySet()))
                    + "); give --launcher and its options, or add '" + name + "' there");
        }
        Map<String, String> merged = new LinkedHashMap<>(defined);
        merged.putAll(overrides);
        return merged;
    }
}
