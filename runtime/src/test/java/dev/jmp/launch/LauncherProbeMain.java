package dev.jmp.launch;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A stand-in worker for the launcher contract: echoes its bootstrap, then exits or sleeps as told. */
public final class LauncherProbeMain {

    private LauncherProbeMain() {
    }

    /** Entry point: the bootstrap line is a command, {@code exit N} or {@code sleep}. */
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String cmd = in.readLine();
        System.out.println("got: " + cmd + " env=" + System.getenv("JMP_PROBE") + " prop=" + System.getProperty("jmp.probe"));
        System.err.println("to stderr");
        System.out.flush();
        if (cmd.startsWith("exit ")) {
            System.exit(Integer.parseInt(cmd.substring(5)));
        }
        Thread watcher = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // nothing else is sent
                }
            } catch (java.io.IOException e) {
                // treated as closed
            }
            System.out.println("stdin closed");
            System.exit(42);
        });
        watcher.setDaemon(true);
        watcher.start();
        Thread.sleep(600_000);
    }
}
