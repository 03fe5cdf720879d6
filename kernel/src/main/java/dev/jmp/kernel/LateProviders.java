package dev.jmp.kernel;

import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicsProvider;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Magics that arrive with a jar added while the kernel runs ({@code %jars}, {@code %maven},
 * {@code %classpath}): every {@link MagicsProvider} listed in the new entries'
 * {@code META-INF/services} is registered as the built-in ones are at start-up, as JJava does for
 * its extensions. The entries are loaded by one class loader that grows with each addition (a
 * provider may use a jar added before it), whose parent is the kernel's, so providers see the
 * same magics API. A provider is registered once; a broken one is named with its reason and
 * leaves the others working.
 */
final class LateProviders {

    private final MagicCatalog catalog;
    private final KernelCallbacks callbacks;
    private final Supplier<PrintStream> out;
    private final Set<String> registered = new HashSet<>();
    private final Loader loader;

    /** A class loader whose entries can be added to. */
    private static final class Loader extends URLClassLoader {
        Loader(ClassLoader parent) {
            super("jmp-late-magics", new URL[0], parent);
        }

        void add(URL url) {
            addURL(url);
        }
    }

    /**
     * @param catalog   where the magics go
     * @param callbacks what the providers are given, as at start-up
     * @param parent    the kernel's class loader (the magics API and the built-in providers)
     * @param out       where to say what was added (the running cell's stdout)
     */
    LateProviders(MagicCatalog catalog, KernelCallbacks callbacks, ClassLoader parent, Supplier<PrintStream> out) {
        this.catalog = catalog;
        this.callbacks = callbacks;
        this.out = out;
        this.loader = new Loader(parent);
        // The providers found at start-up come through the parent: never again.
        for (MagicsProvider p : ServiceLoader.load(MagicsProvider.class, parent)) {
            registered.add(p.getClass().getName());
        }
    }

    /**
     * Registers the providers the new class-path entries bring.
     *
     * @param entries entries just added to the notebook's class path
     * @return the names of the magics added or replaced (empty when the entries bring none)
     */
    synchronized List<String> added(List<Path> entries) {
        for (Path entry : entries) {
            try {
                loader.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                out.get().println("jmp: cannot look for magics in " + entry + ": " + e.getMessage());
            }
        }
        Map<String, MagicDoc> before = new HashMap<>();
        catalog.docs().forEach(d -> before.put(d.name(), d));
        List<String> names = new ArrayList<>();
        var it = ServiceLoader.load(MagicsProvider.class, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<MagicsProvider> found;
            try {
                if (!it.hasNext()) {
                    break;
                }
                found = it.next();
            } catch (ServiceConfigurationError e) {
                out.get().println("jmp: a magics provider listed in the added jars cannot be loaded: " + reason(e));
                continue;
            }
            String type = found.type().getName();
            if (!registered.add(type)) {
                continue;
            }
            try {
                found.get().register(catalog, callbacks);
            } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
                out.get().println("jmp: the magics of " + type + " could not be registered: " + reason(e));
            }
        }
        for (MagicDoc d : catalog.docs()) {
            MagicDoc old = before.get(d.name());
            if (old == null) {
                names.add(label(d));
            } else if (old != d) {
                names.add(label(d) + " (replacing the kernel's)");
            }
        }
        if (!names.isEmpty()) {
            out.get().println("Added magics: " + String.join(", ", names));
        }
        return names;
    }

    private static String label(MagicDoc d) {
        List<String> forms = new ArrayList<>();
        if (d.line()) {
            forms.add("%" + d.name());
        }
        if (d.cell()) {
            forms.add("%%" + d.name());
        }
        return String.join("/", forms);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
