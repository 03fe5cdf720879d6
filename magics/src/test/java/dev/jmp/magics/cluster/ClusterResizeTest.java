package dev.jmp.magics.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.Cluster;
import dev.jmp.magics.MagicArgs;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.render.RecordingCell;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code %cluster resize}: an ssh group's hosts change for the workers it starts later, its size
 * (a pool's default) with them; what cannot change is refused with the reason, and nothing
 * changes then. The group listens on loopback and no worker starts, so no host is contacted.
 */
@Timeout(300)
class ClusterResizeTest {

    @AfterEach
    void stopAll() {
        for (Cluster c : Cluster.list()) {
            Cluster.stop(c.name());
        }
    }

    private static String error(ClusterMagics m, String line) {
        return assertThrows(MagicException.class, () -> m.cluster(MagicArgs.split(line))).getMessage();
    }

    @Test
    void anSshGroupTakesOtherHostsAndItsSizeFollows() throws Exception {
        RecordingCell cell = new RecordingCell();
        ClusterMagics m = new ClusterMagics(() -> cell);
        m.cluster(MagicArgs.split("start lab --launcher ssh --hosts node1,node2:2 --bind 127.0.0.1"));
        assertEquals(3, Cluster.get("lab").slots());

        m.cluster(MagicArgs.split("resize lab --hosts node1:2,node2:2,node3"));
        assertEquals(5, Cluster.get("lab").slots(), "a pool --on lab without -n now runs 5 workers");
        assertEquals(Map.of("hosts", "node1:2,node2:2,node3", "bind", "127.0.0.1"), Cluster.get("lab").options());
        String shown = String.join("", cell.published);
        assertTrue(shown.contains("Cluster lab resized: bind=127.0.0.1 hosts=node1:2,node2:2,node3 (3 -> 5 workers);"
                + " running pools keep their workers"), shown);

        assertEquals("%cluster resize lab: the ssh launcher has no option 'partition'; its options are bind, cache,"
                + " config, hosts, identity, java, known-hosts, port, user", error(m, "resize lab --partition x"));
        assertEquals(5, Cluster.get("lab").slots(), "a refused change changes nothing");
        assertEquals("%cluster resize lab: cluster 'lab' listens where it started (bind=127.0.0.1); stop it and start"
                + " it again to change bind", error(m, "resize lab --bind 10.0.0.9"));
        assertEquals("%cluster resize lab: a group keeps its launcher; stop it and start it again to change --launcher",
                error(m, "resize lab --launcher slurm"));
        assertEquals("%cluster resize lab: nothing to change: give the options to replace, such as hosts=node1,node2:4",
                error(m, "resize lab"));
        assertTrue(error(m, "resize big --hosts a").startsWith("%cluster resize big: no cluster named 'big'; running: lab"));
        assertEquals("%cluster resize needs a NAME first: %cluster resize NAME --hosts node1,node2:4",
                error(m, "resize --hosts a"));
    }
}
