package dev.jmp.magics.render;

import dev.jmp.spi.Daemons;
import java.util.concurrent.ScheduledExecutorService;

/** The one daemon thread that flushes live output and throttled displays of every cell. */
final class RenderClock {

    static final ScheduledExecutorService TIMER = Daemons.sharedTimer();

    private RenderClock() {
    }
}
