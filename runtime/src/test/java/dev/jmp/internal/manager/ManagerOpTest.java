package dev.jmp.internal.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.WorkerTracking;
import dev.jmp.error.RemoteException;
import dev.jmp.internal.supervisor.DefaultSupervisor;
import dev.jmp.shared.Manager;
import dev.jmp.shared.SharedMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class ManagerOpTest extends WorkerTracking {

    @Test
    void everyOperationHasItsOwnWireNameThatMapsBack() {
        Set<String> names = new HashSet<>();
        for (ManagerOp op : ManagerOp.values()) {
            assertTrue(names.add(op.wire()), "two operations named " + op.wire());
            assertEquals(op, ManagerOp.ofWire(op.wire()));
            assertEquals(op.wire().startsWith("new."), op.creates());
        }
        assertNull(ManagerOp.ofWire("map.teleport"));
    }

    @Test
    void anOperationTheManagerDoesNotKnowIsAClearError() {
        try (Manager m = new Manager()) {
            SharedMap<String, Integer> map = m.dict();
            map.put("k", 1);
            RemoteException remote = assertThrows(RemoteException.class, () -> DefaultSupervisor.get().localServices().call(
                    ManagerService.NAME, "map.teleport", ManagerRequest.of(m.id(), 1), List.of()));
            RuntimeException e = ManagerCalls.translate(remote, m.id());
            assertInstanceOf(UnsupportedOperationException.class, e);
            assertTrue(e.getMessage().startsWith("unknown manager operation map.teleport"), e.getMessage());
            assertEquals(1, map.get("k"), "the manager still serves its objects");
        }
    }

    @Test
    void anOperationOfAnotherKindOfObjectNamesBoth() {
        try (Manager m = new Manager()) {
            m.dict();
            RemoteException remote = assertThrows(RemoteException.class, () -> DefaultSupervisor.get().localServices().call(
                    ManagerService.NAME, ManagerOp.LOCK_RELEASE.wire(), ManagerRequest.of(m.id(), 1), List.of()));
            RuntimeException e = ManagerCalls.translate(remote, m.id());
            assertInstanceOf(UnsupportedOperationException.class, e);
            assertEquals("operation lock.release does not apply to map 1 of manager " + m.id(), e.getMessage());
        }
    }
}
