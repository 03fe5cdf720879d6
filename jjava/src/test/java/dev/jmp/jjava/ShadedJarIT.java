package dev.jmp.jjava;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The jmp-jjava jar can sit beside any host kernel's libraries: every class it holds is under
 * {@code dev/jmp/} (JeroMQ, Gson, ASM and basekernel relocated), so an older JeroMQ or Gson of the
 * host never replaces ours, and it declares its JJava extension.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of(System.getProperty("jmp.jjava.jar"));

    @Test
    void holdsOnlyClassesUnderDevJmp() throws Exception {
        List<String> foreign = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("dev/jmp/"))
                    .forEach(foreign::add);
            assertEquals(List.of(), foreign, "classes that could clash with the host kernel's");
            assertNotNull(jar.getEntry("dev/jmp/shaded/org/zeromq/ZMQ.class"), "JeroMQ relocated");
            assertNotNull(jar.getEntry("dev/jmp/shaded/com/google/gson/Gson.class"), "Gson relocated");
            ZipEntry service = jar.getEntry("META-INF/services/org.dflib.jjava.jupyter.Extension");
            assertNotNull(service, "the JJava extension is declared");
            assertEquals("dev.jmp.jjava.JmpExtension",
                    new String(jar.getInputStream(service).readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void workersStartWithTheJarAlone() throws Exception {
        // The runtime finds the worker's libraries by where their classes were loaded from; inside
        // the jar, JeroMQ and Gson are the relocated copies, so the jar is the whole class path.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> classpath = loader.loadClass("dev.jmp.internal.supervisor.WorkerClasspath");
            Object entries = classpath.getMethod("entries").invoke(null);
            assertEquals(List.of(JAR.toAbsolutePath()), entries);
        }
    }
}
