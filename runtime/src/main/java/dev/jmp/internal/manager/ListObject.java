package dev.jmp.internal.manager;

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

    ListObject(ManagerService service, String name) {
        super(service, name);
    }

    @Override
    void handle(String op, ServiceCall call, ManagerRequest r) {
        try {
            run(op, call, r);
        } catch (IndexOutOfBoundsException e) {
            throw fault(IndexOutOfBoundsException.class, e.getMessage() + " (" + name + ")");
        }
    }

    private void run(String op, ServiceCall call, ManagerRequest r) {
        int i = (int) r.n();
        switch (op) {
            case "list.size" -> call.reply(ManagerReply.of(list.size()), null);
            case "list.get" -> call.reply(ManagerReply.NONE, frames(list.get(i)));
            case "list.set" -> call.reply(ManagerReply.NONE, frames(list.set(i, decode(call, 0))));
            case "list.add" -> {
                list.add(decode(call, 0));
                call.reply(ManagerReply.of(true), null);
            }
            case "list.insert" -> {
                list.add(i, decode(call, 0));
                call.reply(ManagerReply.NONE, null);
            }
            case "list.removeAt" -> call.reply(ManagerReply.NONE, frames(list.remove(i)));
            case "list.remove" -> call.reply(ManagerReply.of(list.remove(decode(call, 0))), null);
            case "list.indexOf" -> call.reply(ManagerReply.of(list.indexOf(decode(call, 0))), null);
            case "list.lastIndexOf" -> call.reply(ManagerReply.of(list.lastIndexOf(decode(call, 0))), null);
            case "list.contains" -> call.reply(ManagerReply.of(list.contains(decode(call, 0))), null);
            case "list.containsAll" -> call.reply(ManagerReply.of(list.containsAll(collection(call))), null);
            case "list.addAll" -> call.reply(ManagerReply.of(list.addAll(collection(call))), null);
            case "list.insertAll" -> call.reply(ManagerReply.of(list.addAll(i, collection(call))), null);
            case "list.removeAll" -> call.reply(ManagerReply.of(list.removeAll(collection(call))), null);
            case "list.retainAll" -> call.reply(ManagerReply.of(list.retainAll(collection(call))), null);
            case "list.clear" -> {
                list.clear();
                call.reply(ManagerReply.NONE, null);
            }
            case "list.snapshot" -> call.reply(ManagerReply.of(list.size()), frames(new ArrayList<>(list)));
            case "list.replaceAll" -> {
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
            case "list.sort" -> {
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
