package dev.jmp.jjava.testkernel;

import jdk.jshell.JShell;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test kernel (see the package doc). Its main is JJava's start-up order: build, {@code onStartup}
 * (extensions on the kernel's class path), {@code JJAVA_CLASSPATH} added (extensions there), connect.
 */
public final class TestJJavaKernel extends BaseKernel {

    private final TestEngine evaluator;

    private TestJJavaKernel(TestEngine evaluator, MagicsRegistry magics) {
        super("jmp-test-jjava", "1.0", new LanguageInfo.Builder("Java").version(Runtime.version().toString())
                        .mimetype("text/x-java-source").fileExtension(".jshell").build(),
                List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", new MagicTranspiler()), magics, true,
                new StringStyler.Builder().build());
        this.evaluator = evaluator;
    }

    /**
     * Starts the kernel.
     *
     * @param args the connection file
     * @throws Exception when the kernel cannot start
     */
    public static void main(String[] args) throws Exception {
        MagicsRegistry magics = new MagicsRegistry();
        TestJJavaKernel kernel = new TestJJavaKernel(new TestEngine(), magics);
        LineMagic<String, TestJJavaKernel> jars = (k, a) -> {
            k.addToClasspath(String.join(File.pathSeparator, a));
            return null;
        };
        magics.registerLineMagic("jars", jars);
        magics.registerLineMagic("classpath", jars);
        kernel.onStartup();
        kernel.addToClasspath(System.getenv("JJAVA_CLASSPATH"));
        JupyterConnection connection = new JupyterConnection(
                KernelConnectionProperties.parse(Files.readString(Path.of(args[0]))));
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }

    /** Adds jars to JShell and installs the extensions they hold, as JJava's kernel does. */
    void addToClasspath(String classpath) {
        if (classpath == null || classpath.isBlank()) {
            return;
        }
        evaluator.shell().addToClasspath(classpath);
        installExtensions(classpath);
    }

    /**
     * The notebook's JShell (JJava's kernel has the same method).
     *
     * @return the JShell
     */
    public JShell getJShell() {
        return evaluator.shell();
    }

    @Override
    protected ClassLoader getClassLoader() {
        return evaluator.classLoader();
    }

    @Override
    public Object evalRaw(String source) {
        return evaluator.eval(magicParser.resolveMagics(source));
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return null;
    }

    @Override
    public String isComplete(String code) {
        return IS_COMPLETE_MAYBE;
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean restarting) {
        super.onShutdown(restarting);
        evaluator.shell().close();
    }
}
