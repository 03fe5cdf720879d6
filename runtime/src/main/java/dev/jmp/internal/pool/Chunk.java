package dev.jmp.internal.pool;

import dev.jmp.internal.serial.PackedItems;

/** Consecutive items of one job sent to a worker as one task. Guarded by the scheduler's lock. */
final class Chunk {

    final Job job;
    final long first;
    final int count;
    final PackedItems items;
    long taskId;
    int attempts;
    /** How many times a dying worker's chunk was sent again without counting as a failed attempt. */
    int requeues;
    WorkerSlot slot;
    boolean cancelSent;
    /** When it was last sent to a worker (epoch micros), for the timing of items whose worker died. */
    long sentMicros;
    /** Whether its worker held no other chunk when it was sent. */
    boolean sentToIdle;

    Chunk(Job job, long first, PackedItems items) {
        this.job = job;
        this.first = first;
        this.count = items.count();
        this.items = items;
    }
}
