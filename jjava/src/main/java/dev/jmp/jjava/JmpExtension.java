package dev.jmp.jjava;

import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicsProvider;
import jdk.jshell.JShell;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * jmp's magics in a JJava kernel: JJava finds this extension with {@link ServiceLoader} (at
 * start-up, and in every jar {@code %jars}, {@code %classpath}, {@code %maven} or
 * {@code JJAVA_CLASSPATH} adds) and calls {@link #install}, which registers every jmp magic JJava
 * does not have itself ({@code %%spawn}, {@code %%pool}, {@code %%shared}, {@code %wait},
 * {@code %timeline}, {@code %workers}, {@code %sh} ...). JJava's own {@code %jars},
 * {@code %classpath} and {@code %maven} stay; jars they add reach the workers too.
 */
public final class JmpExtension implements Extension {

    private volatile JJavaCallbacks callbacks;

    /** Creates the extension (called by {@link ServiceLoader}). */
    public JmpExtension() {
    }

    @Override
    public void install(BaseKernel kernel) {
        JShell jshell = HostInternals.call(kernel, "getJShell").filter(JShell.class::isInstance)
                .map(JShell.class::cast).orElse(null);
        if (jshell == null) {
            System.err.println("jmp: this kernel (" + kernel.getClass().getName() + ") has no getJShell(); "
                    + "jmp's magics need a JShell-based kernel such as JJava's and were not installed.");
            return;
        }
        Map<String, byte[]> declared = HostInternals.declaredClasses(kernel).orElse(null);
        if (declared == null) {
            System.err.println("jmp: cannot find where this kernel keeps the classes JShell compiles "
                    + "(a LoaderDelegate with a Map<String, byte[]>), so workers cannot load classes, methods or "
                    + "lambdas defined in cells: %%spawn and %%pool bodies fail with ClassNotFoundException. "
                    + "Magics over the JDK's and jars' classes still work.");
            declared = new ConcurrentHashMap<>();
        }
        ClassLoader loader = HostInternals.call(kernel, "getClassLoader").filter(ClassLoader.class::isInstance)
                .map(ClassLoader.class::cast).orElse(JmpExtension.class.getClassLoader());
        JJavaCallbacks services = new JJavaCallbacks(kernel, jshell, declared, loader);
        MagicCatalog catalog = new MagicCatalog(services::out);
        for (MagicsProvider provider : ServiceLoader.load(MagicsProvider.class, JmpExtension.class.getClassLoader())) {
            provider.register(catalog, services);
        }
        MagicRunner runner = new MagicRunner(catalog, services);
        MagicsRegistry registry = kernel.getMagicsRegistry();
        for (MagicDoc doc : catalog.docs()) {
            String name = doc.name();
            if (doc.line() && !registry.getLineMagicNames().contains(name)) {
                registry.registerLineMagic(name, (LineMagic<Object, BaseKernel>) (k, args) -> runner.line(name, args));
            }
            if (doc.cell() && !registry.getCellMagicNames().contains(name)) {
                registry.registerCellMagic(name,
                        (CellMagic<Object, BaseKernel>) (k, args, body) -> runner.cell(name, args, body));
            }
        }
        callbacks = services;
        try {
            services.markReady();
        } catch (RuntimeException e) {
            System.err.println("jmp: the magics could not prepare the notebook: " + e.getMessage());
        }
    }

    @Override
    public void uninstall(BaseKernel kernel) {
        JJavaCallbacks services = callbacks;
        if (services != null) {
            services.shutdown();
        }
    }
}
