package dev.jmp;

import dev.jmp.internal.service.ServiceClient;
import dev.jmp.internal.service.ServiceResult;
import java.util.List;

/**
 * The default runtime's services, as a cluster's runtime reaches them for calls its own registry
 * does not take: the notebook's {@code %%shared} objects and managers live in the default runtime,
 * and workers on other hosts ask their cluster's runtime, which passes the call on here (in
 * process, through {@link dev.jmp.internal.service.ParentForwarder}). The default runtime is looked
 * up at each call, so a restarted one is found.
 */
final class DefaultRuntimeServices implements ServiceClient {

    private static ServiceClient target() {
        return JmpRuntime.defaultRuntime().supervisor().localServices();
    }

    @Override
    public ServiceResult call(String service, String op, Object args, List<byte[]> frames) throws InterruptedException {
        return target().call(service, op, args, frames);
    }

    @Override
    public ServiceResult callQuick(String service, String op, Object args, List<byte[]> frames)
            throws InterruptedException {
        return target().callQuick(service, op, args, frames);
    }

    @Override
    public void send(String service, String op, Object args, List<byte[]> frames) {
        target().send(service, op, args, frames);
    }

    @Override
    public String selfId() {
        return target().selfId();
    }
}
