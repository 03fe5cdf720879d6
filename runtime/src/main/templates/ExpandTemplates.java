import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expands the runtime's per-primitive templates into Java sources, once for {@code int},
 * {@code long} and {@code double}, as the JDK generates its buffer classes. The shared values,
 * their arrays and their cells are the same code for each element type but for the type: the
 * template is their one source, and fast paths stay monomorphic (no boxing, no type switch).
 *
 * <p>Run by Maven at {@code generate-sources} (exec-maven-plugin, see runtime/pom.xml) as
 * {@code java ExpandTemplates.java TEMPLATE_DIR OUTPUT_DIR}. Every {@code *.java.template} below
 * TEMPLATE_DIR yields three files at the same relative path, with the {@code X} in its name
 * replaced by {@code Int}, {@code Long} and {@code Double}: {@code SharedX.java.template} gives
 * {@code SharedInt.java}, {@code SharedLong.java} and {@code SharedDouble.java}.
 *
 * <p>The syntax (a small cousin of the JDK's Spp):
 * <ul>
 * <li>{@code $name$} is replaced by the element type's token {@code name} from {@link #TYPES}; an
 *     unknown name fails the build;
 * <li>lines {@code #if[flag]}, {@code #else[flag]} and {@code #end[flag]} (alone on their line,
 *     indentation ignored, nestable) keep what they enclose only for types with (or, after
 *     {@code #else}, without) the flag: {@code integral}, or the type's own name.
 * </ul>
 * A file is rewritten only when its text changes, so an unchanged template does not make the
 * compiler redo its work; files no template produces any more are deleted.
 */
public final class ExpandTemplates {

    private record Type(String name, Set<String> flags, Map<String, String> tokens) {
    }

    /** The element types, their flags and their tokens: the only type-specific knowledge. */
    private static final List<Type> TYPES = List.of(
            new Type("Int", Set.of("int", "integral"), Map.ofEntries(
                    Map.entry("type", "int"), Map.entry("Type", "Int"), Map.entry("KIND", "INT"),
                    Map.entry("kinds", "ints"), Map.entry("zero", "0"), Map.entry("A", "An"),
                    Map.entry("code", "i"), Map.entry("Atomic", "AtomicInteger"),
                    Map.entry("bits", "int"), Map.entry("BITS", "INTS"),
                    Map.entry("shift", "2"), Map.entry("bytes", "4"),
                    Map.entry("toBits", ""), Map.entry("fromBits", ""), Map.entry("fromLong", "(int) "),
                    Map.entry("equal", "it equals"), Map.entry("bitwise", ""))),
            new Type("Long", Set.of("long", "integral"), Map.ofEntries(
                    Map.entry("type", "long"), Map.entry("Type", "Long"), Map.entry("KIND", "LONG"),
                    Map.entry("kinds", "longs"), Map.entry("zero", "0"), Map.entry("A", "A"),
                    Map.entry("code", "q"), Map.entry("Atomic", "AtomicLong"),
                    Map.entry("bits", "long"), Map.entry("BITS", "LONGS"),
                    Map.entry("shift", "3"), Map.entry("bytes", "8"),
                    Map.entry("toBits", ""), Map.entry("fromBits", ""), Map.entry("fromLong", ""),
                    Map.entry("equal", "it equals"), Map.entry("bitwise", ""))),
            // A double lives as its raw bits, so that compare-and-set compares bits, not values.
            new Type("Double", Set.of("double"), Map.ofEntries(
                    Map.entry("type", "double"), Map.entry("Type", "Double"), Map.entry("KIND", "DOUBLE"),
                    Map.entry("kinds", "doubles"), Map.entry("zero", "0.0"), Map.entry("A", "A"),
                    Map.entry("code", "d"),
                    Map.entry("bits", "long"), Map.entry("BITS", "LONGS"),
                    Map.entry("shift", "3"), Map.entry("bytes", "8"),
                    Map.entry("toBits", "Double.doubleToRawLongBits"),
                    Map.entry("fromBits", "Double.longBitsToDouble"),
                    Map.entry("fromLong", "Double.longBitsToDouble"),
                    Map.entry("equal", "its bits equal those of"), Map.entry("bitwise", ", compared bitwise"))));

    private static final String SUFFIX = ".java.template";
    private static final Pattern TOKEN = Pattern.compile("\\$([A-Za-z]+)\\$");
    private static final Pattern DIRECTIVE = Pattern.compile("\\s*#(if|else|end)\\[([A-Za-z]+)]\\s*");

    private ExpandTemplates() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java ExpandTemplates.java TEMPLATE_DIR OUTPUT_DIR");
            System.exit(2);
        }
        try {
            run(Path.of(args[0]), Path.of(args[1]));
        } catch (IllegalStateException e) {
            // A mistake in a template: say where, without a stack trace of this tool.
            System.err.println("ExpandTemplates: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Path in, Path out) throws IOException {
        if (!Files.isDirectory(in)) {
            throw new IllegalStateException("no template directory " + in.toAbsolutePath());
        }
        List<Path> templates;
        try (Stream<Path> files = Files.walk(in)) {
            templates = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no *" + SUFFIX + " below " + in.toAbsolutePath());
        }
        Set<Path> written = new HashSet<>();
        for (Path template : templates) {
            Path relative = in.relativize(template);
            String name = relative.getFileName().toString();
            if (name.chars().filter(c -> c == 'X').count() != 1) {
                throw new IllegalStateException(template + ": the name needs exactly one X (the type's place)");
            }
            List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
            for (Type type : TYPES) {
                String javaName = name.replace("X", type.name()).replace(SUFFIX, ".java");
                Path target = out.resolve(relative).resolveSibling(javaName);
                String header = "// Generated from " + relative.toString().replace('\\', '/')
                        + " by ExpandTemplates (runtime/src/main/templates): edit the template, not this file.\n";
                writeIfChanged(target, header + expand(template, lines, type));
                written.add(target.toAbsolutePath().normalize());
            }
        }
        deleteStale(out, written);
    }

    /** Expands one template for one type; errors name the template and line. */
    static String expand(Path template, List<String> lines, Type type) {
        StringBuilder text = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        Deque<Boolean> keep = new ArrayDeque<>();
        keep.push(true);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String where = template + ":" + (n + 1) + ": ";
            Matcher directive = DIRECTIVE.matcher(line);
            if (directive.matches()) {
                String flag = directive.group(2);
                switch (directive.group(1)) {
                    case "if" -> {
                        boolean outer = keep.peek();
                        open.push(flag);
                        keep.push(outer && type.flags().contains(flag));
                    }
                    case "else" -> {
                        expectOpen(open, flag, where + "#else");
                        keep.pop();
                        boolean outer = keep.peek();
                        keep.push(outer && !type.flags().contains(flag));
                    }
                    default -> {
                        expectOpen(open, flag, where + "#end");
                        open.pop();
                        keep.pop();
                    }
                }
                continue;
            }
            if (line.contains("#if[") || line.contains("#else[") || line.contains("#end[")) {
                throw new IllegalStateException(where + "a directive must stand alone on its line");
            }
            if (keep.peek()) {
                text.append(substitute(line, type, where)).append('\n');
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException(template + ": #if[" + open.peek() + "] has no #end");
        }
        return text.toString();
    }

    private static void expectOpen(Deque<String> open, String flag, String what) {
        if (!flag.equals(open.peek())) {
            throw new IllegalStateException(what + "[" + flag + "] does not close "
                    + (open.isEmpty() ? "any #if" : "#if[" + open.peek() + "]"));
        }
    }

    private static String substitute(String line, Type type, String where) {
        Matcher token = TOKEN.matcher(line);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            String value = type.tokens().get(token.group(1));
            if (value == null) {
                throw new IllegalStateException(where + "no token $" + token.group(1) + "$ for " + type.name());
            }
            token.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return token.appendTail(out).toString();
    }

    private static void writeIfChanged(Path target, String text) throws IOException {
        if (Files.exists(target) && Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }

    private static void deleteStale(Path out, Set<Path> written) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !written.contains(p.toAbsolutePath().normalize()))
                    .forEach(stale::add);
        }
        for (Path p : stale) {
            try {
                Files.delete(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
