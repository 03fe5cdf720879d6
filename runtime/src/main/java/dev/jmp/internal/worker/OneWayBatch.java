package dev.jmp.internal.worker;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.jmp.internal.wire.message.ServiceBatch;
import dev.jmp.internal.wire.message.ServiceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one-way service requests held back to be sent together, and the rule for when they leave:
 * the first request of a batch starts the delay ({@link Added#FIRST}); a batch is sent at once
 * when it holds {@link #MAX_CALLS} calls or {@link #MAX_BYTES} bytes of frames
 * ({@link Added#FULL}). A request equal to the one before it, with as many frames, is not stored
 * again: the entry counts one more repeat and keeps the frames of every call one after another.
 * Not thread-safe: {@link OneWayBatcher} holds its lock around it.
 */
final class OneWayBatch {

    /** Calls that fill a batch. */
    static final int MAX_CALLS = 512;
    /** Frame bytes that fill a batch. */
    static final long MAX_BYTES = 1 << 20;

    /** What the caller must do after adding a call. */
    enum Added {
        /** The batch was empty: schedule a flush after the delay. */
        FIRST,
        /** The batch is full: send it now. */
        FULL,
        /** Nothing: a flush is already scheduled. */
        HELD
    }

    /** One request and its calls (one, or several identical ones in a row). */
    private record Entry(ServiceRequest request, int framesPerCall, int repeats) {
        Entry repeated() {
            return new Entry(request, framesPerCall, repeats + 1);
        }
    }

    /** A batch taken out to be sent. */
    record Drained(ServiceBatch message, List<byte[]> frames) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<byte[]> frames = new ArrayList<>();
    private long bytes;
    private int calls;

    /** Adds one call. */
    Added add(ServiceRequest request, List<byte[]> callFrames) {
        boolean first = entries.isEmpty();
        int last = entries.size() - 1;
        if (last >= 0 && same(entries.get(last).request(), request)
                && entries.get(last).framesPerCall() == callFrames.size()) {
            entries.set(last, entries.get(last).repeated());
        } else {
            entries.add(new Entry(request, callFrames.size(), 1));
        }
        frames.addAll(callFrames);
        calls++;
        for (byte[] f : callFrames) {
            bytes += f.length;
        }
        if (calls >= MAX_CALLS || bytes >= MAX_BYTES) {
            return Added.FULL;
        }
        return first ? Added.FIRST : Added.HELD;
    }

    /**
     * Whether two requests are one call repeated. Gson's {@code JsonPrimitive.equals} compares
     * numbers parsed from text (a call a worker passes on for its child) as doubles, so two queue
     * ids above 2^53 that differ in their low bits would be one: numbers are compared by their
     * text here. This runs on every one-way call a worker makes, so it walks the two trees
     * instead of writing both out as JSON (which halved small queue puts).
     */
    static boolean same(ServiceRequest a, ServiceRequest b) {
        return a.callId() == b.callId() && a.oneWay() == b.oneWay() && a.service().equals(b.service())
                && a.op().equals(b.op()) && exact(a.args(), b.args());
    }

    private static boolean exact(JsonElement a, JsonElement b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.isJsonPrimitive() && b.isJsonPrimitive()) {
            JsonPrimitive pa = a.getAsJsonPrimitive();
            JsonPrimitive pb = b.getAsJsonPrimitive();
            if (pa.isNumber() && pb.isNumber()) {
                return pa.getAsNumber().toString().equals(pb.getAsNumber().toString());
            }
            return pa.equals(pb);
        }
        if (a.isJsonObject() && b.isJsonObject()) {
            JsonObject oa = a.getAsJsonObject();
            JsonObject ob = b.getAsJsonObject();
            if (oa.size() != ob.size()) {
                return false;
            }
            for (Map.Entry<String, JsonElement> e : oa.entrySet()) {
                if (!exact(e.getValue(), ob.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isJsonArray() && b.isJsonArray()) {
            JsonArray xa = a.getAsJsonArray();
            JsonArray xb = b.getAsJsonArray();
            if (xa.size() != xb.size()) {
                return false;
            }
            for (int i = 0; i < xa.size(); i++) {
                if (!exact(xa.get(i), xb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.isJsonNull() && b.isJsonNull();
    }

    /** Whether nothing is held. */
    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Takes every held call out as one message; {@code null} if none is held. */
    Drained drain() {
        if (entries.isEmpty()) {
            return null;
        }
        List<ServiceRequest> requests = new ArrayList<>(entries.size());
        List<Integer> counts = new ArrayList<>(entries.size());
        List<Integer> repeats = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            requests.add(e.request());
            counts.add(e.framesPerCall());
            repeats.add(e.repeats());
        }
        Drained d = new Drained(new ServiceBatch(requests, counts, repeats), new ArrayList<>(frames));
        entries.clear();
        frames.clear();
        bytes = 0;
        calls = 0;
        return d;
    }
}
