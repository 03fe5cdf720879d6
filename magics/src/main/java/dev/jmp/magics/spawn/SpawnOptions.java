package dev.jmp.magics.spawn;

import dev.jmp.magics.MagicArgs;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.MagicOption;
import dev.jmp.magics.MagicOptions;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of one {@code %%spawn} cell.
 *
 * @param count          how many processes ({@code -n})
 * @param name           the run's name ({@code --name}), or null for a generated one
 * @param daemon         whether the processes are daemons ({@code --daemon})
 * @param background     whether the cell returns at once ({@code --bg})
 * @param timeoutSeconds after how long the workers are terminated ({@code --timeout}), or -1
 * @param out            the variable to bind the process handles to ({@code --out}), or null
 * @param group          whether output is held back and printed per worker at the end ({@code --group})
 * @param jvmOptions     extra JVM options for the workers ({@code --jvm-opts})
 * @param javaHome       the Java the workers run on ({@code --java}), or null for the kernel's
 * @param on             the cluster the workers run on ({@code --on}), or null for this machine
 */
public record SpawnOptions(int count, String name, boolean daemon, boolean background, double timeoutSeconds,
                           String out, boolean group, List<String> jvmOptions, Path javaHome, String on) {

    /** Options for processes on this machine. */
    public SpawnOptions(int count, String name, boolean daemon, boolean background, double timeoutSeconds,
                        String out, boolean group, List<String> jvmOptions, Path javaHome) {
        this(count, name, daemon, background, timeoutSeconds, out, group, jvmOptions, javaHome, null);
    }

    /** The most processes one cell may start. */
    public static final int MAX_COUNT = 256;

    static final MagicOption<Integer> COUNT = MagicOption.integer("-n", "N", 1, MAX_COUNT, "number of processes")
            .orElse(1);
    static final MagicOption<String> NAME = MagicOption.text("--name", "NAME",
                    "name of the run; workers are NAME (N = 1) or NAME-0 .. NAME-(N-1); %wait and %terminate take it")
            .defaultShown("spawn-K")
            .check(n -> n.matches("[A-Za-z0-9_.][A-Za-z0-9_.-]*"),
                    n -> "'" + n + "' may contain only letters, digits, '_', '.' and '-' (it names the run and its workers)")
            .check(n -> !n.equals("all"), n -> "all is reserved (%wait all and %terminate all mean every run)");
    static final MagicOption<Boolean> DAEMON = MagicOption.flag("--daemon",
            "daemon processes (stopped, not waited for, at kernel exit)");
    static final MagicOption<Boolean> BACKGROUND = MagicOption.flag("--bg",
            "return at once; output keeps flowing into this cell, and the summary replaces the status line when the"
                    + " run ends. %wait NAME waits and replays the output (for nbconvert); %terminate NAME stops it."
                    + " Interrupts do not stop it.");
    static final MagicOption<Double> TIMEOUT = MagicOption.seconds("--timeout", "S",
            "terminate the workers after S seconds (the cell fails)");
    static final MagicOption<String> OUT = MagicOption.javaName("--out", "VAR",
            "bind VAR (a java.util.List<dev.jmp.Process>) to the processes: VAR.get(0).pid(), .exitCode(),"
                    + " .result(), .join(), .terminate()");
    static final MagicOption<Boolean> GROUP = MagicOption.flag("--group",
            "hold output back and print it per worker, in worker order, when the run ends (notebooks that diff"
                    + " cleanly)");
    static final MagicOption<String> JVM_OPTIONS = MagicOption.text("--jvm-opts", "\"...\"",
            "JVM options for the workers, e.g. --jvm-opts \"-Xmx256m\"");

    static final MagicOption<Path> JAVA = MagicOption.javaHome("--java",
            "run the workers on another Java (its home or its bin/java), e.g. a newer JDK; not older than the"
                    + " kernel's Java");

    static final MagicOption<String> ON = MagicOption.text("--on", "CLUSTER",
            "run on the hosts of a cluster started with %cluster start");

    static final MagicOptions OPTIONS = new MagicOptions("%%spawn", COUNT, NAME, DAEMON, BACKGROUND, TIMEOUT, OUT,
            GROUP, JVM_OPTIONS, JAVA, ON);

    /** The documentation of {@code %%spawn}. */
    public static final MagicDoc DOC = new MagicDoc("spawn", false, true,
            "Run the cell body in N new worker processes, streaming their output into the cell.",
            OPTIONS.help("BODY (Java statements; may `return` a value)", """
                    The body is compiled in the notebook (methods, classes, records and variables of
                    earlier cells are visible) and runs in N fresh worker JVMs. The variables it reads
                    are copied when the cell runs; changes made in a worker do not flow back. Inside,
                    Worker.index() (0..N-1), Worker.name() and Worker.pid() tell which worker runs.

                    While it runs, each worker's stdout and stderr stream into the cell, whole lines
                    labelled [w0], [w1] ... At the end a table shows each worker's name, pid, exit
                    code, duration and returned value. A worker that throws or exits non-zero makes
                    the cell fail with its stack trace in cell line numbers; the other workers'
                    output stays. Interrupting the kernel terminates the workers.""", """
                    %%spawn -n 4
                    System.out.println("hello from worker " + Worker.index());
                    return Worker.index() * Worker.index();

                    %%spawn --bg --name train --out procs
                    for (int epoch = 0; epoch < 10; epoch++) { step(epoch); System.out.println(epoch); }"""));

    /**
     * Parses the words after {@code %%spawn}.
     *
     * @param args the split arguments
     * @return the options
     * @throws MagicException for an unknown or malformed option, with the usage line
     */
    public static SpawnOptions parse(List<String> args) throws MagicException {
        MagicOptions.Parsed o = OPTIONS.parse(args);
        String jvm = o.get(JVM_OPTIONS);
        return new SpawnOptions(o.get(COUNT), o.get(NAME), o.get(DAEMON), o.get(BACKGROUND), o.get(TIMEOUT),
                o.get(OUT), o.get(GROUP), MagicArgs.split(jvm == null ? "" : jvm), o.get(JAVA), o.get(ON));
    }
}
