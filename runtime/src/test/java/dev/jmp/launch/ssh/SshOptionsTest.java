package dev.jmp.launch.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ssh launcher's options: what is accepted, and the sentence for each mistake. */
class SshOptionsTest {

    private static String error(Map<String, String> options) {
        return assertThrows(IllegalArgumentException.class, () -> SshOptions.parse(options)).getMessage();
    }

    @Test
    void hostsTakeAnOptionalWorkerCount() {
        SshOptions o = SshOptions.parse(Map.of("hosts", "node1, node2:4,10.0.0.7:2"));
        assertEquals(List.of(new SshHost("node1", 1), new SshHost("node2", 4), new SshHost("10.0.0.7", 2)), o.hosts());
        assertEquals(7, o.slots());
        assertEquals("java", o.java());
        assertEquals("~/.cache/jmp/jars", o.cache());
        assertEquals(0, o.port());
        assertNull(o.user());
        assertNull(o.bind());
    }

    @Test
    void badHostsSayWhatIsAccepted() {
        assertTrue(error(Map.of()).contains("needs hosts"));
        assertTrue(error(Map.of("hosts", "node1,,node2")).startsWith("bad host '' in hosts=node1,,node2: hosts are NAME or NAME:COUNT"));
        assertTrue(error(Map.of("hosts", "a;rm -rf /")).startsWith("bad host 'a;rm -rf /'"));
        assertEquals("bad count of host 'node2' 'x': give a whole number from 1 to 256", error(Map.of("hosts", "node2:x")));
        assertEquals("bad count of host 'node2' '0': give a whole number from 1 to 256", error(Map.of("hosts", "node2:0")));
        assertTrue(error(Map.of("hosts", "-oProxyCommand=x")).startsWith("bad host"), "an option smuggled as a host");
    }

    @Test
    void unknownOptionsAreNamedWithTheKnownOnes() {
        assertEquals("the ssh launcher has no option 'partition'; its options are bind, cache, config, hosts, identity, "
                + "java, known-hosts, port, user", error(Map.of("hosts", "a", "partition", "x")));
    }

    @Test
    void valuesAreChecked(@TempDir Path dir) throws Exception {
        assertEquals("bad port '70000': give a whole number from 1 to 65535", error(Map.of("hosts", "a", "port", "70000")));
        assertTrue(error(Map.of("hosts", "a", "user", "bob smith")).startsWith("bad user 'bob smith'"));
        assertEquals("identity file /nope/id does not exist or cannot be read", error(Map.of("hosts", "a", "identity", "/nope/id")));
        assertTrue(error(Map.of("hosts", "a", "config", "/nope/config")).startsWith("config file /nope/config"));
        assertTrue(error(Map.of("hosts", "a", "java", "java; rm")).startsWith("bad java 'java; rm'"));
        assertTrue(error(Map.of("hosts", "a", "cache", "relative/dir")).startsWith("bad cache 'relative/dir'"));
        assertTrue(error(Map.of("hosts", "a", "cache", "~/../x")).startsWith("bad cache"));
        assertTrue(error(Map.of("hosts", "a", "bind", "myhost")).startsWith("bad bind 'myhost'"));
        Path id = Files.writeString(dir.resolve("id"), "key");
        SshOptions o = SshOptions.parse(Map.of("hosts", "a", "port", "2222", "user", "bob", "identity", id.toString(),
                "java", "/opt/jdk/bin/java", "bind", "10.1.2.3", "cache", "/scratch/jmp"));
        assertEquals(2222, o.port());
        assertEquals("bob", o.user());
        assertEquals(id.toAbsolutePath(), o.identity());
        assertEquals("10.1.2.3", o.bind());
    }

    @Test
    void theSshCommandLineCarriesTheOptionsAndNeverPrompts(@TempDir Path dir) throws Exception {
        Path id = Files.writeString(dir.resolve("id"), "key");
        SshCommand c = new SshCommand(SshOptions.parse(Map.of("hosts", "a", "port", "2222", "user", "bob",
                "identity", id.toString(), "known-hosts", dir.resolve("kh").toString())));
        List<String> argv = c.argv("a", "true");
        String line = String.join(" ", argv);
        assertTrue(line.contains("-o BatchMode=yes"), line);
        assertTrue(line.contains("-p 2222 -l bob -i " + id.toAbsolutePath() + " -o IdentitiesOnly=yes"), line);
        assertTrue(line.contains("-o UserKnownHostsFile=" + dir.resolve("kh").toAbsolutePath()), line);
        assertEquals(List.of("--", "a", "true"), argv.subList(argv.size() - 3, argv.size()));
    }

    @Test
    void remoteWordsAreSingleQuoted() {
        assertEquals("'it'\\''s'", RemoteScript.quote("it's"));
        String cmd = RemoteScript.worker("java", "a.jar:b.jar", "Main", List.of("-Dx=$HOME `id`"), Map.of("K", "v'w"));
        assertTrue(cmd.startsWith("sh -c '"), cmd);
        assertTrue(cmd.endsWith(" 'java' 'a.jar:b.jar' 'Main' '-Dx=$HOME `id`'"), cmd);
        assertTrue(cmd.contains("export K='\\''v'\\''\\'\\'''\\''w'\\''"), cmd);
        assertThrows(IllegalArgumentException.class, () -> RemoteScript.worker("java", "", "M", List.of(), Map.of("A-B", "x")));
        assertEquals(".cache/jmp/jars/abc.jar", RemoteScript.workerPath("~/.cache/jmp/jars", "abc"));
        assertEquals("/scratch/jmp/abc.jar", RemoteScript.workerPath("/scratch/jmp/", "abc"));
    }
}
