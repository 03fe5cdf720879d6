package dev.jmp.launch.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Slurm's client commands ({@code srun}, {@code squeue}, {@code scancel}) as the options say:
 * from their folder or the PATH, with their {@code slurm.conf}. What a command prints is read up to
 * a bound (it is the scheduler's, but a runaway listing must not fill the heap).
 */
final class SlurmCommands {

    /** The most of a command's output read; the rest is dropped. */
    static final int MAX_OUTPUT = 1 << 20;
    /** How long a query or a cancel may take before it is given up (a hang detector, not a tuning). */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    /** What a command did. */
    record Result(int exitCode, String output) {
    }

    private final SlurmOptions options;

    SlurmCommands(SlurmOptions options) {
        this.options = options;
    }

    /** The path of a Slurm command. */
    String tool(String name) {
        return options.bin() == null ? name : options.bin().resolve(name).toString();
    }

    /**
     * A process builder for a Slurm command, with {@code SLURM_CONF} set when the options name one,
     * and without the variables that would make {@code srun} start a step inside the job this
     * program itself may run in, instead of a job of its own.
     */
    ProcessBuilder builder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.remove("SLURM_JOB_ID");
        env.remove("SLURM_JOBID");
        if (options.conf() != null) {
            env.put("SLURM_CONF", options.conf().toString());
        }
        return pb;
    }

    /** Checks that srun can be run, so a missing Slurm is one clear sentence. */
    void checkSrun() throws IOException {
        String srun = tool("srun");
        if (options.bin() != null ? !Files.isExecutable(options.bin().resolve("srun")) : !onPath("srun")) {
            throw new IOException("cannot start a Slurm worker: no executable " + srun
                    + (options.bin() == null ? " on the PATH (install Slurm's client commands, or give the option bin)"
                    : " (the option bin names the folder of srun, squeue and scancel)"));
        }
        if (options.conf() != null && !Files.isReadable(options.conf())) {
            throw new IOException("cannot start a Slurm worker: the slurm.conf " + options.conf() + " (the option conf)"
                    + " cannot be read");
        }
    }

    private static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(java.nio.file.Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a Slurm command to its end (stdout and stderr together).
     *
     * @return its exit code and output, or exit code -1 with the reason if it could not run or hung
     */
    Result run(String tool, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool(tool));
        cmd.addAll(List.of(args));
        try {
            java.lang.Process p = builder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, tool + " did not answer within " + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, "cannot run " + tool(tool) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted while running " + tool);
        }
    }
}
