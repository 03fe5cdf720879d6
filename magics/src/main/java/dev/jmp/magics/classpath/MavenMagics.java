package dev.jmp.magics.classpath;

import dev.jmp.magics.ArtifactResolver;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.QuietValue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** {@code %maven}: resolve artifacts and their dependencies from Maven Central. */
public final class MavenMagics {

    /** The documentation of {@code %maven}. */
    public static final MagicDoc DOC = new MagicDoc("maven", true, false,
            "Resolve Maven artifacts with their dependencies and add them to the class path.",
            """
            Usage: %maven GROUP:ARTIFACT:VERSION...

            Downloads from Maven Central (cached in ~/.m2/repository) the artifacts and their
            transitive compile/runtime dependencies, then adds the jars to the notebook.
            Coordinates may also be GROUP:ARTIFACT:EXTENSION:VERSION or
            GROUP:ARTIFACT:EXTENSION:CLASSIFIER:VERSION.

            Examples:
              %maven org.apache.commons:commons-math3:3.6.1
              %maven com.google.guava:guava:33.2.1-jre org.jsoup:jsoup:1.17.2""");

    private final ArtifactResolver resolver;
    private final ClasspathSink sink;
    private final Supplier<PrintStream> out;

    /**
     * Creates the magic.
     *
     * @param resolver resolves coordinates to jars
     * @param sink     adds the jars to the notebook's class path
     * @param out      where progress and results go
     */
    public MavenMagics(ArtifactResolver resolver, ClasspathSink sink, Supplier<PrintStream> out) {
        this.resolver = resolver;
        this.sink = sink;
        this.out = out;
    }

    /**
     * Registers {@code %maven}.
     *
     * @param catalog the catalog to register into
     */
    public void register(MagicCatalog catalog) {
        catalog.registerLine(DOC, args -> new QuietValue(ClasspathMagics.names(maven(args))));
    }

    /**
     * Resolves and adds artifacts.
     *
     * @param coordinates the coordinates
     * @return the jars added
     * @throws MagicException if none is given, one is malformed or cannot be resolved
     */
    public List<Path> maven(List<String> coordinates) throws MagicException {
        if (coordinates.isEmpty()) {
            throw new MagicException("%maven needs at least one coordinate GROUP:ARTIFACT:VERSION, "
                    + "for example: %maven org.apache.commons:commons-math3:3.6.1");
        }
        for (String c : coordinates) {
            int parts = c.split(":", -1).length;
            if (parts < 3 || parts > 5 || c.contains("::") || c.startsWith(":") || c.endsWith(":")) {
                throw new MagicException("%maven: malformed coordinate '" + c + "'. Expected GROUP:ARTIFACT:VERSION "
                        + "(or GROUP:ARTIFACT:EXTENSION[:CLASSIFIER]:VERSION), for example org.apache.commons:commons-math3:3.6.1");
            }
        }
        List<Path> jars = resolver.resolve(coordinates);
        sink.add(jars);
        PrintStream stream = out.get();
        stream.println("Added " + jars.size() + " jar" + (jars.size() == 1 ? "" : "s") + " for "
                + String.join(", ", coordinates) + ":");
        for (Path jar : jars) {
            stream.println("  " + jar.getFileName());
        }
        stream.flush();
        return jars;
    }
}
