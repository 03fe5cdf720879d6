package dev.jmp.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a Java installation chosen to run workers (another JDK than the one running this
 * runtime), so a wrong path fails when it is given, with a sentence that says what is wrong,
 * instead of as a worker that never connects.
 */
public final class WorkerJava {

    /** The oldest Java release a worker runs on: the bytecode level of the runtime jar. */
    public static final int OLDEST_RELEASE = 17;

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([0-9][^\"\\s]*)\"?");

    private WorkerJava() {
    }

    /**
     * Checks a Java home (or its {@code bin/java}) for workers.
     *
     * @param given a Java home such as {@code /usr/lib/jvm/temurin-25-jdk-amd64}, or the
     *              {@code bin/java} inside one
     * @return the Java home, absolute
     * @throws IllegalArgumentException if it does not exist, has no executable {@code bin/java},
     *                                  or is older than Java {@value #OLDEST_RELEASE}
     */
    public static Path home(Path given) {
        Path home = given.toAbsolutePath().normalize();
        if (Files.isRegularFile(home) && home.getParent() != null && home.getParent().getParent() != null
                && home.getParent().getFileName().toString().equals("bin")) {
            home = home.getParent().getParent();
        }
        if (!Files.exists(home)) {
            throw new IllegalArgumentException("worker java " + given + " does not exist");
        }
        if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
            throw new IllegalArgumentException("worker java " + given + " is not a Java home (no executable bin/java in it)");
        }
        String version = version(home);
        if (feature(version) < OLDEST_RELEASE) {
            throw new IllegalArgumentException("worker java " + home + " is Java " + version
                    + "; workers need Java " + OLDEST_RELEASE + " or later");
        }
        return home;
    }

    /**
     * The version a Java home declares in its {@code release} file.
     *
     * @param home a Java home
     * @return the version, such as {@code 25.0.3}
     * @throws IllegalArgumentException if the home has no readable {@code release} file naming it
     */
    public static String version(Path home) {
        Path release = home.resolve("release");
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release));
            if (m.find()) {
                return m.group(1);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot tell which Java " + home + " is: cannot read " + release
                    + " (" + e.getMessage() + ")", e);
        }
        throw new IllegalArgumentException("cannot tell which Java " + home + " is: " + release + " has no JAVA_VERSION");
    }

    /**
     * The feature release of a Java home.
     *
     * @param home a Java home
     * @return for example 25 for Java 25.0.3
     * @throws IllegalArgumentException if the home has no readable {@code release} file naming it
     */
    public static int release(Path home) {
        return feature(version(home));
    }

    /** The feature release of a version string: 25 for 25.0.3, 8 for 1.8.0_402. */
    static int feature(String version) {
        String[] parts = version.split("[._+-]");
        int first = Integer.parseInt(parts[0]);
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    }
}
