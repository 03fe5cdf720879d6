package dev.jmp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parent JVM that tests start, kill or let exit. Prints {@code PIDS <pid> <pid>...} (every
 * worker it started) once they all run, then either sleeps ({@code hang}) or returns from main
 * ({@code exit DIR}) with a non-daemon and a daemon process still running.
 */
public final class ChildParentMain {

    private ChildParentMain() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Jmp.setOutputEcho(false);
        List<Long> pids = new ArrayList<>();
        if (args[0].equals("hang")) {
            Jmp.setWarmWorkers(1);
            Pool pool = new Pool(2);
            pool.map(x -> x, List.of(1, 2, 3, 4));
            Process p = new Process(() -> Thread.sleep(600_000)).start();
            pids.addAll(pool.pids());
            pids.add(p.pid());
            while (dev.jmp.internal.supervisor.DefaultSupervisor.get().warm().size() < 1) {
                Thread.sleep(10);
            }
            for (var w : dev.jmp.internal.supervisor.DefaultSupervisor.get().workers()) {
                if (!pids.contains(w.awaitPid())) {
                    pids.add(w.awaitPid());
                }
            }
            print(pids);
            Thread.sleep(600_000);
        } else {
            String dir = args[1];
            Process nonDaemon = new Process(() -> {
                Thread.sleep(1500);
                Files.writeString(Path.of(dir, "non-daemon-finished"), "yes");
            }).start();
            Process daemon = new Process(() -> {
                Thread.sleep(60_000);
                Files.writeString(Path.of(dir, "daemon-finished"), "yes");
            }).daemon(true).start();
            Pool pool = new Pool(1);
            pool.apply(() -> 1);
            pids.add(nonDaemon.pid());
            pids.add(daemon.pid());
            pids.addAll(pool.pids());
            print(pids);
        }
    }

    private static void print(List<Long> pids) {
        StringBuilder b = new StringBuilder("PIDS");
        for (long p : pids) {
            b.append(' ').append(p);
        }
        System.out.println(b);
        System.out.flush();
    }
}
