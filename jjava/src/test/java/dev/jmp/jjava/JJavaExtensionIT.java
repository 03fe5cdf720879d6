package dev.jmp.jjava;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The jmp-jjava jar in a kernel built on JJava's jjava-jupyter 1.0-a6 (the test kernel of this
 * module's test tree), driven by Debian's jupyter_client: {@code src/it/python/test_jjava_extension.py}.
 * The kernel's class path holds only JJava's library and its dependencies (its own JeroMQ and
 * Gson); the jar arrives with {@code %jars}.
 */
class JJavaExtensionIT {

    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    @Timeout(value = 900, unit = TimeUnit.SECONDS)
    void magicsRunInAJJavaKernel(@TempDir Path dataDir) throws Exception {
        Path jar = Path.of(System.getProperty("jmp.jjava.jar"));
        kernelspec(dataDir.resolve("kernels/jmp-jjava-test"), Map.of());
        kernelspec(dataDir.resolve("kernels/jmp-jjava-test-env"), Map.of("JJAVA_CLASSPATH", jar.toString()));
        List<String> pythonPath = List.of(System.getProperty("jmp.jjava.python"),
                REPO.resolve("install/src/it/python").toString());
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", "-m", "unittest", "-v", "test_jjava_extension")
                .directory(new File(System.getProperty("jmp.jjava.python"))).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_DATA_DIR", dataDir.toString());
        env.put("JUPYTER_PATH", dataDir.toString());
        env.put("PYTHONPATH", String.join(File.pathSeparator, pythonPath));
        env.put("JMP_JJAVA_JAR", jar.toString());
        env.put("JMP_TEST_RUN", "jjava-it-" + UUID.randomUUID());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Path log = dataDir.resolve("python.log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(800, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            fail("the Python test did not finish:\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
    }

    /** A kernelspec of the test kernel, with these environment variables. */
    private static void kernelspec(Path dir, Map<String, String> env) throws Exception {
        StringBuilder envJson = new StringBuilder();
        env.forEach((k, v) -> envJson.append(envJson.length() == 0 ? "" : ", ").append(quote(k)).append(": ").append(quote(v)));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), "{\n"
                + "  \"argv\": [" + quote(java) + ", \"-cp\", " + quote(kernelClasspath())
                + ", \"dev.jmp.jjava.testkernel.TestJJavaKernel\", \"{connection_file}\"],\n"
                + "  \"display_name\": \"JJava test kernel\",\n"
                + "  \"language\": \"java\",\n"
                + "  \"interrupt_mode\": \"message\",\n"
                + "  \"env\": {" + envJson + "}\n"
                + "}\n");
    }

    /** JJava's library and what it needs, and the test kernel: none of jmp's jars. */
    private static String kernelClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.equals("test-classes") || name.matches("(jjava-jupyter|gson|jeromq|jnacl|slf4j-api|slf4j-nop)-.*\\.jar")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
