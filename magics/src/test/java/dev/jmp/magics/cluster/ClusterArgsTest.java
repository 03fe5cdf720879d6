package dev.jmp.magics.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.magics.MagicArgs;
import dev.jmp.magics.MagicException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code %cluster}'s words: what it accepts and the sentence for each mistake (no launcher is started). */
class ClusterArgsTest {

    private static ClusterArgs parse(String line) throws MagicException {
        return ClusterArgs.parse(MagicArgs.split(line));
    }

    private static String error(String line) {
        return assertThrows(MagicException.class, () -> parse(line)).getMessage();
    }

    @Test
    void optionsOtherThanTheLauncherGoToTheLauncher() throws Exception {
        ClusterArgs a = parse("lab --launcher ssh --hosts node1,node2:4 --known-hosts=/k --user alice");
        assertEquals("lab", a.name());
        assertEquals("ssh", a.launcher());
        assertEquals(Map.of("hosts", "node1,node2:4", "known-hosts", "/k", "user", "alice"), a.options());
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(error("--launcher ssh").startsWith("%cluster start needs a NAME first"));
        assertEquals("option --hosts of %cluster start needs a value", error("lab --launcher ssh --hosts"));
        assertEquals("option --user of %cluster start is given twice", error("lab --launcher ssh --user a --user b"));
        assertTrue(error("lab --launcher ssh stray").startsWith("unexpected 'stray'"));
    }

    @Test
    void subcommandsAreChecked() {
        ClusterMagics m = new ClusterMagics(() -> null);
        assertTrue(assertThrows(MagicException.class, () -> m.cluster(List.of())).getMessage()
                .startsWith("%cluster needs start, resize, list or stop"));
        assertTrue(assertThrows(MagicException.class, () -> m.cluster(List.of("launch"))).getMessage()
                .startsWith("unknown %cluster subcommand 'launch': use start, resize, list or stop"));
        assertTrue(assertThrows(MagicException.class, () -> m.cluster(List.of("stop"))).getMessage()
                .startsWith("%cluster stop needs one NAME"));
        assertEquals("%cluster stop: no cluster named 'nope'; running: none (start one with %cluster start NAME"
                + " --launcher ssh --hosts ...)", assertThrows(MagicException.class,
                () -> m.cluster(List.of("stop", "nope"))).getMessage());
        assertEquals("%cluster start lab: the ssh launcher has no option 'partition'; its options are bind, cache,"
                + " config, hosts, identity, java, known-hosts, port, user", assertThrows(MagicException.class,
                () -> m.cluster(MagicArgs.split("start lab --launcher ssh --hosts a --partition x"))).getMessage());
        assertTrue(assertThrows(MagicException.class, () -> m.cluster(MagicArgs.split("start lab --launcher nope")))
                .getMessage().startsWith("%cluster start lab: no launcher named 'nope'; known launchers: [local, ssh"));
        assertEquals("--on big: no cluster named 'big'; running: none (start one with %cluster start NAME --launcher"
                + " ssh --hosts ...)", assertThrows(MagicException.class, () -> ClusterMagics.runtime("big")).getMessage());
    }
}
