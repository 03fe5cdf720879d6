/**
 * Rendering into cells, shared by the runtime's magics: worker lines streamed live and never
 * split mid-line ({@link dev.jmp.magics.render.LineStreamer}), output kept for grouping and
 * replay ({@link dev.jmp.magics.render.OutputLog}), and tables as HTML with a plain-text
 * fallback for consoles and nbconvert ({@link dev.jmp.magics.render.Table}), the one escaping of
 * text put into HTML or SVG ({@link dev.jmp.magics.render.Markup}), one-line summaries of
 * values that read no more of a value than they show ({@link dev.jmp.magics.render.ValueSummary}),
 * and the routing of every worker's output lines to the cell of the run that claimed them
 * ({@link dev.jmp.magics.render.OutputDispatcher}).
 */
package dev.jmp.magics.render;
