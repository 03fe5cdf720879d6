package dev.jmp.launch.ssh;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code ssh} launcher's options, checked when given: a mistake is named with what is
 * accepted, before any connection is tried.
 *
 * @param hosts      the hosts and their worker counts
 * @param user       the remote user, or null for ssh's choice
 * @param port       the ssh port, or 0 for ssh's choice
 * @param identity   a private key file, or null
 * @param knownHosts a known-hosts file checked instead of the user's, or null
 * @param config     an ssh config file used instead of {@code ~/.ssh/config}, or null
 * @param java       the {@code java} command on the hosts
 * @param bind       the address of this host workers connect to, or null to find it
 * @param cache      the folder on each host jars are kept in ({@code ~/} is the remote home)
 */
record SshOptions(List<SshHost> hosts, String user, int port, Path identity, Path knownHosts, Path config,
                  String java, String bind, String cache) {

    /** The most workers one host runs in a group. */
    static final int MAX_PER_HOST = 256;
    /** The options accepted, for messages. */
    static final Set<String> NAMES = new TreeSet<>(List.of("hosts", "user", "port", "identity", "known-hosts",
            "config", "java", "bind", "cache"));
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_./~+-]+");

    /**
     * Parses and checks the options.
     *
     * @throws IllegalArgumentException naming the bad option, what was wrong and what is accepted
     */
    static SshOptions parse(Map<String, String> options) {
        for (String k : options.keySet()) {
            if (!NAMES.contains(k)) {
                throw new IllegalArgumentException("the ssh launcher has no option '" + k + "'; its options are "
                        + String.join(", ", NAMES));
            }
        }
        String hostList = options.get("hosts");
        if (hostList == null || hostList.isBlank()) {
            throw new IllegalArgumentException("the ssh launcher needs hosts: a comma-separated list of NAME or "
                    + "NAME:COUNT, e.g. hosts=node1,node2:4");
        }
        List<SshHost> hosts = hosts(hostList);
        String user = options.get("user");
        if (user != null && !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("bad user '" + user + "': a user name is letters, digits, '.', '_' and '-'");
        }
        int port = 0;
        if (options.containsKey("port")) {
            port = number("port", options.get("port"), 1, 65535);
        }
        String java = options.getOrDefault("java", "java");
        if (!SAFE_PATH.matcher(java).matches()) {
            throw new IllegalArgumentException("bad java '" + java + "': give the java command or its path on the hosts"
                    + " (letters, digits and _ . / ~ + -)");
        }
        String cache = options.getOrDefault("cache", "~/.cache/jmp/jars");
        if (!SAFE_PATH.matcher(cache).matches() || !(cache.startsWith("/") || cache.startsWith("~/"))
                || cache.contains("..")) {
            throw new IllegalArgumentException("bad cache '" + cache + "': give an absolute folder or one under the"
                    + " remote home (~/...), without '..'");
        }
        String bind = options.get("bind");
        if (bind != null) {
            bind = address(bind);
        }
        return new SshOptions(hosts, user, port, file("identity", options.get("identity")),
                path("known-hosts", options.get("known-hosts")), file("config", options.get("config")),
                java, bind, cache);
    }

    /** The number of workers of every host together. */
    int slots() {
        int n = 0;
        for (SshHost h : hosts) {
            n += h.count();
        }
        return n;
    }

    private static List<SshHost> hosts(String list) {
        List<SshHost> out = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            String s = part.trim();
            String name = s;
            int count = 1;
            int colon = s.lastIndexOf(':');
            if (colon >= 0) {
                name = s.substring(0, colon);
                count = number("count of host '" + name + "'", s.substring(colon + 1), 1, MAX_PER_HOST);
            }
            if (!HOST.matcher(name).matches()) {
                throw new IllegalArgumentException("bad host '" + s + "' in hosts=" + list + ": hosts are NAME or "
                        + "NAME:COUNT (COUNT 1 to " + MAX_PER_HOST + ") separated by commas, NAME being a host name, "
                        + "an IPv4 address or an alias of the ssh config, e.g. node1,node2:4");
            }
            out.add(new SshHost(name, count));
        }
        return List.copyOf(out);
    }

    private static int number(String what, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("bad " + what + " '" + value + "': give a whole number from " + min + " to " + max);
    }

    private static String address(String value) {
        if (!value.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            throw new IllegalArgumentException("bad bind '" + value + "': give an IP address of this host, such as 10.0.0.5");
        }
        try {
            return InetAddress.getByName(value).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad bind '" + value + "': give an IP address of this host, such as 10.0.0.5", e);
        }
    }

    private static Path path(String option, String value) {
        return value == null ? null : Path.of(value.startsWith("~/") ? System.getProperty("user.home") + value.substring(1)
                : value).toAbsolutePath();
    }

    private static Path file(String option, String value) {
        Path p = path(option, value);
        if (p != null && !Files.isReadable(p)) {
            throw new IllegalArgumentException(option + " file " + value + " does not exist or cannot be read");
        }
        return p;
    }
}
