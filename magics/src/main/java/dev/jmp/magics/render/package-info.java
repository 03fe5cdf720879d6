/**
 * Rendering into cells, shared by the runtime's magics: worker lines streamed live and never
 * split mid-line ({@link dev.jmp.magics.render.LineStreamer}), output kept for grouping and
 * replay ({@link dev.jmp.magics.render.OutputLog}), and tables as HTML with a plain-text
 * fallback for consoles and nbconvert ({@link dev.jmp.magics.render.Table}), and the one escaping of
 * text put into HTML or SVG ({@link dev.jmp.magics.render.Markup}), and one-line summaries of
 * values that read no more of a value than they show ({@link dev.jmp.magics.render.ValueSummary}).
 */
package dev.jmp.magics.render;
