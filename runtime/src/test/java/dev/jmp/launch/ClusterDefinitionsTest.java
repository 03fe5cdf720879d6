package dev.jmp.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared cluster definitions file: what it accepts, how the line's options merge, each mistake's sentence. */
class ClusterDefinitionsTest {

    @TempDir
    Path dir;

    private static final Path F = Path.of("/teams/clusters.json");

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> ClusterDefinitions.parse(F, json)).getMessage();
    }

    @Test
    void groupsResolveWithTheLineReplacingTheFile() {
        ClusterDefinitions d = ClusterDefinitions.parse(F, """
                {"hpc": {"launcher": "slurm", "partition": "compute", "cpus-per-task": 4, "bind": "10.0.0.5"},
                 "lab": {"launcher": "ssh", "hosts": "node1,node2:4"}}""");
        assertEquals(List.of("hpc", "lab"), List.copyOf(d.names()));
        assertEquals(Map.of("launcher", "slurm", "partition", "debug", "cpus-per-task", "4", "bind", "10.0.0.5",
                "time", "1:00"), d.resolve("hpc", Map.of("partition", "debug", "time", "1:00")));
        assertEquals("no cluster 'big' is defined in /teams/clusters.json (it defines hpc, lab); give --launcher and"
                + " its options, or add 'big' there", assertThrows(IllegalArgumentException.class,
                () -> d.resolve("big", Map.of())).getMessage());
    }

    @Test
    void mistakesNameTheFileAndWhatIsWrong() {
        assertTrue(error("{\"lab\": ").startsWith("/teams/clusters.json: not valid JSON ("), error("{\"lab\": "));
        assertTrue(error("[1]").startsWith("/teams/clusters.json: must be a JSON object from group names"));
        assertTrue(error("{\"lab\": \"ssh\"}").startsWith("/teams/clusters.json: group 'lab' must be an object"));
        assertEquals("/teams/clusters.json: option 'hosts' of group 'lab' must be a string, a number or true/false,"
                + " not a list or object", error("{\"lab\": {\"launcher\": \"ssh\", \"hosts\": [\"a\"]}}"));
        assertEquals("/teams/clusters.json: group 'lab' has no \"launcher\" (ssh or slurm, for example)",
                error("{\"lab\": {\"hosts\": \"a\"}}"));
    }

    @Test
    void aMissingFileDefinesNothingAndAHugeOneIsRefused() throws Exception {
        assertTrue(ClusterDefinitions.read(dir.resolve("absent.json")).names().isEmpty());
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) ClusterDefinitions.MAX_BYTES + 1]);
        assertEquals(big + ": larger than 1 MiB; a clusters file lists a few groups",
                assertThrows(IllegalArgumentException.class, () -> ClusterDefinitions.read(big)).getMessage());
    }
}
