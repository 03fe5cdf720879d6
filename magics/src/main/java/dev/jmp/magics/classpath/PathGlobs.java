package dev.jmp.magics.classpath;

import dev.jmp.magics.MagicException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Expands path globs such as {@code lib/*.jar}, {@code ~/jars/**}{@code /*.jar} or a plain path,
 * relative to a base directory. {@code *} matches within one folder, {@code **} across folders.
 */
public final class PathGlobs {

    private PathGlobs() {
    }

    /**
     * Expands one glob.
     *
     * @param base    the directory relative paths are resolved against
     * @param glob    the glob or plain path; a leading {@code ~} means the user's home
     * @param accept  which matched paths to keep
     * @return the matching paths, sorted
     * @throws MagicException if the glob's folder cannot be read
     */
    public static List<Path> expand(Path base, String glob, Predicate<Path> accept) throws MagicException {
        String expanded = glob;
        if (expanded.equals("~") || expanded.startsWith("~/")) {
            expanded = System.getProperty("user.home") + expanded.substring(1);
        }
        String normalized = expanded.replace('\\', '/');
        int firstGlob = indexOfGlobChar(normalized);
        if (firstGlob < 0) {
            Path path = base.resolve(expanded).normalize();
            return Files.exists(path) && accept.test(path) ? List.of(path) : List.of();
        }
        int cut = normalized.lastIndexOf('/', firstGlob);
        Path root = cut < 0 ? base : base.resolve(cut == 0 ? "/" : normalized.substring(0, cut));
        root = root.normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String pattern = root.toString().replace('\\', '/') + (root.toString().endsWith("/") ? "" : "/")
                + normalized.substring(cut + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        int depth = normalized.substring(cut + 1).contains("**") ? Integer.MAX_VALUE
                : (int) normalized.substring(cut + 1).chars().filter(c -> c == '/').count() + 1;
        List<Path> result = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, depth)) {
            walk.filter(p -> matcher.matches(p)).filter(accept).sorted().forEach(result::add);
        } catch (IOException e) {
            throw new MagicException("Cannot read folder " + root + ": " + e.getMessage(), e);
        }
        return result;
    }

    private static int indexOfGlobChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }
}
