package dev.jmp.shared;

import dev.jmp.internal.mapped.Cells;
import dev.jmp.internal.mapped.CellsRef;
import dev.jmp.internal.mapped.DoubleCells;
import dev.jmp.internal.mapped.IntCells;
import dev.jmp.internal.mapped.LongCells;
import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serializable;

/**
 * What every shared value and array serializes to: which public type it is and a reference to
 * its cells. Deserializing it opens the cells in the receiving process, so the receiver gets a
 * live proxy on the same elements, never a copy.
 */
final class SharedForm implements Serializable {

    private static final long serialVersionUID = 1L;

    enum Type { INT, LONG, DOUBLE, INT_ARRAY, LONG_ARRAY, DOUBLE_ARRAY }

    private final Type type;
    private final CellsRef ref;

    SharedForm(Type type, CellsRef ref) {
        this.type = type;
        this.ref = ref;
    }

    private Object readResolve() throws ObjectStreamException {
        if (type == null || ref == null) {
            throw new InvalidObjectException("corrupt shared object: no type or reference");
        }
        Cells cells = ref.open();
        try {
            switch (type) {
                case INT:
                    return new SharedInt((IntCells) cells);
                case LONG:
                    return new SharedLong((LongCells) cells);
                case DOUBLE:
                    return new SharedDouble((DoubleCells) cells);
                case INT_ARRAY:
                    return new SharedIntArray((IntCells) cells);
                case LONG_ARRAY:
                    return new SharedLongArray((LongCells) cells);
                default:
                    return new SharedDoubleArray((DoubleCells) cells);
            }
        } catch (ClassCastException e) {
            cells.close();
            throw new InvalidObjectException("corrupt shared object: " + ref.name() + " holds "
                    + cells.kind() + " elements, not those of a " + type);
        }
    }
}
