package dev.jmp.spi;

/** A registration that ends when closed (an output listener, for example). */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Ends the registration; closing twice is harmless. */
    @Override
    void close();
}
