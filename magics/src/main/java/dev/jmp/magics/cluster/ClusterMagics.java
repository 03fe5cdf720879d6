package dev.jmp.magics.cluster;

import dev.jmp.Cluster;
import dev.jmp.JmpRuntime;
import dev.jmp.launch.ClusterDefinitions;
import dev.jmp.magics.CellOutput;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.render.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code %cluster start|list|stop}: named groups of workers on other hosts. The magic only parses
 * and calls {@link Cluster}; the launcher checks its own options.
 */
public final class ClusterMagics {

    private static final String USAGE = """
            Usage: %cluster start NAME [--OPTION VALUE ...]   (a group defined in ~/.jmp/clusters.json)
                   %cluster start NAME --launcher ssh --hosts HOST[:N],... [--user U] [--port P]
                                  [--identity FILE] [--known-hosts FILE] [--config FILE]
                                  [--java PATH] [--bind ADDRESS] [--cache DIR]
                   %cluster start NAME --launcher slurm [--partition P] [--time T] [--cpus-per-task N]
                                  [--mem M] [--account A] [--extra "ARGS"] [--queue-timeout D] [--bind ADDRESS]
                                  [--stage DIR|none] [-n N]
                   %cluster resize NAME --hosts HOST[:N],... [--user U] [--port P] [--identity FILE] [--java PATH]
                   %cluster resize NAME -n N   (a slurm group)
                   %cluster list
                   %cluster stop NAME""";

    /** The documentation of {@code %cluster}. */
    public static final MagicDoc DOC = new MagicDoc("cluster", true, false,
            "Start, resize, list and stop named groups of workers on other hosts (ssh, Slurm); use them with --on NAME.",
            USAGE + """


                    A group is a set of worker JVMs on other machines. `%%pool --on NAME`,
                    `%%spawn --on NAME` and `%workers --on NAME` use it; without --on, work stays
                    on this machine. Workers start when a cell needs them; classes, variables and
                    %jars/%maven jars reach them as they reach local workers (jars are copied once
                    per host, by content hash). Across hosts the connection is encrypted and
                    authenticated (ZeroMQ CURVE); the kernel listens off loopback only while a group
                    runs.

                    Options of the ssh launcher (the system ssh client, its ~/.ssh/config and agent
                    apply; it never prompts):
                      --hosts H[:N],...   hosts and workers per host (default 1), e.g. node1,node2:4
                      --user U            remote user          --port P    ssh port
                      --identity FILE     private key          --config F  ssh config file
                      --known-hosts FILE  known-hosts file to check host keys against
                      --java PATH         java on the hosts (default: java on their PATH), 17 or later,
                                          not older than the kernel's
                      --bind ADDRESS      this machine's address the hosts reach (default: found
                                          from the route to the first host)
                      --cache DIR         where jars are kept on the hosts (default ~/.cache/jmp/jars)

                    Options of the slurm launcher (one allocation per group, each worker a job step
                    in it; the nodes share this machine's java and jars, as on a cluster's shared
                    filesystem):
                      -n N                workers in the group's allocation (sbatch --ntasks), the
                                          default size of its pools (without it: one job per worker)
                      --partition P  --time T  --cpus-per-task N  --mem M  --account A
                      --extra "ARGS"      more sbatch options (not those jmp sets itself)
                      --queue-timeout D   give up on a job still queued after D (default 10m; 0: never)
                      --bind ADDRESS      this machine's address the nodes reach (without it, jobs
                                          must run on this machine)

                    Shared definitions: ~/.jmp/clusters.json (or the file $JMP_CLUSTERS names) maps
                    group names to their options, the launcher under "launcher", e.g.
                      {"hpc": {"launcher": "slurm", "partition": "compute", "bind": "10.0.0.5"}}
                    Then `%cluster start hpc` needs no options; options on the line replace the file's.
                    `%cluster list` also names the groups the file defines.

                    Examples:
                      %cluster start lab --launcher ssh --hosts node1,node2:4 --user alice
                      %cluster start hpc --launcher slurm --partition compute --time 1:00:00 --bind 10.0.0.5
                      %%pool --on lab --over data --as x
                      %cluster list
                      %cluster stop lab""");

    private final Supplier<CellOutput> cell;

    /**
     * Creates the magic.
     *
     * @param cell the running cell's output
     */
    public ClusterMagics(Supplier<CellOutput> cell) {
        this.cell = cell;
    }

    /** Registers {@code %cluster}. */
    public void register(MagicCatalog catalog) {
        catalog.registerLine(DOC, args -> {
            cluster(args);
            return null;
        });
    }

