package dev.jmp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.magics.MagicCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Magics providers in jars added while the kernel runs: real jars, compiled here, loaded for real. */
class LateProvidersTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);

    @Test
    void aProviderInAnAddedJarRegistersItsMagicsOnce() throws Exception {
        Path jar = providerJar("greet", "Greet", """
                package greet;
                public class Greet implements dev.jmp.magics.MagicsProvider {
                    public void register(dev.jmp.magics.MagicCatalog c, dev.jmp.magics.KernelCallbacks k) {
                        c.registerRawLine(new dev.jmp.magics.MagicDoc("greet", true, false, "Greets.", "Usage: %greet NAME"),
                                args -> "hello " + args);
                    }
                }
                """, "greet.Greet\n");
        MagicCatalog catalog = new MagicCatalog(() -> out);
        LateProviders late = new LateProviders(catalog, null, getClass().getClassLoader(), () -> out);

        assertEquals(List.of("%greet"), late.added(List.of(jar)));
        assertEquals("hello ada", catalog.applyLine("greet", "ada"));
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("Added magics: %greet"), said.toString());
        assertEquals(List.of(), late.added(List.of(jar)), "a provider is registered once");
        assertEquals(List.of(), late.added(List.of(dir)), "an entry without providers adds none");
    }

    @Test
    void aBrokenProviderIsNamedAndTheOthersStillWork() throws Exception {
        Path jar = providerJar("mixed", "Fine", """
                package mixed;
                public class Fine implements dev.jmp.magics.MagicsProvider {
                    public void register(dev.jmp.magics.MagicCatalog c, dev.jmp.magics.KernelCallbacks k) {
                        c.registerRawLine(new dev.jmp.magics.MagicDoc("fine", true, false, "Fine.", "Usage: %fine"), args -> "ok");
                    }
                }
                """, "mixed.Missing\nmixed.Fine\n");
        MagicCatalog catalog = new MagicCatalog(() -> out);
        LateProviders late = new LateProviders(catalog, null, getClass().getClassLoader(), () -> out);

        assertEquals(List.of("%fine"), late.added(List.of(jar)));
        assertEquals("ok", catalog.applyLine("fine", ""));
        String text = said.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("cannot be loaded") && text.contains("mixed.Missing"), text);
    }

    /** Compiles one provider class against the test class path and jars it with its service file. */
    private Path providerJar(String pkg, String type, String source, String services) throws IOException {
        Path src = dir.resolve("src/" + pkg + "/" + type + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = dir.resolve("classes-" + pkg);
        Files.createDirectories(classes);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", System.getProperty("java.class.path"), "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "the provider compiles");
        Path jar = dir.resolve(pkg + ".jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            put(j, pkg + "/" + type + ".class", Files.readAllBytes(classes.resolve(pkg + "/" + type + ".class")));
            put(j, "META-INF/services/dev.jmp.magics.MagicsProvider", services.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void put(JarOutputStream j, String name, byte[] bytes) throws IOException {
        j.putNextEntry(new JarEntry(name));
        ((OutputStream) j).write(bytes);
        j.closeEntry();
    }
}
