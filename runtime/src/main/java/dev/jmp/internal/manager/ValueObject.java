package dev.jmp.internal.manager;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.service.ServiceCall;
import java.util.List;
import java.util.Objects;
import java.util.function.LongUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * A single value in the manager: a generic value ({@code value.*} operations) or a long counter
 * ({@code counter.*} operations, with the number in the reply, no frames).
 */
final class ValueObject extends Managed {

    private Object value;

    ValueObject(ManagedHost service, String name, Object initial) {
        super(service, name);
        this.value = initial;
    }

    @Override
    void handle(ManagerOp op, ServiceCall call, ManagerRequest r) {
        switch (op) {
            case VALUE_GET -> call.reply(ManagerReply.NONE, frames(value));
            case VALUE_SET -> {
                value = decode(call, 0);
                call.reply(ManagerReply.NONE, null);
            }
            case VALUE_GET_AND_SET -> {
                Object old = value;
                value = decode(call, 0);
                call.reply(ManagerReply.NONE, frames(old));
            }
            case VALUE_COMPARE_AND_SET -> {
                boolean same = Objects.equals(value, decode(call, 0));
                if (same) {
                    value = decode(call, 1);
                }
                call.reply(ManagerReply.of(same), null);
            }
            case VALUE_UPDATE -> {
                @SuppressWarnings("unchecked")
                UnaryOperator<Object> f = (UnaryOperator<Object>) service.function(call.frames().get(0));
                Object old = value;
                Object next = f.apply(old);
                byte[] encoded = encode(next);
                value = next;
                call.reply(ManagerReply.NONE, r.n() == 1 ? frames(old) : List.of(encoded));
            }
            case COUNTER_GET -> call.reply(ManagerReply.of(number()), null);
            case COUNTER_SET -> {
                value = r.n();
                call.reply(ManagerReply.NONE, null);
            }
            case COUNTER_ADD -> {
                long old = number();
                value = old + r.n();
                call.reply(ManagerReply.of(old + r.n()), null);
            }
            case COUNTER_COMPARE_AND_SET -> {
                boolean same = number() == r.k();
                if (same) {
                    value = r.n();
                }
                call.reply(ManagerReply.of(same), null);
            }
            case COUNTER_UPDATE -> {
                LongUnaryOperator f = (LongUnaryOperator) service.function(call.frames().get(0));
                long old = number();
                long next = f.applyAsLong(old);
                value = next;
                call.reply(new ManagerReply(next, false, Long.toString(old)), null);
            }
            default -> throw unknownOp(op, name);
        }
    }

    private long number() {
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw fault(ErrorCode.ILLEGAL_STATE, name + " holds " + (value == null ? "null"
                : "a " + value.getClass().getName()) + ", not a number");
    }
}
