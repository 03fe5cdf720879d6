package dev.jmp.shared;

import dev.jmp.internal.manager.ManagerOp;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A bag of named attributes shared between processes, like Python's
 * {@code Manager().Namespace()}: {@code ns.set("total", 0)} in one process,
 * {@code ns.get("total")} in another. Each call is atomic; values are copied in and out.
 */
public final class SharedNamespace extends SharedProxy {

    private static final long serialVersionUID = 1L;

    SharedNamespace(String manager, long id, String name) {
        super(manager, id, name);
    }

    /**
     * A copy of the attribute's value.
     *
     * @throws NoSuchElementException if there is no such attribute (like Python's AttributeError)
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String attribute) {
        var r = call(ManagerOp.MAP_GET, Objects.requireNonNull(attribute, "attribute"));
        if (!r.reply().b()) {
            throw new NoSuchElementException("the namespace has no attribute '" + attribute + "'; it has " + names());
        }
        return (T) r.value(0);
    }

    /** A copy of the attribute's value, or {@code fallback} if it has none. */
    @SuppressWarnings("unchecked")
    public <T> T get(String attribute, T fallback) {
        var r = call(ManagerOp.MAP_GET, Objects.requireNonNull(attribute, "attribute"));
        return r.reply().b() ? (T) r.value(0) : fallback;
    }

    /** Sets an attribute (a {@code null} value deletes it). */
    public void set(String attribute, Object value) {
        if (value == null) {
            delete(attribute);
        } else {
            call(ManagerOp.MAP_PUT, Objects.requireNonNull(attribute, "attribute"), value);
        }
    }

    /** Whether the attribute exists. */
    public boolean has(String attribute) {
        return call(ManagerOp.MAP_CONTAINS_KEY, Objects.requireNonNull(attribute, "attribute")).reply().b();
    }

    /** Deletes an attribute; returns whether it existed. */
    public boolean delete(String attribute) {
        return call(ManagerOp.MAP_REMOVE, Objects.requireNonNull(attribute, "attribute")).reply().b();
    }

    /** The attribute names, in the order they were first set. */
    public Set<String> names() {
        return asMap().keySet();
    }

    /** A copy of every attribute, taken atomically. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        return (Map<String, Object>) call(ManagerOp.MAP_SNAPSHOT).value(0);
    }

    /** The attributes, like Python prints a namespace. */
    @Override
    public String toString() {
        return "Namespace" + asMap();
    }
}
