package dev.jmp.internal.manager;

import dev.jmp.internal.mapped.Cells;
import dev.jmp.internal.mapped.CellsRef;
import dev.jmp.internal.mapped.ElementKind;

/**
 * What a manager-backed shared array serializes to: its manager, object id, kind and length.
 * Opening it in any process (on any host the wire reaches) yields cells that forward every
 * operation to the manager.
 *
 * @param manager the manager's id
 * @param id      the array's object id in that manager
 * @param name    its name in messages, such as {@code array 3 of manager m1-ab12cd}
 * @param kind    the element kind
 * @param length  the number of elements
 */
public record ManagerCellsRef(String manager, long id, String name, ElementKind kind, int length) implements CellsRef {

    private static final long serialVersionUID = 1L;

    @Override
    public Cells open() {
        return switch (kind) {
            case INT -> new ManagerIntCells(this);
            case LONG -> new ManagerLongCells(this);
            case DOUBLE -> new ManagerDoubleCells(this);
        };
    }
}
