package dev.jmp.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchSpecTest {

    private static LaunchSpec spec(List<String> jvmOptions, List<Path> classpath) {
        return new LaunchSpec("w1", Path.of("/opt/jdk"), jvmOptions, classpath, "dev.x.Main", Map.of("A", "1"),
                Path.of("/tmp"), new byte[0]);
    }

    @Test
    void theCommandIsJavaThenOptionsThenClasspathThenMainClass() {
        assertEquals(List.of("/opt/jdk/bin/java", "-Xmx1g", "-Dk=v", "-cp",
                        "/a.jar" + File.pathSeparator + "/lib/b.jar" + File.pathSeparator + "/classes", "dev.x.Main"),
                spec(List.of("-Xmx1g", "-Dk=v"), List.of(Path.of("/a.jar"), Path.of("/lib/b.jar"), Path.of("/classes")))
                        .javaCommand());
    }

    @Test
    void noOptionsAndOneEntryLeaveNothingEmptyBehind() {
        assertEquals(List.of("/opt/jdk/bin/java", "-cp", "/a.jar", "dev.x.Main"),
                spec(List.of(), List.of(Path.of("/a.jar"))).javaCommand());
    }

    @Test
    void anEntryWithSpacesStaysOneArgument() {
        List<String> cmd = spec(List.of(), List.of(Path.of("/my dir/a b.jar"))).javaCommand();
        assertEquals("/my dir/a b.jar", cmd.get(2));
        assertEquals(4, cmd.size());
    }
}
