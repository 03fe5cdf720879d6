package dev.jmp.internal.service;

/** Lets a unit test outside this package play a caller that withdraws its call (interrupted, gone). */
public final class Withdrawals {

    private Withdrawals() {
    }

    /** Withdraws a call as its caller's interrupt does; false if it was answered already. */
    public static boolean withdraw(ServiceCall call) {
        return call.cancel();
    }
}
