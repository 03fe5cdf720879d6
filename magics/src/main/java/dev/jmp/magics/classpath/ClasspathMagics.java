package dev.jmp.magics.classpath;

import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.QuietValue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** {@code %jars} and {@code %classpath}: add local jars and class folders to the notebook. */
public final class ClasspathMagics {

    /** The documentation of {@code %jars}. */
    public static final MagicDoc JARS_DOC = new MagicDoc("jars", true, false,
            "Add local jar files (paths or globs) to the notebook's class path.",
            """
            Usage: %jars PATH_OR_GLOB...

            Each argument is a jar file, a folder (all its *.jar files) or a glob:
            '*' matches inside one folder, '**' across folders, '~' is your home folder.
            Relative paths start at the kernel's working directory (the notebook's folder).
            Every argument must match at least one jar.

            Examples:
              %jars lib/commons-math3-3.6.1.jar
              %jars lib/*.jar ~/jars/**/*.jar""");

    /** The documentation of {@code %classpath}. */
    public static final MagicDoc CLASSPATH_DOC = new MagicDoc("classpath", true, false,
            "Add jars or class folders (paths or globs) to the class path; no argument lists it.",
            """
            Usage: %classpath [PATH_OR_GLOB...]

            Each argument is a jar, a folder of .class files, or a glob matching them
            ('*' inside one folder, '**' across folders, '~' is your home folder).
            Relative paths start at the kernel's working directory.
            Without arguments, prints what magics have added so far.

            Examples:
              %classpath target/classes
              %classpath build/libs/*.jar""");

    private final Path base;
    private final ClasspathSink sink;
    private final Supplier<List<Path>> added;
    private final Supplier<PrintStream> out;

    /**
     * Creates the magics.
     *
     * @param base  the directory relative paths start from
     * @param sink  adds entries to the notebook's class path
     * @param added what has been added so far (for {@code %classpath} without arguments)
     * @param out   where messages go
     */
    public ClasspathMagics(Path base, ClasspathSink sink, Supplier<List<Path>> added, Supplier<PrintStream> out) {
        this.base = base;
        this.sink = sink;
        this.added = added;
        this.out = out;
    }

    /**
     * Registers {@code %jars} and {@code %classpath}.
     *
     * @param catalog the catalog to register into
     */
    public void register(MagicCatalog catalog) {
        // The added paths go to Java code that calls the magic (as IJava's %jars returns them).
        catalog.registerLine(JARS_DOC, args -> new QuietValue(names(jars(args))));
        catalog.registerLine(CLASSPATH_DOC, args -> new QuietValue(names(classpath(args))));
    }

    /**
     * Adds jars.
     *
     * @param patterns paths, folders or globs
     * @return the jars added
     * @throws MagicException if no argument is given or one matches no jar
     */
    public List<Path> jars(List<String> patterns) throws MagicException {
        if (patterns.isEmpty()) {
            throw new MagicException("%jars needs at least one jar path or glob, for example: %jars lib/*.jar");
        }
        Set<Path> found = new LinkedHashSet<>();
        for (String pattern : patterns) {
            Path plain = resolvePlain(pattern);
            List<Path> matches;
            if (plain != null && Files.isDirectory(plain)) {
                matches = PathGlobs.expand(plain, "*.jar", ClasspathMagics::isJar);
            } else if (plain != null && Files.exists(plain) && !isJar(plain)) {
                throw new MagicException("%jars: " + plain + " is not a jar file. Use %classpath for class folders.");
            } else {
                matches = PathGlobs.expand(base, pattern, ClasspathMagics::isJar);
            }
            if (matches.isEmpty()) {
                throw new MagicException("%jars: no jar file matches '" + pattern + "' (relative paths start at "
                        + base + "). Give jar paths, folders or globs like lib/*.jar.");
            }
            found.addAll(matches);
        }
        return addAndReport(new ArrayList<>(found));
    }

    /**
     * Adds class path entries, or prints the added ones when {@code patterns} is empty.
     *
     * @param patterns paths or globs of jars and class folders
     * @return the entries added
     * @throws MagicException if one matches nothing
     */
    public List<Path> classpath(List<String> patterns) throws MagicException {
        if (patterns.isEmpty()) {
            PrintStream stream = out.get();
            List<Path> current = added.get();
            if (current.isEmpty()) {
                stream.println("No entries added yet (use %classpath PATH, %jars GLOB or %maven G:A:V).");
            }
            current.forEach(stream::println);
            stream.flush();
            return List.of();
        }
        Set<Path> found = new LinkedHashSet<>();
        for (String pattern : patterns) {
            List<Path> matches = PathGlobs.expand(base, pattern, p -> Files.isDirectory(p) || isJar(p));
            if (matches.isEmpty()) {
                throw new MagicException("%classpath: no jar or folder matches '" + pattern
                        + "' (relative paths start at " + base + ").");
            }
            found.addAll(matches);
        }
        return addAndReport(new ArrayList<>(found));
    }

    private List<Path> addAndReport(List<Path> entries) throws MagicException {
        sink.add(entries);
        PrintStream stream = out.get();
        stream.println("Added " + entries.size() + (entries.size() == 1 ? " entry" : " entries") + " to the class path"
                + (entries.size() <= 5 ? ": " + String.join(", ", entries.stream().map(p -> p.getFileName().toString()).toList())
                : "."));
        stream.flush();
        return entries;
    }

    /** Paths as text, the form IJava's magics return. */
    static List<String> names(List<Path> paths) {
        return paths.stream().map(Path::toString).toList();
    }

    private Path resolvePlain(String pattern) {
        if (pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{')) {
            return null;
        }
        String p = pattern.equals("~") || pattern.startsWith("~/")
                ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        return base.resolve(p).normalize();
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase().endsWith(".jar");
    }
}
