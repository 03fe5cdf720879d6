package dev.jmp.kernel.maven;

import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/** {@code %mavenRepo ID URL} (IJava's {@code %addMavenRepo} too): a repository {@code %maven} searches besides Maven Central. */
public final class MavenRepoMagic {

    private static final String USAGE = """
            Usage: %%%1$s ID URL
                   %%%1$s            (lists the repositories)

            Adds a Maven repository that %%maven searches after Maven Central and the repositories
            added before it. URL is http://, https:// or file://; an ID added again gets the new URL.

            Example:
              %%%1$s jitpack https://jitpack.io
              %%maven com.github.User:Repo:v1.0""";

    private MavenRepoMagic() {
    }

    /**
     * Registers {@code %mavenRepo} and {@code %addMavenRepo}.
     *
     * @param catalog  the catalog
     * @param resolver the kernel's resolver
     * @param out      where the listing goes
     */
    public static void register(MagicCatalog catalog, Supplier<MavenArtifactResolver> resolver, Supplier<PrintStream> out) {
        for (String name : List.of("mavenRepo", "addMavenRepo")) {
            MagicDoc doc = new MagicDoc(name, true, false,
                    "Add a Maven repository for %maven (ID URL); without arguments, list them.", String.format(USAGE, name));
            catalog.registerLine(doc, args -> {
                if (args.isEmpty()) {
                    PrintStream stream = out.get();
                    resolver.get().repositories().forEach(stream::println);
                    stream.flush();
                    return null;
                }
                if (args.size() != 2) {
                    throw new MagicException("%" + name + " takes an ID and a URL (got " + args.size()
                            + " arguments), for example: %" + name + " jitpack https://jitpack.io");
                }
                resolver.get().addRepository(args.get(0), args.get(1));
                return null;
            });
        }
    }
}
