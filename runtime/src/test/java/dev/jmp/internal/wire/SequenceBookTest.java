package dev.jmp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Numbering per receiver, replays, gaps, and forgetting a peer. */
@Timeout(300)
class SequenceBookTest {

    private final SequenceBook book = new SequenceBook();

    @Test
    void eachReceiverIsNumberedFromOneAndAnUnsentNumberIsGivenAgain() {
        assertEquals(1, book.next("a"));
        assertEquals(2, book.next("a"));
        assertEquals(1, book.next("b"));
        book.unsend("a");
        assertEquals(2, book.next("a"), "the receiver sees no gap for a message never written");
        book.forgetSent("a");
        assertEquals(1, book.next("a"));
    }

    @Test
    void aPeerWhoseFirstMessagesMayBeLostCountsNoGapBeforeItsFirst() {
        assertEquals(0, book.accept("w", 5, 0));
        assertEquals(0, book.accept("w", 6, 0));
        assertEquals(3, book.accept("w", 10, 0));
        assertTrue(book.stale("w", 10));
        assertFalse(book.stale("w", 11));
    }

    @Test
    void aForgottenPeerStartsAfresh() {
        book.accept("w", 4, 1);
        assertTrue(book.stale("w", 2));
        book.forgetReceived("w");
        assertFalse(book.stale("w", 2));
        assertEquals(1, book.accept("w", 2, 1));
    }
}
