/**
 * {@code %timeline}: an SVG chart of the last {@code %%pool} or {@code %%spawn} run, one row per
 * worker and one bar per item (pool) or process (spawn). The runs record their spans as
 * {@link dev.jmp.magics.timeline.Timeline}s in a {@link dev.jmp.magics.timeline.Timelines} store;
 * {@link dev.jmp.magics.timeline.TimelineSvg} draws them.
 */
package dev.jmp.magics.timeline;
