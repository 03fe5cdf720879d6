package dev.jmp.shared;

import dev.jmp.error.SerializationException;
import dev.jmp.function.ManagedBiFunction;
import dev.jmp.function.ManagedFunction;
import dev.jmp.internal.manager.ManagerCalls;
import dev.jmp.internal.manager.ManagerOp;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A map shared between processes, held by a {@link Manager}; a {@link ConcurrentMap}.
 *
 * <p>Every method is one atomic operation in the manager. {@code compute}, {@code computeIfAbsent},
 * {@code computeIfPresent}, {@code merge} and {@code replaceAll} ship their function to the
 * manager and run it there, so {@code counts.merge(word, 1, Integer::sum)} from many processes
 * counts exactly. A lambda or method reference passed to them is serializable (it targets
 * {@link ManagedBiFunction}/{@link ManagedFunction}); a function object that is not
 * {@code Serializable} is refused with a {@link SerializationException} naming its type.
 *
 * <p>Keys and values are copied in and out (like Python's managed dict): change a value you got,
 * then {@code put} it back. {@link #keySet()}, {@link #values()} and {@link #entrySet()} are
 * unmodifiable snapshots, and iteration runs over a snapshot. Like a Python dict holding
 * {@code None}, and like {@code HashMap}, it holds {@code null} keys and values: {@code get}
 * answers {@code null} for both an absent key and a key mapped to {@code null}
 * ({@link #containsKey} and {@link #getOrDefault} tell them apart), and as in every Java map the
 * functional methods ({@code compute}, {@code merge}, {@code putIfAbsent} ...) treat a key mapped
 * to {@code null} as absent. Two proxies of the same map are {@code equals}; a shared map
 * also equals any map with the same entries at the time of the call.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class SharedMap<K, V> extends SharedProxy implements ConcurrentMap<K, V> {

    private static final long serialVersionUID = 1L;

    SharedMap(String manager, long id, String name) {
        super(manager, id, name);
    }

    @SuppressWarnings("unchecked")
    private V value(ManagerCalls.Result r) {
        return r.reply().b() && !r.frames().isEmpty() ? (V) r.value(0) : null;
    }

    private static Object mergeValue(Object value) {
        return Objects.requireNonNull(value, "merge needs a value to put or combine, not null (as Map.merge): "
                + "use put(key, null) to map a key to null");
    }

    private static Serializable shippable(Object fn, String method) {
        Objects.requireNonNull(fn, "the " + method + " function must not be null");
        if (fn instanceof Serializable s) {
            return s;
        }
        throw new SerializationException(method + " function", fn.getClass().getName(), "the " + method
                + " function (" + fn.getClass().getName() + ") is not serializable, so it cannot run in the "
                + "manager: pass a lambda or method reference directly to SharedMap." + method
                + " (it is then serializable), or a Serializable function object");
    }

    /** The number of entries. */
    @Override
    public int size() {
        return (int) call(ManagerOp.MAP_SIZE).reply().v();
    }

    /** Whether the map has no entries. */
    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Whether the map has the key. */
    @Override
    public boolean containsKey(Object key) {
        return call(ManagerOp.MAP_CONTAINS_KEY, key).reply().b();
    }

    /** Whether some key maps to the value. */
    @Override
    public boolean containsValue(Object value) {
        return call(ManagerOp.MAP_CONTAINS_VALUE, value).reply().b();
    }

    /** A copy of the value for the key, or {@code null}. */
    @Override
    public V get(Object key) {
        return value(call(ManagerOp.MAP_GET, key));
    }

    /**
     * The value for the key (a copy, possibly {@code null}) if the map has the key, else
     * {@code defaultValue}; one atomic operation.
     */
    @Override
    @SuppressWarnings("unchecked")
    public V getOrDefault(Object key, V defaultValue) {
        ManagerCalls.Result r = call(ManagerOp.MAP_GET, key);
        if (!r.reply().b()) {
            return defaultValue;
        }
        return r.frames().isEmpty() ? null : (V) r.value(0);
    }

    /** Maps the key to the value; returns the previous value or {@code null}. */
    @Override
    public V put(K key, V value) {
        return value(call(ManagerOp.MAP_PUT, key, value));
    }

    /** Removes the key; returns its value or {@code null}. */
    @Override
    public V remove(Object key) {
        return value(call(ManagerOp.MAP_REMOVE, key));
    }

    /** Puts every entry of {@code m}, in one atomic operation. */
    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        Map<K, V> copy = new LinkedHashMap<>();
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
            copy.put(e.getKey(), e.getValue());
        }
        call(ManagerOp.MAP_PUT_ALL, copy);
    }

    /** Removes every entry. */
    @Override
    public void clear() {
        call(ManagerOp.MAP_CLEAR);
    }

    /** A copy of every entry, taken atomically, in insertion order. */
    @SuppressWarnings("unchecked")
    public Map<K, V> snapshot() {
        return (Map<K, V>) call(ManagerOp.MAP_SNAPSHOT).value(0);
    }

    /** An unmodifiable snapshot of the keys. */
    @Override
    public Set<K> keySet() {
        return Collections.unmodifiableSet(snapshot().keySet());
    }

    /** An unmodifiable snapshot of the values. */
    @Override
    public Collection<V> values() {
        return Collections.unmodifiableCollection(snapshot().values());
    }

    /** An unmodifiable snapshot of the entries. */
    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return Collections.unmodifiableMap(snapshot()).entrySet();
    }

    /** Runs {@code action} here, over a snapshot of the entries. */
    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        snapshot().forEach(action);
    }

    /** Maps the key to the value unless it is present; returns the present value or {@code null}. */
    @Override
    public V putIfAbsent(K key, V value) {
        return value(call(ManagerOp.MAP_PUT_IF_ABSENT, key, value));
    }

    /** Removes the key if it maps to {@code value}. */
    @Override
    public boolean remove(Object key, Object value) {
        return call(ManagerOp.MAP_REMOVE_IF_EQUALS, key, value).reply().b();
    }

    /** Replaces the key's value if it maps to {@code oldValue}. */
    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return call(ManagerOp.MAP_REPLACE_IF_EQUALS, key, oldValue,
                newValue).reply().b();
    }

    /** Replaces the key's value if it is present; returns the previous value or {@code null}. */
    @Override
    public V replace(K key, V value) {
        return value(call(ManagerOp.MAP_REPLACE, key, value));
    }

    /** Atomically (in the manager) computes the key's new value; {@code null} removes it. */
    public V compute(K key, ManagedBiFunction<? super K, ? super V, ? extends V> fn) {
        return value(call(ManagerOp.MAP_COMPUTE, key, shippable(fn, "compute")));
    }

    /**
     * As {@link #compute(Object, ManagedBiFunction)}; {@code fn} must be {@code Serializable}.
     *
     * @throws SerializationException if {@code fn} is not serializable
     */
    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> fn) {
        return value(call(ManagerOp.MAP_COMPUTE, key, shippable(fn, "compute")));
    }

    /** Atomically (in the manager) computes a value for an absent key; {@code null} adds nothing. */
    public V computeIfAbsent(K key, ManagedFunction<? super K, ? extends V> fn) {
        return value(call(ManagerOp.MAP_COMPUTE_IF_ABSENT, key, shippable(fn, "computeIfAbsent")));
    }

    /**
     * As {@link #computeIfAbsent(Object, ManagedFunction)}; {@code fn} must be {@code Serializable}.
     *
     * @throws SerializationException if {@code fn} is not serializable
     */
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> fn) {
        return value(call(ManagerOp.MAP_COMPUTE_IF_ABSENT, key, shippable(fn, "computeIfAbsent")));
    }

    /** Atomically (in the manager) recomputes a present key's value; {@code null} removes it. */
    public V computeIfPresent(K key, ManagedBiFunction<? super K, ? super V, ? extends V> fn) {
        return value(call(ManagerOp.MAP_COMPUTE_IF_PRESENT, key, shippable(fn, "computeIfPresent")));
    }

    /**
     * As {@link #computeIfPresent(Object, ManagedBiFunction)}; {@code fn} must be {@code Serializable}.
     *
     * @throws SerializationException if {@code fn} is not serializable
     */
    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> fn) {
        return value(call(ManagerOp.MAP_COMPUTE_IF_PRESENT, key, shippable(fn, "computeIfPresent")));
    }

    /**
     * Atomically (in the manager) puts {@code value} for an absent key, or combines it with the
     * present one: {@code merge(word, 1, Integer::sum)} counts exactly from any number of processes.
     */
    public V merge(K key, V value, ManagedBiFunction<? super V, ? super V, ? extends V> fn) {
        return value(call(ManagerOp.MAP_MERGE, key, mergeValue(value), shippable(fn, "merge")));
    }

    /**
     * As {@link #merge(Object, Object, ManagedBiFunction)}; {@code fn} must be {@code Serializable}.
     *
     * @throws SerializationException if {@code fn} is not serializable
     */
    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> fn) {
        return value(call(ManagerOp.MAP_MERGE, key, mergeValue(value), shippable(fn, "merge")));
    }

    /** Atomically (in the manager) replaces every value with {@code fn(key, value)}. */
    public void replaceAll(ManagedBiFunction<? super K, ? super V, ? extends V> fn) {
        call(ManagerOp.MAP_REPLACE_ALL, shippable(fn, "replaceAll"));
    }

    /**
     * As {@link #replaceAll(ManagedBiFunction)}; {@code fn} must be {@code Serializable}.
     *
     * @throws SerializationException if {@code fn} is not serializable
     */
    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> fn) {
        call(ManagerOp.MAP_REPLACE_ALL, shippable(fn, "replaceAll"));
    }

    /** True for another proxy of this map, or a map with the same entries now. */
    @Override
    public boolean equals(Object o) {
        return sameObject(o) || (o instanceof Map<?, ?> m && snapshot().equals(m));
    }

    /** The hash code of the current entries (as {@link Map#hashCode()} defines it). */
    @Override
    public int hashCode() {
        return snapshot().hashCode();
    }

    /** The current entries, like a {@code HashMap} prints them. */
    @Override
    public String toString() {
        return snapshot().toString();
    }
}
