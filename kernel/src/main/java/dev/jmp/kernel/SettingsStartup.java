package dev.jmp.kernel;

import dev.jmp.kernel.jshell.JShellEvaluator;
import dev.jmp.magics.CellFailure;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.classpath.ClasspathMagics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies the {@link KernelSettings} that need a running JShell, before the first cell: the class
 * path, then the start-up scripts, then the inline start-up code. What fails is logged and
 * returned (the first cell shows it); the rest still applies.
 */
final class SettingsStartup {

    private SettingsStartup() {
    }

    static List<String> apply(KernelSettings settings, Map<String, String> env, JShellEvaluator evaluator,
                              KernelServices services, Path base, PrintStream log) {
        List<String> problems = new ArrayList<>();
        if (!settings.classpath().isEmpty()) {
            ClasspathMagics classpath = new ClasspathMagics(base, services::addToClasspath, services::addedClasspath, () -> log);
            for (String entry : settings.classpath()) {
                try {
                    classpath.classpath(List.of(entry));
                } catch (MagicException e) {
                    problems.add(KernelSettings.name(env, KernelSettings.CLASSPATH) + ": "
                            + e.getMessage().replaceFirst("^%classpath: ", ""));
                }
            }
        }
        for (Path script : settings.startupScripts()) {
            String code;
            try {
                code = Files.readString(script);
            } catch (IOException e) {
                problems.add(KernelSettings.name(env, KernelSettings.STARTUP_SCRIPTS_PATH) + ": cannot read " + script
                        + " (" + e.getMessage() + ")");
                continue;
            }
            run(evaluator, code, KernelSettings.name(env, KernelSettings.STARTUP_SCRIPTS_PATH) + ": " + script, problems);
        }
        if (!settings.startupScript().isBlank()) {
            run(evaluator, settings.startupScript(), KernelSettings.name(env, KernelSettings.STARTUP_SCRIPT), problems);
        }
        problems.forEach(p -> log.println("jmp: " + p));
        return problems;
    }

    private static void run(JShellEvaluator evaluator, String code, String source, List<String> problems) {
        try {
            evaluator.eval(code, 0);
        } catch (CellFailure e) {
            problems.add(source + " failed: " + e.errorName() + ": " + e.errorValue());
        } catch (RuntimeException e) {
            problems.add(source + " failed: " + e);
        }
    }
}
