package dev.jmp.launch.ssh;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shell lines run on a host: the wrapper that starts a worker, and the staging commands.
 * Every value enters them single-quoted, so nothing in a path or option is ever parsed by the
 * remote shell.
 *
 * <p>The wrapper reads the bootstrap line from standard input and hands it to the worker through
 * a pipe (never the command line or the environment), prints the worker's pid for the launcher,
 * then keeps reading standard input for {@code TERM} and {@code KILL}. When standard input ends
 * (the ssh session closed: the parent exited, was killed, or the link broke and ssh gave up) it
 * kills the worker, so no worker outlives its parent's session. It exits with the worker's status,
 * which ssh passes back ({@code 128 + N} for signal N).
 */
final class RemoteScript {

    /** The line the wrapper prints first: this prefix and the worker's pid. */
    static final String PID_LINE = "jmp-remote-pid ";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final String WRAPPER = String.join("\n",
            "cd || exit 97",
            "IFS= read -r jmp_boot || exit 96",
            "java=$1; cp=$2; main=$3; shift 3",
            // The worker's stdin is a FIFO this shell holds open: it stays open while the session
            // lives (as a local worker's does) and carries the bootstrap through the kernel only.
            "f=$(mktemp -u \"${TMPDIR:-/tmp}/jmp-boot.XXXXXXXX\") && mkfifo -m 600 \"$f\" || exit 95",
            "\"$java\" \"$@\" -cp \"$cp\" \"$main\" < \"$f\" &",
            "pid=$!",
            "exec 4> \"$f\"",
            "rm -f \"$f\"",
            "printf '%s\\n' \"$jmp_boot\" >&4",
            "jmp_boot=",
            "echo \"" + PID_LINE + "$pid\"",
            // An asynchronous list reads /dev/null unless told otherwise: the watcher gets the session's stdin as fd 3.
            "exec 3<&0",
            "( while IFS= read -r c; do case $c in TERM) kill -TERM $pid;; KILL) kill -KILL $pid;; esac; done;"
                    + " kill -KILL $pid 2>/dev/null ) <&3 3<&- 4>&- &",
            "w=$!",
            "exec 3<&-",
            "wait $pid; s=$?",
            "kill $w 2>/dev/null",
            "exit $s");

    private RemoteScript() {
    }

    /** The remote command line that starts a worker with this java, classpath, main class and options. */
    static String worker(String java, String classpath, String mainClass, List<String> jvmOptions, Map<String, String> env) {
        StringBuilder script = new StringBuilder();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("environment variable name '" + e.getKey() + "' cannot be set on a remote"
                        + " host: names are letters, digits and '_'");
            }
            script.append("export ").append(e.getKey()).append('=').append(quote(e.getValue())).append('\n');
        }
        script.append(WRAPPER);
        StringBuilder cmd = new StringBuilder("sh -c ").append(quote(script.toString())).append(" jmp-worker ")
                .append(quote(java)).append(' ').append(quote(classpath)).append(' ').append(quote(mainClass));
        for (String o : jvmOptions) {
            cmd.append(' ').append(quote(o));
        }
        return cmd.toString();
    }

    /** The remote command that creates the cache folder and prints which of these hashes it lacks. */
    static String missing(String cache, List<String> hashes) {
        StringBuilder s = new StringBuilder("d=").append(folder(cache)).append("; mkdir -p \"$d\" && cd \"$d\" && for h in");
        for (String h : hashes) {
            s.append(' ').append(h);
        }
        s.append("; do [ -f \"$h.jar\" ] || echo \"$h\"; done");
        return "sh -c " + quote(s.toString());
    }

    /**
     * The remote command that stores its standard input as {@code HASH.jar} in the cache: written
     * under a temporary name first and renamed, so a worker never sees half a jar, and two parents
     * staging the same jar at once both end with the whole one.
     */
    static String upload(String cache, String hash) {
        String s = "d=" + folder(cache) + "; t=\"$d/.tmp-" + hash + "-$$\"; cat > \"$t\" && mv -f \"$t\" \"$d/" + hash + ".jar\"";
        return "sh -c " + quote(s);
    }

    /**
     * How a worker names a staged jar: relative to the remote home (its working folder) for a
     * cache under {@code ~/}, absolute otherwise, so the name is the same on every host.
     */
    static String workerPath(String cache, String hash) {
        String dir = cache.startsWith("~/") ? cache.substring(2) : cache;
        return (dir.endsWith("/") ? dir : dir + "/") + hash + ".jar";
    }

    /**
     * The folder, beside the staged jars, where a host's workers keep the classes they fetched
     * ({@code -Djmp.classCache}); named as {@link #workerPath} names a jar.
     */
    static String classCache(String cache) {
        String dir = cache.startsWith("~/") ? cache.substring(2) : cache;
        return (dir.endsWith("/") ? dir : dir + "/") + "classes";
    }

    private static String folder(String cache) {
        return cache.startsWith("~/") ? "\"$HOME\"/" + quote(cache.substring(2)) : quote(cache);
    }

    /** Single-quotes a word for a POSIX shell. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
