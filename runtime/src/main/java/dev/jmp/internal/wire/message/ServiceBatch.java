package dev.jmp.internal.wire.message;

import java.util.List;

/**
 * Worker to parent: several one-way service requests in order, sent together (a producer's
 * queue puts). Data frames are the requests' frames, one after another.
 *
 * @param requests the one-way requests, in the order they were made
 * @param frames   how many data frames one call of each request takes
 * @param repeats  how many calls each request stands for: consecutive identical requests (a
 *                 producer putting many items on one queue) are sent once, with the frames of
 *                 every call one after another, and their arguments are decoded once
 */
public record ServiceBatch(List<ServiceRequest> requests, List<Integer> frames, List<Integer> repeats)
        implements WireMessage {
}
