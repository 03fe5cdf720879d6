package dev.jmp.magics.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.Cluster;
import dev.jmp.magics.MagicArgs;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.render.RecordingCell;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %cluster start NAME} with the group taken from the shared definitions file (pointed at a
 * test file through {@code jmp.clusters}). The started group uses the {@code local} launcher, whose
 * runtime starts no worker until one is used.
 */
class ClusterFileMagicTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("jmp.clusters");
        for (Cluster c : Cluster.list()) {
            Cluster.stop(c.name());
        }
    }

    private String error(ClusterMagics m, String line) {
        return assertThrows(MagicException.class, () -> m.cluster(MagicArgs.split(line))).getMessage();
    }

    @Test
    void aDefinedGroupStartsByNameAndTheLineReplacesItsOptions() throws Exception {
        Path file = dir.resolve("clusters.json");
        Files.writeString(file, "{\"here\": {\"launcher\": \"local\"},"
                + " \"lab\": {\"launcher\": \"ssh\", \"hosts\": \"node1\", \"partition\": \"x\"}}");
        System.setProperty("jmp.clusters", file.toString());
        RecordingCell cell = new RecordingCell();
        ClusterMagics m = new ClusterMagics(() -> cell);

        m.cluster(MagicArgs.split("start here"));
        assertEquals("local", Cluster.get("here").launcher());
        assertTrue(String.join("", cell.published).contains("stdout|Cluster here started: local; workers start when used"), String.join("", cell.published));

        // the file's options reach the launcher, which checks them; one given on the line wins
        assertEquals("%cluster start lab: the ssh launcher has no option 'partition'; its options are bind, cache,"
                + " config, hosts, identity, java, known-hosts, port, user", error(m, "start lab"));
        assertTrue(error(m, "start lab --launcher nope").startsWith("%cluster start lab: no launcher named 'nope'"));

        m.cluster(MagicArgs.split("list"));
        assertTrue(String.join("", cell.published).contains("Defined in " + file + ": here, lab (%cluster start NAME)."), String.join("", cell.published));
    }

    @Test
    void aGroupNeitherGivenNorDefinedIsNamedWithTheFile() {
        Path file = dir.resolve("none.json");
        System.setProperty("jmp.clusters", file.toString());
        ClusterMagics m = new ClusterMagics(RecordingCell::new);
        assertEquals("%cluster start lab: no cluster 'lab' is defined in " + file + " (it defines none); give --launcher"
                + " and its options, or add 'lab' there", error(m, "start lab --hosts a"));
    }

    @Test
    void aBrokenFileIsReportedNotIgnored() throws Exception {
        Path file = dir.resolve("clusters.json");
        Files.writeString(file, "{\"lab\": {\"hosts\": \"node1\"}}");
        System.setProperty("jmp.clusters", file.toString());
        RecordingCell cell = new RecordingCell();
        ClusterMagics m = new ClusterMagics(() -> cell);
        assertEquals("%cluster start lab: " + file + ": group 'lab' has no \"launcher\" (ssh or slurm, for example)",
                error(m, "start lab"));
        m.cluster(MagicArgs.split("list"));
        assertTrue(String.join("", cell.published).contains(file + ": group 'lab' has no \"launcher\""), String.join("", cell.published));
    }
}
