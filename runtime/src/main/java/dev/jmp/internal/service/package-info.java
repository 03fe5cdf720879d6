/**
 * Named services hosted in the parent and called from any process: the generic request/reply
 * mechanism over the wire, the registry that dispatches calls, and the
 * built-in queue service behind {@code Queue}, {@code JoinableQueue}, {@code SimpleQueue} and
 * {@code Pipe}, and the direct call channels a busy worker opens beside JeroMQ
 * ({@link dev.jmp.internal.service.ChannelService}). The shared-object manager plugs in here as another
 * service.
 */
package dev.jmp.internal.service;
