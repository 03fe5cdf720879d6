package dev.jmp.internal.supervisor;

import dev.jmp.internal.service.ServiceCall;
import dev.jmp.internal.service.SharedArgs;
import dev.jmp.internal.wire.message.ServiceBatch;
import dev.jmp.internal.wire.message.ServiceRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a worker's batch of one-way service calls back into calls: request {@code i} stands for
 * {@code repeats[i]} calls that share its arguments (decoded once), each taking the next
 * {@code frames[i]} data frames. The counts come from the worker, so they are checked against
 * what arrived before any call is made: a batch that does not add up is refused whole rather
 * than half run.
 */
final class BatchUnpacker {

    private BatchUnpacker() {
    }

    /**
     * The calls a batch stands for, in order.
     *
     * @throws IllegalArgumentException if the lists differ in length, a count is negative or the
     *                                  counts do not add up to the data frames that came
     */
    static List<ServiceCall> calls(String peer, ServiceBatch batch, List<byte[]> data) {
        List<ServiceRequest> requests = batch.requests();
        List<Integer> frames = batch.frames();
        List<Integer> repeats = batch.repeats();
        if (requests == null || frames == null || repeats == null
                || frames.size() != requests.size() || repeats.size() != requests.size()) {
            throw new IllegalArgumentException("a service batch from " + peer
                    + " needs one frame count and one repeat count per request");
        }
        long needed = 0;
        long calls = 0;
        for (int i = 0; i < requests.size(); i++) {
            Integer n = frames.get(i);
            Integer k = repeats.get(i);
            if (requests.get(i) == null || n == null || k == null || n < 0 || k < 0) {
                throw new IllegalArgumentException("a service batch from " + peer + " has a missing or negative count");
            }
            needed += (long) n * k;
            calls += k;
        }
        if (needed != data.size()) {
            throw new IllegalArgumentException("a service batch from " + peer + " describes " + needed
                    + " data frames but carries " + data.size());
        }
        List<ServiceCall> out = new ArrayList<>((int) Math.min(calls, data.size() + requests.size()));
        int at = 0;
        for (int i = 0; i < requests.size(); i++) {
            ServiceRequest r = requests.get(i);
            int n = frames.get(i);
            SharedArgs args = new SharedArgs(r.args());
            for (int k = 0; k < repeats.get(i); k++) {
                out.add(ServiceCall.shared(peer, r.service(), r.op(), args, data.subList(at, at + n)));
                at += n;
            }
        }
        return out;
    }
}
