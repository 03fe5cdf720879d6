package dev.jmp.kernel.maven;

import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.QuietValue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code %loadFromPOM FILE [SCOPE...]} and {@code %%loadFromPOM [SCOPE...]}, as IJava's: add a
 * POM's repositories and resolve its dependencies (with theirs) into the notebook, as
 * {@code %mavenRepo} and {@code %maven} would.
 */
public final class LoadFromPomMagic {

    private static final List<String> DEFAULT_SCOPES = List.of("compile", "runtime");

    static final MagicDoc DOC = new MagicDoc("loadFromPOM", true, true,
            "Add the dependencies (and repositories) of a POM file, or of a POM in the cell's body.",
            """
            Usage: %loadFromPOM FILE [SCOPE...]
                   %%loadFromPOM [SCOPE...]
                   POM, or bare <dependency>, <repository> and <properties> elements

            Reads the POM's <repositories> (added as %mavenRepo adds them) and its <dependencies>,
            resolves those of the given scopes (default: compile runtime) with their own compile
            and runtime dependencies, as %maven does, and adds the jars to the notebook and its
            workers. ${property} references are filled from <properties>; a missing version from
            <dependencyManagement>. Parent POMs and imported BOMs are not read.

            Examples:
              %loadFromPOM pom.xml
              %loadFromPOM ../project/pom.xml compile test
              %%loadFromPOM
              <dependency>
                <groupId>org.apache.commons</groupId>
                <artifactId>commons-text</artifactId>
                <version>1.10.0</version>
              </dependency>""");

    private final Supplier<MavenArtifactResolver> resolver;
    private final KernelCallbacks callbacks;
    private final Path base;
    private final Supplier<PrintStream> out;

    private LoadFromPomMagic(Supplier<MavenArtifactResolver> resolver, KernelCallbacks callbacks, Path base,
                             Supplier<PrintStream> out) {
        this.resolver = resolver;
        this.callbacks = callbacks;
        this.base = base;
        this.out = out;
    }

    /**
     * Registers {@code %loadFromPOM} and {@code %%loadFromPOM}.
     *
     * @param catalog   the catalog
     * @param resolver  the kernel's resolver
     * @param callbacks adds the jars to the notebook (and, through its listeners, to workers)
     * @param base      where relative file names start (the kernel's working directory)
     * @param out       where the report goes
     */
    public static void register(MagicCatalog catalog, Supplier<MavenArtifactResolver> resolver, KernelCallbacks callbacks,
                                Path base, Supplier<PrintStream> out) {
        LoadFromPomMagic magic = new LoadFromPomMagic(resolver, callbacks, base, out);
        catalog.registerLine(DOC, args -> {
            if (args.isEmpty()) {
                throw new MagicException("%loadFromPOM needs a POM file, for example: %loadFromPOM pom.xml "
                        + "(or write the POM in a %%loadFromPOM cell)");
            }
            Path file = base.resolve(args.get(0)).normalize();
            if (!Files.isRegularFile(file)) {
                throw new MagicException("%loadFromPOM: no file " + file + " (relative paths start at " + base + ")");
            }
            if (Files.size(file) > PomReader.MAX_CHARS) {
                throw new MagicException("%loadFromPOM: " + file + " has " + Files.size(file) + " bytes, more than a POM may have here ("
                        + PomReader.MAX_CHARS + ")");
            }
            String xml;
            try {
                xml = Files.readString(file);
            } catch (IOException e) {
                throw new MagicException("%loadFromPOM: cannot read " + file + ": " + e.getMessage(), e);
            }
            return magic.load(xml, file.getFileName().toString(), args.subList(1, args.size()));
        });
        catalog.registerCell(DOC, (args, body) -> {
            if (body.isBlank()) {
                throw new MagicException("%%loadFromPOM needs a body: a POM, or <dependency> elements, on the lines after %%loadFromPOM");
            }
            return magic.load(body, "the cell", args);
        });
    }

    private QuietValue load(String xml, String source, List<String> scopeArgs) throws MagicException {
        List<String> scopes = scopeArgs.isEmpty() ? DEFAULT_SCOPES : scopeArgs;
        for (String scope : scopes) {
            if (!List.of("compile", "runtime", "provided", "test", "system", "import").contains(scope)) {
                throw new MagicException("%loadFromPOM: '" + scope + "' is not a Maven scope (compile, runtime, provided, test)");
            }
        }
        PomReader.Contents pom = PomReader.read(xml, source);
        MavenArtifactResolver maven = resolver.get();
        for (PomReader.Repository repository : pom.repositories()) {
            maven.addRepository(repository.id(), repository.url());
        }
        Set<String> coordinates = new LinkedHashSet<>();
        List<String> skipped = new ArrayList<>();
        for (PomReader.Dependency dependency : pom.dependencies()) {
            if (scopes.contains(dependency.scope())) {
                coordinates.add(dependency.coordinate());
            } else {
                skipped.add(dependency.coordinate() + " (" + dependency.scope() + ")");
            }
        }
        PrintStream stream = out.get();
        if (!pom.repositories().isEmpty()) {
            stream.println("Repositories: " + String.join(", ", pom.repositories().stream().map(PomReader.Repository::id).toList()));
        }
        if (!skipped.isEmpty()) {
            stream.println("Skipped (scope not in " + String.join(", ", scopes) + "): " + String.join(", ", skipped));
        }
        if (coordinates.isEmpty()) {
            stream.println("No dependencies to add from " + source + ".");
            stream.flush();
            return new QuietValue(List.of());
        }
        List<Path> jars = maven.resolve(new ArrayList<>(coordinates));
        callbacks.addToClasspath(jars);
        stream.println("Added " + jars.size() + " jar" + (jars.size() == 1 ? "" : "s") + " for "
                + String.join(", ", coordinates) + ":");
        jars.forEach(jar -> stream.println("  " + jar.getFileName()));
        stream.flush();
        return new QuietValue(jars.stream().map(Path::toString).toList());
    }
}
