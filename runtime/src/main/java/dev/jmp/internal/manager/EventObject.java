package dev.jmp.internal.manager;

import dev.jmp.internal.service.ServiceCall;
import java.util.ArrayList;
import java.util.List;

/** An event in the manager: a flag that waiters wait to see set. */
final class EventObject extends Managed {

    private final List<Waiter> waiters = new ArrayList<>();
    private boolean flag;

    EventObject(ManagedHost service, String name) {
        super(service, name);
    }

    @Override
    void handle(ManagerOp op, ServiceCall call, ManagerRequest r) {
        switch (op) {
            case EVENT_SET -> {
                flag = true;
                List<Waiter> all = new ArrayList<>(waiters);
                waiters.clear();
                for (Waiter w : all) {
                    w.reply(ManagerReply.of(true));
                }
                call.reply(ManagerReply.NONE, null);
            }
            case EVENT_CLEAR -> {
                flag = false;
                call.reply(ManagerReply.NONE, null);
            }
            case EVENT_IS_SET -> call.reply(ManagerReply.of(flag), null);
            case EVENT_WAIT -> {
                if (flag || r.ms() == 0) {
                    call.reply(ManagerReply.of(flag), null);
                } else {
                    Waiter w = new Waiter(call, new Owner(call.peer(), r.t()), 0, 0);
                    park(w, waiters, r.ms(), () -> w.reply(ManagerReply.of(false)), null);
                }
            }
            default -> throw unknownOp(op, name);
        }
    }

    @Override
    void close(RuntimeException why) {
        failAll(waiters, why);
    }
}
