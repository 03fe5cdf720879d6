package dev.jmp.magics.render;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The one daemon thread that flushes live output and throttled displays of every cell. */
final class RenderClock {

    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jmp-render");
        t.setDaemon(true);
        return t;
    });

    private RenderClock() {
    }
}
