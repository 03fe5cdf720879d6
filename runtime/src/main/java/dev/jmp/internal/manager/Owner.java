package dev.jmp.internal.manager;

/**
 * Who holds a lock or waits: a process (its wire id, {@code p} for the parent) and a thread in
 * it.
 */
record Owner(String peer, long thread) {
}
