package dev.jmp.internal.manager;

import dev.jmp.internal.util.WireNames;
import java.util.Map;

/**
 * Every operation of the manager protocol, used by the proxy that calls it and the object that
 * answers it, so the two cannot drift apart. On the wire an operation is its {@link #wire()}
 * name (such as {@code map.get}) in {@code ServiceRequest.op}; a name the manager does not know
 * is answered with an error that names it.
 */
public enum ManagerOp {
    // The manager itself.
    MANAGER_SHUTDOWN("manager.shutdown"),
    MANAGER_START("manager.start"),
    // Creating a shared object (the request's fields carry its parameters).
    NEW_ARRAY("new.array"),
    NEW_BARRIER("new.barrier"),
    NEW_CONDITION("new.condition"),
    NEW_EVENT("new.event"),
    NEW_LIST("new.list"),
    NEW_LOCK("new.lock"),
    NEW_MAP("new.map"),
    /** The manager's view of a memory-mapped array of its host, for a process on another host (see {@link MappedFallback}). */
    NEW_MAPPED_VIEW("new.mappedView"),
    NEW_QUEUE("new.queue"),
    NEW_RLOCK("new.rlock"),
    NEW_SEMAPHORE("new.semaphore"),
    NEW_VALUE("new.value"),
    // SharedMap and SharedNamespace.
    MAP_CLEAR("map.clear"),
    MAP_COMPUTE("map.compute"),
    MAP_COMPUTE_IF_ABSENT("map.computeIfAbsent"),
    MAP_COMPUTE_IF_PRESENT("map.computeIfPresent"),
    MAP_CONTAINS_KEY("map.containsKey"),
    MAP_CONTAINS_VALUE("map.containsValue"),
    MAP_GET("map.get"),
    MAP_MERGE("map.merge"),
    MAP_PUT("map.put"),
    MAP_PUT_ALL("map.putAll"),
    MAP_PUT_IF_ABSENT("map.putIfAbsent"),
    MAP_REMOVE("map.remove"),
    MAP_REMOVE_IF_EQUALS("map.removeIfEquals"),
    MAP_REPLACE("map.replace"),
    MAP_REPLACE_ALL("map.replaceAll"),
    MAP_REPLACE_IF_EQUALS("map.replaceIfEquals"),
    MAP_SIZE("map.size"),
    MAP_SNAPSHOT("map.snapshot"),
    // SharedList.
    LIST_ADD("list.add"),
    LIST_ADD_ALL("list.addAll"),
    LIST_CLEAR("list.clear"),
    LIST_CONTAINS("list.contains"),
    LIST_CONTAINS_ALL("list.containsAll"),
    LIST_GET("list.get"),
    LIST_INDEX_OF("list.indexOf"),
    LIST_INSERT("list.insert"),
    LIST_INSERT_ALL("list.insertAll"),
    LIST_LAST_INDEX_OF("list.lastIndexOf"),
    LIST_REMOVE("list.remove"),
    LIST_REMOVE_ALL("list.removeAll"),
    LIST_REMOVE_AT("list.removeAt"),
    LIST_REPLACE_ALL("list.replaceAll"),
    LIST_RETAIN_ALL("list.retainAll"),
    LIST_SET("list.set"),
    LIST_SIZE("list.size"),
    LIST_SNAPSHOT("list.snapshot"),
    LIST_SORT("list.sort"),
    // SharedValue.
    VALUE_COMPARE_AND_SET("value.compareAndSet"),
    VALUE_GET("value.get"),
    VALUE_GET_AND_SET("value.getAndSet"),
    VALUE_SET("value.set"),
    VALUE_UPDATE("value.update"),
    // SharedCounter (a value holding a long).
    COUNTER_ADD("counter.add"),
    COUNTER_COMPARE_AND_SET("counter.compareAndSet"),
    COUNTER_GET("counter.get"),
    COUNTER_SET("counter.set"),
    COUNTER_UPDATE("counter.update"),
    // SharedLock and SharedRLock.
    LOCK_ABANDON("lock.abandon"),
    LOCK_ACQUIRE("lock.acquire"),
    LOCK_RECLAIM("lock.reclaim"),
    LOCK_RELEASE("lock.release"),
    LOCK_STATE("lock.state"),
    // SharedCondition.
    COND_AWAIT("cond.await"),
    COND_SIGNAL("cond.signal"),
    // SharedSemaphore and the bounded one.
    SEM_ABANDON("sem.abandon"),
    SEM_ACQUIRE("sem.acquire"),
    SEM_AVAILABLE("sem.available"),
    SEM_RELEASE("sem.release"),
    // SharedEvent.
    EVENT_CLEAR("event.clear"),
    EVENT_IS_SET("event.isSet"),
    EVENT_SET("event.set"),
    EVENT_WAIT("event.wait"),
    // SharedBarrier.
    BARRIER_ABORT("barrier.abort"),
    BARRIER_AWAIT("barrier.await"),
    BARRIER_RESET("barrier.reset"),
    BARRIER_STATE("barrier.state"),
    // SharedQueue.
    QUEUE_PUT("queue.put"),
    QUEUE_SIZE("queue.size"),
    QUEUE_TAKE("queue.take"),
    // Shared primitive arrays (ManagerCells).
    ARRAY_CAS("array.cas"),
    ARRAY_FILL("array.fill"),
    ARRAY_GET("array.get"),
    ARRAY_GET_AND_ADD("array.getAndAdd"),
    ARRAY_GET_AND_SET("array.getAndSet"),
    ARRAY_LENGTH("array.length"),
    ARRAY_READ("array.read"),
    ARRAY_SET("array.set"),
    ARRAY_WRITE("array.write");

    private static final Map<String, ManagerOp> BY_WIRE = WireNames.index(values(), ManagerOp::wire);

    private final String wire;

    ManagerOp(String wire) {
        this.wire = wire;
    }

    /** The operation's name on the wire, such as {@code map.get}. */
    public String wire() {
        return wire;
    }

    /** Whether the operation creates a shared object ({@code new.*}). */
    boolean creates() {
        return wire.startsWith("new.");
    }

    /**
     * The operation a wire name stands for.
     *
     * @return the operation, or {@code null} if no operation has that name
     */
    static ManagerOp ofWire(String wire) {
        return BY_WIRE.get(wire);
    }
}
