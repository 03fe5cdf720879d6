package dev.jmp.kernel;

import dev.jmp.magics.MagicArgs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kernel's settings from the environment. Each has a {@code JMP_} name and also accepts
 * IJava's {@code IJAVA_} name (the {@code JMP_} one wins when both are set), so a notebook set up
 * for IJava keeps working. A bad value is left out and described in {@link #problems()}: the
 * kernel logs those and shows them in the first cell, and starts anyway.
 *
 * @param classpath       class path entries (jars, class folders, globs), from {@code JMP_CLASSPATH}
 * @param startupScripts  {@code .jsh} files to run before the first cell, from {@code JMP_STARTUP_SCRIPTS_PATH}
 * @param startupScript   code to run after them, from {@code JMP_STARTUP_SCRIPT}
 * @param compilerOptions options for JShell's compiler, from {@code JMP_COMPILER_OPTS}
 * @param timeoutMillis   how long a cell may run before it is stopped, from {@code JMP_TIMEOUT}; -1 for no limit
 * @param problems        what was wrong with the values given, one message each
 */
record KernelSettings(List<String> classpath, List<Path> startupScripts, String startupScript,
                      List<String> compilerOptions, long timeoutMillis, List<String> problems) {

    static final String CLASSPATH = "CLASSPATH";
    static final String STARTUP_SCRIPTS_PATH = "STARTUP_SCRIPTS_PATH";
    static final String STARTUP_SCRIPT = "STARTUP_SCRIPT";
    static final String COMPILER_OPTS = "COMPILER_OPTS";
    static final String TIMEOUT = "TIMEOUT";

    /**
     * Reads the settings.
     *
     * @param env  the environment (System.getenv())
     * @param base where relative paths start
     * @return the settings, bad values left out and described
     */
    static KernelSettings from(Map<String, String> env, Path base) {
        List<String> problems = new ArrayList<>();
        List<String> classpath = entries(value(env, CLASSPATH));
        List<Path> scripts = new ArrayList<>();
        for (String entry : entries(value(env, STARTUP_SCRIPTS_PATH))) {
            scripts.addAll(scripts(base.resolve(entry), name(env, STARTUP_SCRIPTS_PATH), problems));
        }
        String script = value(env, STARTUP_SCRIPT);
        List<String> options = value(env, COMPILER_OPTS) == null ? List.of() : MagicArgs.split(value(env, COMPILER_OPTS));
        long timeout = timeout(value(env, TIMEOUT), name(env, TIMEOUT), problems);
        return new KernelSettings(classpath, List.copyOf(scripts), script == null ? "" : script, options, timeout,
                List.copyOf(problems));
    }

    /** The name the user set ({@code JMP_X}, else {@code IJAVA_X}), for messages. */
    static String name(Map<String, String> env, String setting) {
        String jmp = "JMP_" + setting;
        return env.get(jmp) == null && env.get("IJAVA_" + setting) != null ? "IJAVA_" + setting : jmp;
    }

    private static String value(Map<String, String> env, String setting) {
        String value = env.get("JMP_" + setting);
        return value != null ? value : env.get("IJAVA_" + setting);
    }

    /** Splits a list on the platform's path separator, as IJava does; blank entries are skipped. */
    private static List<String> entries(String value) {
        if (value == null) {
            return List.of();
        }
        return Stream.of(value.split(File.pathSeparator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Path> scripts(Path entry, String name, List<String> problems) {
        if (Files.isRegularFile(entry)) {
            return List.of(entry);
        }
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.list(entry)) {
                return files.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".jsh") || p.toString().endsWith(".jshell")))
                        .sorted().toList();
            } catch (IOException e) {
                problems.add(name + ": cannot list the folder " + entry + " (" + e.getMessage() + ")");
                return List.of();
            }
        }
        problems.add(name + ": " + entry + " is neither a file nor a folder; give .jsh files or folders of them,"
                + " separated by '" + File.pathSeparator + "'");
        return List.of();
    }

    private static long timeout(String value, String name, List<String> problems) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            long millis = Long.parseLong(value.strip());
            if (millis == -1 || millis > 0) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // described below
        }
        problems.add(name + "=" + value + " is not a timeout: give milliseconds (a whole number above 0), or -1 for none;"
                + " cells run without a time limit");
        return -1;
    }
}
