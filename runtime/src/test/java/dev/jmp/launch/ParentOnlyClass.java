package dev.jmp.launch;

import dev.jmp.spi.ClassSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class only the parent has, as the kernel has a notebook's: compiled when the test runs (so
 * no worker's classpath holds it), served by this class source, which counts the requests it
 * answers. Its constant pads it over the size the parent answers with a digest first.
 */
public final class ParentOnlyClass implements ClassSource {

    /** The class's binary name. */
    public static final String NAME = "jmpcache.Fetched";
    private final byte[] bytes;
    private final AtomicInteger asked = new AtomicInteger();

    /** Compiles the class with this JDK's compiler. */
    public ParentOnlyClass() throws IOException {
        Path src = Files.createTempDirectory("jmp-parent-only");
        try {
            Path file = src.resolve("jmpcache/Fetched.java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "package jmpcache;\npublic class Fetched {\n    public static final String PAD = \""
                    + "x".repeat(3000) + "\";\n    public static int answer() {\n        return 42;\n    }\n}\n");
            int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(), file.toString());
            if (rc != 0) {
                throw new IOException("javac failed with " + rc);
            }
            bytes = Files.readAllBytes(src.resolve("jmpcache/Fetched.class"));
        } finally {
            try (var files = Files.walk(src)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The class file. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** How many requests for the class this source answered. */
    public int asked() {
        return asked.get();
    }

    @Override
    public byte[] classBytes(String binaryName) {
        if (!NAME.equals(binaryName)) {
            return null;
        }
        asked.incrementAndGet();
        return bytes;
    }

    /** In a worker: loads the class through the task's loader and returns its answer and this worker's pid. */
    public static String answerAndPid() throws Exception {
        Object answer = Class.forName(NAME, true, Thread.currentThread().getContextClassLoader()).getMethod("answer").invoke(null);
        return answer + " " + ProcessHandle.current().pid();
    }
}
