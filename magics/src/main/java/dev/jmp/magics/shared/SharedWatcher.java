package dev.jmp.magics.shared;

import dev.jmp.magics.CellOutput;
import dev.jmp.magics.render.Table;
import dev.jmp.spi.Daemons;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The live table of a {@code %%shared} cell: it reads the declared objects every
 * {@value #PERIOD_MILLIS} ms and replaces the table in that cell when a value changed, so a
 * reader watches a counter go from 100 to 0 while workers of later cells decrement it.
 */
final class SharedWatcher {

    static final long PERIOD_MILLIS = 250;

    private static final ScheduledExecutorService TIMER = Daemons.sharedTimer();

    private final CellOutput cell;
    private final List<String> names;
    private final List<Object> objects;
    private final String displayId = UUID.randomUUID().toString();
    private ScheduledFuture<?> tick;
    private String shown;

    SharedWatcher(CellOutput cell, List<String> names, List<Object> objects) {
        this.cell = cell;
        this.names = List.copyOf(names);
        this.objects = new ArrayList<>(objects);
    }

    /** Shows the table and starts watching. */
    synchronized void start() {
        Table table = table();
        shown = table.text();
        cell.display(displayId, table.bundle());
        tick = TIMER.scheduleWithFixedDelay(this::refresh, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops watching (the table keeps its last state). */
    synchronized void stop() {
        if (tick != null) {
            tick.cancel(false);
        }
    }

    private synchronized void refresh() {
        Table table;
        try {
            table = table();
        } catch (RuntimeException e) {
            stop(); // the manager is gone (the runtime shut down): nothing more will change
            return;
        }
        String text = table.text();
        if (!text.equals(shown)) {
            shown = text;
            cell.updateDisplay(displayId, table.bundle());
        }
    }

    private Table table() {
        Table table = new Table("shared objects (live)", List.of("name", "type", "value"));
        for (int i = 0; i < names.size(); i++) {
            Object o = objects.get(i);
            table.row(List.of(names.get(i), SharedState.type(o), SharedState.of(o)));
        }
        return table;
    }
}
