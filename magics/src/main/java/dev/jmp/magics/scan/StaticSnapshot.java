package dev.jmp.magics.scan;

import dev.jmp.spi.NotebookNames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The values of notebook variables at dispatch time, encoded, ready to travel to a worker and
 * be installed there: the worker sees a copy of the notebook's state when the task was sent,
 * and its changes do not flow back, as with separate processes. Values are encoded together,
 * so two variables that refer to one object still do so in the worker.
 *
 * <p>Kernel side: {@link #capture}; worker side: {@link #install}. In between, the snapshot
 * travels as {@link #toBytes()} or by Java serialization.
 */
public final class StaticSnapshot implements Serializable, dev.jmp.spi.TaskPayload {

    private static final long serialVersionUID = 1L;
    private static final int FORMAT = 1;

    /** @serial the captured fields, in the order of the values */
    private final List<StaticField> fields;
    /** @serial the values as one encoded {@code Object[]} */
    private final byte[] values;

    private StaticSnapshot(List<StaticField> fields, byte[] values) {
        this.fields = List.copyOf(fields);
        this.values = values;
    }

    /** @return a snapshot of no variables */
    public static StaticSnapshot empty() {
        return new StaticSnapshot(List.of(), new byte[0]);
    }

    /**
     * Reads and encodes the current values with Java serialization.
     *
     * @param fields the fields to copy, usually {@link StaticReads#fields()}
     * @param loader the loader that defined the notebook classes (the kernel's JShell loader)
     * @return the snapshot
     * @throws UnsendableVariablesException naming every variable whose value cannot be encoded
     */
    public static StaticSnapshot capture(Collection<StaticField> fields, ClassLoader loader) {
        return capture(fields, loader, ValueCodec.javaSerialization());
    }

    /**
     * Reads and encodes the current values.
     *
     * @param fields the fields to copy
     * @param loader the loader that defined the notebook classes
     * @param codec  how values become bytes
     * @return the snapshot
     * @throws UnsendableVariablesException naming every variable whose value cannot be encoded
     * @throws IllegalStateException        if a field cannot be read from the loader's classes
     */
    public static StaticSnapshot capture(Collection<StaticField> fields, ClassLoader loader, ValueCodec codec) {
        List<StaticField> list = List.copyOf(fields);
        if (list.isEmpty()) {
            return empty();
        }
        Object[] current = new Object[list.size()];
        for (int i = 0; i < current.length; i++) {
            try {
                current[i] = field(list.get(i), loader).get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + list.get(i) + ": " + e.getMessage(), e);
            }
        }
        try {
            return new StaticSnapshot(list, codec.encode(current));
        } catch (IOException | RuntimeException together) {
            throw diagnose(list, current, codec, together); // find every culprit, one at a time
        }
    }

    private static UnsendableVariablesException diagnose(List<StaticField> fields, Object[] current,
                                                         ValueCodec codec, Exception together) {
        List<String> names = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < current.length; i++) {
            try {
                codec.encode(current[i]);
            } catch (IOException | RuntimeException e) {
                String type = current[i] == null ? "null" : NotebookNames.displayType(current[i].getClass());
                names.add(fields.get(i).displayName());
                lines.add("variable `" + fields.get(i).displayName() + "` (" + type
                        + ") cannot be sent to a worker: " + reason(type, e));
            }
        }
        if (names.isEmpty()) {
            lines.add("the notebook variables cannot be sent to a worker: " + together);
        }
        return new UnsendableVariablesException(names, lines);
    }

    private static String reason(String valueType, Exception e) {
        if (e instanceof NotSerializableException n) {
            String culprit = NotebookNames.displayClassName(Objects.toString(n.getMessage(), "?"));
            String hint = culprit.equals("a lambda")
                    ? " (a lambda is serializable only when cast to an intersection type,"
                      + " for example (Function<A, B> & Serializable) x -> ...)" : "";
            return culprit.equals(valueType) ? culprit + " is not Serializable" + hint
                    : "it refers to " + (culprit.equals("a lambda") ? "" : "a ") + culprit
                      + ", which is not Serializable" + hint;
        }
        return "encoding it failed: " + e;
    }

    private static Field field(StaticField f, ClassLoader loader) {
        try {
            Field field = Class.forName(f.className(), true, loader).getDeclaredField(f.name());
            if (!Modifier.isStatic(field.getModifiers())) {
                throw new IllegalStateException(f + " is not static");
            }
            field.setAccessible(true);
            return field;
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            throw new IllegalStateException("notebook variable `" + f.displayName() + "` (" + f
                    + ") is not defined in " + loader + ": " + e, e);
        }
    }

    /** @return the captured fields, in order */
    public List<StaticField> fields() {
        return fields;
    }

    /** @return whether no variable was captured */
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /**
     * Sets the captured values on the worker's copies of the notebook classes, decoding with
     * Java serialization.
     *
     * @param workerLoader the loader through which the worker defines the notebook classes
     * @throws IllegalStateException naming the variable if a class, field or value cannot be
     *                               resolved in the worker, or the field is final
     */
    @Override
    public void install(ClassLoader workerLoader) {
        install(workerLoader, ValueCodec.javaSerialization());
    }

    /**
     * Sets the captured values on the worker's copies of the notebook classes.
     *
     * @param workerLoader the loader through which the worker defines the notebook classes
     * @param codec        the codec the snapshot was captured with
     * @throws IllegalStateException naming the variable if it cannot be installed
     */
    public void install(ClassLoader workerLoader, ValueCodec codec) {
        if (fields.isEmpty()) {
            return;
        }
        Object[] decoded;
        try {
            decoded = (Object[]) codec.decode(values, workerLoader);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("cannot decode the values of notebook variables "
                    + displayNames() + " in the worker: " + e, e);
        }
        for (int i = 0; i < fields.size(); i++) {
            StaticField f = fields.get(i);
            Field field = field(f, workerLoader);
            if (Modifier.isFinal(field.getModifiers())) {
                throw new IllegalStateException("cannot install `" + f.displayName() + "`: it is final");
            }
            try {
                field.set(null, decoded[i]);
            } catch (IllegalAccessException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot install `" + f.displayName() + "` in the worker: " + e, e);
            }
        }
    }

    /**
     * The snapshot a worker passes to a process it starts: the same variables, read afresh from
     * this worker's copies (so a grandchild sees them as its parent has them, as when forking).
     */
    @Override
    public dev.jmp.spi.TaskPayload forward(ClassLoader workerLoader) {
        return fields.isEmpty() ? null : capture(fields, workerLoader);
    }

    private List<String> displayNames() {
        return fields.stream().map(StaticField::displayName).toList();
    }

    /** @return this snapshot in a compact binary form, for a binary wire frame */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(fields.size());
            for (StaticField f : fields) {
                out.writeUTF(f.className());
                out.writeUTF(f.name());
                out.writeUTF(f.descriptor());
            }
            out.writeInt(values.length);
            out.write(values);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: in-memory stream", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes what {@link #toBytes()} produced
     * @return the snapshot
     * @throws IllegalArgumentException if the bytes are not a snapshot
     */
    public static StaticSnapshot fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown snapshot format " + format + ", expected " + FORMAT);
            }
            int count = in.readInt();
            if (count < 0 || count > bytes.length) {
                throw new IllegalArgumentException("bad snapshot: " + count + " fields");
            }
            List<StaticField> fields = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                fields.add(new StaticField(in.readUTF(), in.readUTF(), in.readUTF()));
            }
            int length = in.readInt();
            if (length < 0 || length > bytes.length) {
                throw new IllegalArgumentException("bad snapshot: value length " + length);
            }
            return new StaticSnapshot(fields, in.readNBytes(length));
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated snapshot: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "StaticSnapshot" + displayNames();
    }
}