    /**
     * The runtime of the group {@code --on} names.
     *
     * @param name the group's name, or null for this machine's default runtime
     * @throws MagicException naming the running groups if none is called {@code name}
     */
    public static JmpRuntime runtime(String name) throws MagicException {
        if (name == null) {
            return JmpRuntime.defaultRuntime();
        }
        try {
            return Cluster.get(name).runtime();
        } catch (IllegalArgumentException e) {
            throw new MagicException("--on " + name + ": " + e.getMessage());
        }
    }

    /**
     * The number of workers a group is meant to run, for a pool without {@code -n}, or 0.
     *
     * @param name the group's name, or null
     */
    public static int slots(String name) {
        return name == null ? 0 : Cluster.get(name).slots();
    }

    /**
     * Runs {@code %cluster}.
     *
     * @throws MagicException for a bad subcommand or option, or a group that cannot start
     */
    public void cluster(List<String> args) throws MagicException {
        if (args.isEmpty()) {
            throw new MagicException("%cluster needs start, resize, list or stop\n" + USAGE);
        }
        CellOutput out = cell.get();
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "start" -> {
                ClusterArgs a = ClusterArgs.parse(rest);
                Cluster c;
                try {
                    c = a.launcher() != null ? Cluster.start(a.name(), a.launcher(), a.options())
                            : Cluster.start(a.name(), a.options());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new MagicException("%cluster start " + a.name() + ": " + e.getMessage());
                }
                out.stdout("Cluster " + c.name() + " started: " + c.launcher()
                        + (c.options().isEmpty() ? "" : " " + describe(c.options()))
                        + (c.slots() > 0 ? " (" + c.slots() + " workers)" : "")
                        + "; workers start when used: %%pool --on " + c.name() + " ...\n");
            }
            case "resize" -> {
                ClusterArgs a = ClusterArgs.parse("resize", rest);
                if (a.launcher() != null) {
                    throw new MagicException("%cluster resize " + a.name() + ": a group keeps its launcher; stop it and start"
                            + " it again to change --launcher");
                }
                int before;
                Cluster c;
                try {
                    before = slots(a.name());
                    c = Cluster.resize(a.name(), a.options());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new MagicException("%cluster resize " + a.name() + ": " + e.getMessage());
                }
                out.stdout("Cluster " + c.name() + " resized: " + describe(c.options())
                        + (c.slots() > 0 ? " (" + before + " -> " + c.slots() + " workers)" : "")
                        + "; running pools keep their workers, pools started from now on use the new "
                        + (c.launcher().equals("slurm") ? "size" : "hosts") + ".\n");
            }
            case "list" -> {
                if (!rest.isEmpty()) {
                    throw new MagicException("%cluster list takes no arguments\n" + USAGE);
                }
                out.display(UUID.randomUUID().toString(), table(Cluster.list()).bundle());
                out.stdout(definedLine());
            }
            case "stop" -> {
                if (rest.size() != 1) {
                    throw new MagicException("%cluster stop needs one NAME\n" + USAGE);
                }
                try {
                    Cluster.stop(rest.get(0));
                } catch (IllegalArgumentException e) {
                    throw new MagicException("%cluster stop: " + e.getMessage());
                }
                out.stdout("Cluster " + rest.get(0) + " stopped: its workers were stopped.\n");
            }
            default -> throw new MagicException("unknown %cluster subcommand '" + args.get(0) + "': use start, resize, list or stop\n"
                    + USAGE);
        }
    }

    static Table table(List<Cluster> clusters) {
        Table t = new Table(clusters.isEmpty() ? "No clusters are running." : clusters.size() + " cluster"
                + (clusters.size() == 1 ? "" : "s"), List.of("name", "launcher", "workers", "slots", "options"));
        for (Cluster c : clusters) {
            List<String> row = new ArrayList<>();
            row.add(c.name());
            row.add(c.launcher());
            row.add(Integer.toString(c.runtime().workers(java.time.Duration.ZERO).size()));
            row.add(c.slots() > 0 ? Integer.toString(c.slots()) : "");
            row.add(describe(c.options()));
            t.row(row);
        }
        return t;
    }

    /** Which groups the shared definitions file offers, or what is wrong with it. */
    static String definedLine() {
        try {
            ClusterDefinitions d = ClusterDefinitions.load();
            return d.names().isEmpty() ? "No clusters are defined in " + d.file() + " (start one with its options instead).\n"
                    : "Defined in " + d.file() + ": " + String.join(", ", d.names()) + " (%cluster start NAME).\n";
        } catch (IllegalArgumentException e) {
            return e.getMessage() + "\n";
        }
    }

    private static String describe(Map<String, String> options) {
        List<String> parts = new ArrayList<>();
        options.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
    }

}
