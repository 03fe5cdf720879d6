package dev.jmp.shared;

import dev.jmp.internal.mapped.Cells;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * What every shared value and array has in common whatever its element type: a name, the
 * lifecycle of its cells, how it prints and that it travels as a {@link SharedForm}. The typed
 * operations stay in the final subclasses, which keep their own typed reference to the same
 * cells so that hot methods ({@code get}, {@code incrementAndGet}, {@code addAndGet}) make one
 * call on the cells, as before this class existed, with no cast and no virtual dispatch here.
 *
 * <p>The public methods here are deliberately not final: javac then adds a public bridge to
 * each public subclass, so reflection ({@code SharedInt.class.getMethod("name")}) finds them
 * on a public class and can call them from outside this package, as before.
 */
abstract class CellsBacked implements Serializable, AutoCloseable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 16;

    private final transient Cells cells;
    private final transient SharedForm.Type form;

    CellsBacked(Cells cells, SharedForm.Type form) {
        this.cells = cells;
        this.form = form;
    }

    /**
     * Returns the name that identifies this shared value or array in every process and in
     * error messages.
     *
     * @return for example {@code SharedLong#3@pid4242} or {@code SharedIntArray#4@pid4242}
     */
    public String name() {
        return cells.name();
    }

    /**
     * Returns the lock that goes with this value or array, like Python's {@code get_lock()}:
     * the same reentrant lock in every process that holds it, made in the runtime's implicit
     * manager on first use (from any process). Single operations are atomic without it; hold it
     * to make several of them one step: {@code lock.lock(); try { v.set(v.get() * 2); } finally { lock.unlock(); }}.
     *
     * @return the value's lock, shared by every process
     */
    public SharedRLock getLock() {
        return ImplicitManager.get().namedRLock("lock of " + name());
    }

    /**
     * In the owner, frees the value or array for every process; in a proxy, only stops this
     * proxy. Either way, this object throws {@link IllegalStateException} afterwards.
     * Idempotent.
     */
    @Override
    public void close() {
        cells.close();
    }

    /**
     * Returns the name and the current value (of an array: its first elements), or the name
     * and {@code closed}.
     *
     * @return a description for printing
     */
    @Override
    public String toString() {
        try {
            return name() + contents();
        } catch (IllegalStateException e) {
            return name() + " (closed)";
        }
    }

    /**
     * Describes the elements for {@link #toString()}: {@code "=" + get()} for a value,
     * {@link #listed} for an array. May throw {@link IllegalStateException} once closed.
     */
    abstract String contents();

    /** How many leading elements an array shows in {@link #toString()}. */
    final int shown() {
        return Math.min(cells.length(), SHOWN);
    }

    /**
     * Turns the {@link java.util.Arrays#toString} of the first {@link #shown()} elements into
     * an array's {@link #contents()}, saying how many elements were left out.
     */
    final String listed(String head) {
        int n = cells.length();
        return n > SHOWN ? head.substring(0, head.length() - 1) + ", ... (" + n + " elements)]"
                : head;
    }

    /** Checks a range {@code [from, to)} for a copy and returns its length. */
    static int span(int from, int to) {
        if (from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") is reversed");
        }
        return to - from;
    }

    // Package-private, not private, so that serialization finds it for the subclasses.
    final Object writeReplace() {
        return new SharedForm(form, cells.ref());
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw travelsAsForm();
    }

    // A forged stream could describe a subclass without this class's data; refuse that too.
    private void readObjectNoData() throws InvalidObjectException {
        throw travelsAsForm();
    }

    private InvalidObjectException travelsAsForm() {
        return new InvalidObjectException(
                "a " + getClass().getSimpleName() + " travels as its reference form only");
    }
}
