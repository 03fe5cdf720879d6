package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.service.ServiceCall;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A list in the manager. Each operation, bulk ones included, runs whole under the list's
 * monitor; iteration on the proxy side runs over a snapshot taken by one operation.
 */
final class ListObject extends Managed {

    private final List<Object> list = new ArrayList<>();

    ListObject(ManagedHost service, String name) {
        super(service, name);
    }

    @Override
    void handle(ManagerOp op, ServiceCall call, ManagerRequest r) {
        try {
            run(op, call, r);
        } catch (IndexOutOfBoundsException e) {
            throw fault(ErrorCode.INDEX_OUT_OF_BOUNDS, e.getMessage() + " (" + name + ")");
        }
    }

    private void run(ManagerOp op, ServiceCall call, ManagerRequest r) {
        int i = (int) r.n();
        switch (op) {
            case LIST_SIZE -> call.reply(ManagerReply.of(list.size()), null);
            case LIST_GET -> call.reply(ManagerReply.NONE, frames(list.get(i)));
            case LIST_SET -> call.reply(ManagerReply.NONE, frames(list.set(i, decode(call, 0))));
            case LIST_ADD -> {
                list.add(decode(call, 0));
                call.reply(ManagerReply.of(true), null);
            }
            case LIST_INSERT -> {
                list.add(i, decode(call, 0));
                call.reply(ManagerReply.NONE, null);
            }
            case LIST_REMOVE_AT -> call.reply(ManagerReply.NONE, frames(list.remove(i)));
            case LIST_REMOVE -> call.reply(ManagerReply.of(list.remove(decode(call, 0))), null);
            case LIST_INDEX_OF -> call.reply(ManagerReply.of(list.indexOf(decode(call, 0))), null);
            case LIST_LAST_INDEX_OF -> call.reply(ManagerReply.of(list.lastIndexOf(decode(call, 0))), null);
            case LIST_CONTAINS -> call.reply(ManagerReply.of(list.contains(decode(call, 0))), null);
            case LIST_CONTAINS_ALL -> call.reply(ManagerReply.of(list.containsAll(collection(call))), null);
            case LIST_ADD_ALL -> call.reply(ManagerReply.of(list.addAll(collection(call))), null);
            case LIST_INSERT_ALL -> call.reply(ManagerReply.of(list.addAll(i, collection(call))), null);
            case LIST_REMOVE_ALL -> call.reply(ManagerReply.of(list.removeAll(collection(call))), null);
            case LIST_RETAIN_ALL -> call.reply(ManagerReply.of(list.retainAll(collection(call))), null);
            case LIST_CLEAR -> {
                list.clear();
                call.reply(ManagerReply.NONE, null);
            }
            case LIST_SNAPSHOT -> call.reply(ManagerReply.of(list.size()), frames(new ArrayList<>(list)));
            case LIST_REPLACE_ALL -> {
                @SuppressWarnings("unchecked")
                UnaryOperator<Object> f = (UnaryOperator<Object>) service.function(call.frames().get(0));
                List<Object> next = new ArrayList<>(list.size());
                for (Object o : list) {
                    Object v = f.apply(o);
                    encode(v);
                    next.add(v);
                }
                list.clear();
                list.addAll(next);
                call.reply(ManagerReply.NONE, null);
            }
            case LIST_SORT -> {
                @SuppressWarnings("unchecked")
                Comparator<Object> c = call.frames().isEmpty() ? null
                        : (Comparator<Object>) service.function(call.frames().get(0));
                list.sort(c);
                call.reply(ManagerReply.NONE, null);
            }
            default -> throw unknownOp(op, name);
        }
    }

    private Collection<?> collection(ServiceCall call) {
        return (Collection<?>) decode(call, 0);
    }
}
