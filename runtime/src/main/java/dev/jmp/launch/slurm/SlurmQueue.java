package dev.jmp.launch.slurm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a launcher asks Slurm: submitting an allocation ({@code sbatch}), listing jobs and steps
 * ({@code squeue}) and cancelling or signalling them ({@code scancel}). Every answer is parsed
 * strictly; a line that is not one of ours is ignored.
 */
final class SlurmQueue {

    private static final System.Logger LOG = System.getLogger(SlurmQueue.class.getName());

    private final SlurmCommands commands;
    private final String name;
    private final String user;

    SlurmQueue(SlurmCommands commands, String name, String user) {
        this.commands = commands;
        this.name = name;
        this.user = user;
    }

    /**
     * Submits an allocation and returns its job id.
     *
     * @throws IOException with sbatch's own message when the allocation is refused
     */
    long submit(List<String> args, int tasks) throws IOException {
        SlurmCommands.Result r = commands.run("sbatch", args.toArray(String[]::new));
        String out = r.output().strip();
        // --parsable prints "jobid" or "jobid;cluster"; warnings may come on lines before it.
        String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1).split(";")[0].strip();
        if (r.exitCode() != 0 || !last.matches("\\d{1,18}")) {
            throw new IOException("slurm: sbatch could not make the group's allocation of " + tasks + " task"
                    + (tasks == 1 ? "" : "s") + ": " + (out.isEmpty() ? "exit code " + r.exitCode() : out));
        }
        return Long.parseLong(last);
    }

    /** The steps of these jobs, by step name (the worker id): {@code [J.S, name, node]}. */
    Map<String, String[]> steps(Set<Long> jobs) {
        List<String> ids = new ArrayList<>();
        for (long j : jobs) {
            ids.add(Long.toString(j));
        }
        SlurmCommands.Result r = commands.run("squeue", "--noheader", "--steps", "--jobs=" + String.join(",", ids),
                "--format=%i|%j|%N");
        Map<String, String[]> out = new HashMap<>();
        if (r.exitCode() == 0) {
            for (String line : r.output().split("\n")) {
                String[] f = line.strip().split("\\|", -1);
                if (f.length == 3 && f[0].matches("\\d{1,18}\\.\\d{1,9}")) {
                    out.put(f[1], f);
                }
            }
        }
        return out;
    }

    /** The jobs squeue lists for a selection (all states, so ended jobs it still knows are seen too). */
    List<SlurmJobState> jobs(String selection) {
        SlurmCommands.Result r = commands.run("squeue", "--noheader", "--states=all", "--user=" + user, selection,
                "--format=" + SlurmJobState.FORMAT);
        List<SlurmJobState> out = new ArrayList<>();
        if (r.exitCode() != 0) {
            LOG.log(System.Logger.Level.WARNING, "squeue failed: " + r.output().strip());
            return out;
        }
        for (String line : r.output().split("\n")) {
            SlurmJobState s = SlurmJobState.parse(line);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * How a job ended, as squeue still knows it, or {@code null}. A job just cancelled is listed as
     * {@code COMPLETING} while its node cleans up; its final state is waited for, for a while.
     */
    SlurmJobState finalState(long jobId) {
        SlurmJobState s = null;
        for (int i = 0; i < 300; i++) {     // 30 s: a node's clean-up takes about one here
            List<SlurmJobState> found = jobs("--jobs=" + jobId);
            s = found.isEmpty() ? null : found.get(0);
            if (s == null || !s.state().equals("COMPLETING")) {
                return s;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return s;
            }
        }
        return s;
    }

    /** Cancels a job or step ({@code J} or {@code J.S}), or with a signal sends it that signal. */
    boolean scancel(String job, String signal) {
        SlurmCommands.Result r = signal == null ? commands.run("scancel", "--quiet", job)
                : commands.run("scancel", "--quiet", "--signal=" + signal, job);
        if (r.exitCode() != 0 && signal == null) {
            LOG.log(System.Logger.Level.WARNING, "scancel " + job + " failed: " + r.output().strip());
        }
        return r.exitCode() == 0;
    }

    /** Cancels every job of this launcher at once (the shutdown hook). */
    void cancelAll() {
        commands.run("scancel", "--quiet", "--name=" + name, "--user=" + user);
    }

}
