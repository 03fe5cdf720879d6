package dev.jmp.magics.shared;

import dev.jmp.shared.Manager;
import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@code %%shared}: declares shared objects (maps, lists, values, counters, locks, semaphores,
 * events, conditions, barriers, queues, int/long/double arrays) that live in the kernel and are used as live references
 * by every later {@code %%spawn}/{@code %%pool} body, and shows a live table of their values.
 */
public final class SharedMagics {

    /** The documentation of {@code %%shared}. */
    public static final MagicDoc DOC = new MagicDoc("shared", false, true,
            "Declare shared objects (counter, map, lock, queue ...) for worker processes; shows their values live.",
            """
            Usage: %%shared
                   DECLARATIONS (Java, each initialized by a factory)

            Each declaration becomes a notebook variable holding an object that lives in the
            kernel; code in %%spawn and %%pool bodies (and any Process or Pool) uses it as a
            live reference, not a copy, with atomic operations. The cell shows a table of the
            declared objects that keeps updating (a few times a second) while workers change
            them.

            Factories (Manager's methods):
              counter(long)        SharedCounter: get, incrementAndGet, addAndGet ...
              value(initial)       SharedValue<T>: get, set, compareAndSet, updateAndGet
              map() / dict()       SharedMap<K, V> (a ConcurrentMap; holds nulls);
                                   dict(initialMap) starts with a copy of its entries
              list()               SharedList<E>; list(collection) starts with its elements
              namespace()          SharedNamespace: named attributes
              lock() / rlock()     SharedLock (a java.util.concurrent.locks.Lock)
              semaphore(n)         SharedSemaphore; boundedSemaphore(n)
              event()              SharedEvent: set, clear, await
              condition([lock])    SharedCondition
              barrier(parties)     SharedBarrier: await
              queue([maxsize])     SharedQueue<E>: put, take, offer, poll
              intArray(n)          SharedIntArray of n zeros: get, set, addAndGet, toArray ...;
                                   intArray(0, 1, 2) holds those values
              longArray(n)         SharedLongArray; doubleArray(n) SharedDoubleArray (also from values)

            Example:
              %%shared
              SharedCounter tickets = counter(100);
              SharedMap<String, Integer> sold = map();
              SharedLock till = lock();

              %%spawn -n 4
              while (tickets.decrementAndGet() >= 0) { sold.merge(Worker.name(), 1, Integer::sum); }""");

    private static final int MAX_WATCHERS = 20;

    private final KernelCallbacks callbacks;
    private final Deque<SharedWatcher> watchers = new ArrayDeque<>();
    private Manager manager;

    /**
     * Creates the magic.
     *
     * @param callbacks what the kernel offers
     */
    public SharedMagics(KernelCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    /**
     * Registers {@code %%shared}; its live tables stop when the kernel shuts down.
     *
     * @param catalog the catalog
     */
    public void register(MagicCatalog catalog) {
        catalog.registerCell(DOC, (args, body) -> {
            shared(args, body);
            return null;
        });
        callbacks.onShutdown(this::stopAll);
    }

    /**
     * Runs {@code %%shared}.
     *
     * @param args must be empty
     * @param body the declarations
     * @throws MagicException for arguments, no factory declaration, or code that does not compile
     */
    public void shared(List<String> args, String body) throws MagicException {
        if (!args.isEmpty()) {
            throw new MagicException("%%shared takes no options (got: " + String.join(" ", args)
                    + "); put the declarations in the cell body. See %%shared --help.");
        }
        SharedDeclarations declarations = SharedDeclarations.parse(body);
        if (declarations.names().isEmpty()) {
            throw new MagicException("%%shared: no declaration initialized by a factory, for example\n"
                    + "  SharedCounter count = counter(100);\nFactories: " + String.join(", ", SharedDeclarations.FACTORIES)
                    + " (see %%shared --help)");
        }
        callbacks.bind(SharedDeclarations.MANAGER, "dev.jmp.shared.Manager", manager());
        // A leading newline keeps the body's lines the cell's lines (line 1 is %%shared).
        callbacks.evaluate("\n" + declarations.source());
        @SuppressWarnings("unchecked")
        List<Object> objects = (List<Object>) callbacks.evaluate("java.util.Arrays.<Object>asList("
                + String.join(", ", declarations.names()) + ")");
        SharedWatcher watcher = new SharedWatcher(callbacks.cellOutput(), declarations.names(), objects);
        watcher.start();
        synchronized (watchers) {
            watchers.addLast(watcher);
            while (watchers.size() > MAX_WATCHERS) {
                watchers.removeFirst().stop();
            }
        }
    }

    private synchronized Manager manager() {
        if (manager == null) {
            manager = new Manager();
        }
        return manager;
    }

    private void stopAll() {
        synchronized (watchers) {
            watchers.forEach(SharedWatcher::stop);
            watchers.clear();
        }
    }
}
