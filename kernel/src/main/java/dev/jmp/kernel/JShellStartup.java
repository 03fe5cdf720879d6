package dev.jmp.kernel;

import dev.jmp.kernel.display.Display;
import dev.jmp.kernel.jshell.JShellEvaluator;
import dev.jmp.kernel.notebook.NotebookMagics;
import dev.jmp.magics.CellFailure;
import dev.jmp.spi.ClassSource;
import dev.jmp.spi.Daemons;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kernel's start-up: JShell starts and warms up in the background (so the kernel answers
 * Jupyter meanwhile), then the start-up settings (class path, scripts) are applied; the first cell
 * waits for both and shows what was wrong with the settings.
 */
final class JShellStartup {

    private final PrintStream log;
    private final KernelServices services;
    private final CompletableFuture<JShellEvaluator> jshell;
    private final List<String> startupProblems = new CopyOnWriteArrayList<>();
    private final CompletableFuture<List<String>> startup;
    private volatile boolean settingsReported;

    /**
     * Starts JShell and, after it, the start-up settings.
     *
     * @param settings the kernel's settings (their problems are already logged)
     * @param env      the environment they were read from (to name a setting in a problem)
     * @param base     the folder relative paths in the settings start from
     * @param services the kernel's services, told when JShell is ready
     * @param log      where the kernel's own messages go
     */
    JShellStartup(KernelSettings settings, Map<String, String> env, Path base, KernelServices services, PrintStream log) {
        this.log = log;
        this.services = services;
        this.jshell = CompletableFuture.supplyAsync(() -> {
            JShellEvaluator evaluator = startJShell(settings, env);
            try {
                evaluator.eval("1 + 1", 0);
            } catch (CellFailure e) {
                log.println("jmp: JShell warm-up failed: " + e.getMessage());
            }
            services.markReady(evaluator);
            return evaluator;
        }, r -> {
            Daemons.start("jmp-jshell-start", r);
        });
        // Class path and start-up scripts go through the kernel's services, which wait for JShell:
        // a step after it, which the first cell waits for.
        this.startup = jshell.thenApplyAsync(evaluator -> {
            List<String> problems = new ArrayList<>(settings.problems());
            problems.addAll(startupProblems);
            problems.addAll(SettingsStartup.apply(settings, env, evaluator, services, base, log));
            return problems;
        }, r -> Daemons.start("jmp-settings", r));
    }

    /** JShell with the configured compiler options; without them (and a problem noted) when they stop it starting. */
    private JShellEvaluator startJShell(KernelSettings settings, Map<String, String> env) {
        List<String> staticImports = List.of(Display.class.getName(), NotebookMagics.class.getName());
        if (!settings.compilerOptions().isEmpty()) {
            try {
                return new JShellEvaluator(notebookClasspath(), staticImports, settings.compilerOptions(),
                        JmpKernel.class.getClassLoader(), log);
            } catch (RuntimeException e) {
                String problem = KernelSettings.name(env, KernelSettings.COMPILER_OPTS) + "=" + String.join(" ", settings.compilerOptions())
                        + " stops the compiler (" + firstLine(e) + "); JShell runs without these options";
                log.println("jmp: " + problem);
                startupProblems.add(problem);
            }
        }
        return new JShellEvaluator(notebookClasspath(), staticImports, JmpKernel.class.getClassLoader(), log);
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.lines().filter(l -> !l.isBlank()).findFirst().orElse(root.getClass().getSimpleName());
    }

    /** The jars and folders notebook code compiles against (see {@link JmpKernel#notebookClasspath()}). */
    static List<Path> notebookClasspath() {
        return List.of(codeSource(Display.class), codeSource(DisplayData.class), codeSource(ClassSource.class))
                .stream().distinct().toList();
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
        }
    }

    /** The JShell evaluator, waiting for it to finish starting if needed. */
    JShellEvaluator evaluator() {
        try {
            return jshell.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    /** Whether JShell has started (without waiting): only then can it be stopped or closed. */
    boolean started() {
        return jshell.isDone() && !jshell.isCompletedExceptionally();
    }

    /** The first cell waits for the start-up settings and shows what was wrong with them. */
    void reportSettingsProblems() {
        if (settingsReported) {
            return;
        }
        settingsReported = true;
        List<String> problems;
        try {
            problems = startup.join();
        } catch (CompletionException e) {
            problems = List.of("the start-up settings failed: " + firstLine(e));
        }
        if (!problems.isEmpty()) {
            PrintStream err = services.err();
            problems.forEach(p -> err.println("jmp: " + p));
            err.flush();
        }
    }
}
