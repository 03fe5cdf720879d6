package dev.jmp;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain program for {@link LifetimesIT}: starts a non-daemon and a daemon {@link Process} and
 * returns from {@code main} at once, before either has run. As in Python, the JVM must not end
 * before the non-daemon child is joined, and the daemon child is terminated when main ends.
 */
public final class LifetimeMain {

    private LifetimeMain() {
    }

    /** Entry point: {@code DIR}, where the children leave their marks. */
    public static void main(String[] args) {
        Jmp.setOutputEcho(false);
        String dir = args[0];
        new Process(() -> {
            Thread.sleep(1000);
            Files.writeString(Path.of(dir, "non-daemon-finished"), "yes");
        }).start();
        new Process(() -> {
            Files.writeString(Path.of(dir, "daemon-pid"), Long.toString(Worker.pid()));
            Thread.sleep(120_000);
            Files.writeString(Path.of(dir, "daemon-finished"), "yes");
        }).daemon(true).start();
    }
}
