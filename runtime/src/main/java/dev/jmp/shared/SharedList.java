package dev.jmp.shared;

import dev.jmp.error.SerializationException;
import dev.jmp.function.ManagedComparator;
import dev.jmp.function.ManagedUnaryOperator;
import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A list shared between processes, held by a {@link Manager}, like Python's
 * {@code Manager().list()}; a {@link List}.
 *
 * <p>Each method is one atomic operation in the manager, bulk ones ({@code addAll},
 * {@code removeAll}, {@code replaceAll}, {@code sort}) included. Iteration (and
 * {@code toString}, {@code equals}, streams) runs over a snapshot taken by one operation; the
 * snapshot's iterators cannot modify the list. Elements are copied in and out; {@code null} is an
 * element like any other (a Python list proxy holds {@code None}). The functions of
 * {@code replaceAll} and {@code sort} run in the manager and must be serializable (lambdas passed
 * directly are). {@code subList} is a view whose methods are each atomic, not the view as a whole.
 *
 * @param <E> the element type
 */
public final class SharedList<E> extends AbstractList<E> implements Serializable {

    private static final long serialVersionUID = 1L;
    private final Ref ref;

    /** The reference itself; {@code AbstractList} cannot be the proxy base class. */
    private static final class Ref extends SharedProxy {
        private static final long serialVersionUID = 1L;

        Ref(String manager, long id, String name) {
            super(manager, id, name);
        }
    }

    SharedList(String manager, long id, String name) {
        this.ref = new Ref(manager, id, name);
    }

    @SuppressWarnings("unchecked")
    private static <T> T first(ManagerCalls.Result r) {
        return (T) r.value(0);
    }

    /** A copy of the whole list, taken atomically. */
    public List<E> snapshot() {
        return first(ref.call(ManagerOp.LIST_SNAPSHOT));
    }

    /** The number of elements. */
    @Override
    public int size() {
        return (int) ref.call(ManagerOp.LIST_SIZE).reply().v();
    }

    /** A copy of the element at {@code index}. */
    @Override
    public E get(int index) {
        return first(ref.callN(ManagerOp.LIST_GET, index));
    }

    /** Replaces the element at {@code index}; returns the old one. */
    @Override
    public E set(int index, E element) {
        return first(ref.callN(ManagerOp.LIST_SET, index, element));
    }

    /** Appends an element. */
    @Override
    public boolean add(E element) {
        ref.call(ManagerOp.LIST_ADD, element);
        return true;
    }

    /** Inserts an element at {@code index}. */
    @Override
    public void add(int index, E element) {
        ref.callN(ManagerOp.LIST_INSERT, index, element);
    }

    /** Removes the element at {@code index}; returns it. */
    @Override
    public E remove(int index) {
        return first(ref.callN(ManagerOp.LIST_REMOVE_AT, index));
    }

    /** Removes the first element equal to {@code o}. */
    @Override
    public boolean remove(Object o) {
        return ref.call(ManagerOp.LIST_REMOVE, o).reply().b();
    }

    /** The index of the first element equal to {@code o}, or -1. */
    @Override
    public int indexOf(Object o) {
        return (int) ref.call(ManagerOp.LIST_INDEX_OF, o).reply().v();
    }

    /** The index of the last element equal to {@code o}, or -1. */
    @Override
    public int lastIndexOf(Object o) {
        return (int) ref.call(ManagerOp.LIST_LAST_INDEX_OF, o).reply().v();
    }

    /** Whether an element equals {@code o}. */
    @Override
    public boolean contains(Object o) {
        return ref.call(ManagerOp.LIST_CONTAINS, o).reply().b();
    }

    /** Whether every element of {@code c} is in the list. */
    @Override
    public boolean containsAll(Collection<?> c) {
        return ref.call(ManagerOp.LIST_CONTAINS_ALL, new ArrayList<>(c)).reply().b();
    }

    /** Appends every element of {@code c}, atomically. */
    @Override
    public boolean addAll(Collection<? extends E> c) {
        return ref.call(ManagerOp.LIST_ADD_ALL, new ArrayList<>(c)).reply().b();
    }

    /** Inserts every element of {@code c} at {@code index}, atomically. */
    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        return ref.callN(ManagerOp.LIST_INSERT_ALL, index, new ArrayList<>(c)).reply().b();
    }

    /** Removes every element that is in {@code c}, atomically. */
    @Override
    public boolean removeAll(Collection<?> c) {
        return ref.call(ManagerOp.LIST_REMOVE_ALL, new ArrayList<>(c)).reply().b();
    }

    /** Keeps only the elements that are in {@code c}, atomically. */
    @Override
    public boolean retainAll(Collection<?> c) {
        return ref.call(ManagerOp.LIST_RETAIN_ALL, new ArrayList<>(c)).reply().b();
    }

    /** Removes every element. */
    @Override
    public void clear() {
        ref.call(ManagerOp.LIST_CLEAR);
    }

    /** Replaces every element with {@code fn(element)}, in the manager, atomically. */
    public void replaceAll(ManagedUnaryOperator<E> fn) {
        ref.call(ManagerOp.LIST_REPLACE_ALL, Objects.requireNonNull(fn, "the replaceAll function must not be null"));
    }

    /**
     * As {@link #replaceAll(ManagedUnaryOperator)}; {@code fn} must be {@code Serializable}.
     *
     * @throws SerializationException if it is not
     */
    @Override
    public void replaceAll(UnaryOperator<E> fn) {
        ref.call(ManagerOp.LIST_REPLACE_ALL, serializable(fn, "replaceAll"));
    }

    /** Sorts the list in the manager, atomically ({@code null}: natural order). */
    public void sort(ManagedComparator<? super E> c) {
        if (c == null) {
            ref.call(ManagerOp.LIST_SORT);
        } else {
            ref.call(ManagerOp.LIST_SORT, c);
        }
    }

    /**
     * As {@link #sort(ManagedComparator)}; {@code c} must be {@code Serializable} or {@code null}.
     *
     * @throws SerializationException if it is not
     */
    @Override
    public void sort(Comparator<? super E> c) {
        if (c == null) {
            ref.call(ManagerOp.LIST_SORT);
        } else {
            ref.call(ManagerOp.LIST_SORT, serializable(c, "sort"));
        }
    }

    private static Object serializable(Object fn, String method) {
        Objects.requireNonNull(fn, "the " + method + " function must not be null");
        if (!(fn instanceof Serializable)) {
            throw new SerializationException(method + " function", fn.getClass().getName(), "the " + method
                    + " function (" + fn.getClass().getName() + ") is not serializable, so it cannot run in the "
                    + "manager: pass a lambda directly to SharedList." + method + ", or a Serializable object");
        }
        return fn;
    }

    /** An iterator over a snapshot (it cannot modify the list). */
    @Override
    public Iterator<E> iterator() {
        return Collections.unmodifiableList(snapshot()).iterator();
    }

    /** A list iterator over a snapshot (it cannot modify the list). */
    @Override
    public ListIterator<E> listIterator() {
        return Collections.unmodifiableList(snapshot()).listIterator();
    }

    /** A list iterator over a snapshot, starting at {@code index}. */
    @Override
    public ListIterator<E> listIterator(int index) {
        return Collections.unmodifiableList(snapshot()).listIterator(index);
    }

    /** Runs {@code action} here on each element of a snapshot. */
    @Override
    public void forEach(Consumer<? super E> action) {
        snapshot().forEach(action);
    }

    /** A copy of the elements, taken atomically. */
    @Override
    public Object[] toArray() {
        return snapshot().toArray();
    }

    /** A copy of the elements, taken atomically. */
    @Override
    public <T> T[] toArray(T[] a) {
        return snapshot().toArray(a);
    }

    /** True for another proxy of this list, or a list with the same elements now. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SharedList<?> l && ref.sameObject(l.ref) || o instanceof List<?> && snapshot().equals(o);
    }

    /** The hash code of the current elements (as {@link List#hashCode()} defines it). */
    @Override
    public int hashCode() {
        return snapshot().hashCode();
    }

    /** The current elements. */
    @Override
    public String toString() {
        return snapshot().toString();
    }
}
