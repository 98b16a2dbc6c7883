// Geometry of the speech plots, kept apart from the DOM: recordings become columns, times become x.

/** Extent is the smallest and largest sample of one column of the waveform. */
export interface Extent {
  min: number;
  max: number;
}

/** peaks reduces samples to `columns` extents, so any recording draws in the same width. */
export function peaks(samples: Float32Array, columns: number): Extent[] {
  const per = samples.length / columns;
  return Array.from({ length: columns }, (_, column) => {
    let min = 0;
    let max = 0;
    for (let i = Math.floor(column * per); i < Math.floor((column + 1) * per); i++) {
      min = Math.min(min, samples[i]);
      max = Math.max(max, samples[i]);
    }
    return { min, max };
  });
}

/** timeToX maps a time in ms onto [0, width] for a recording of durationMs. */
export function timeToX(ms: number, durationMs: number, width: number): number {
  return durationMs > 0 ? (Math.min(ms, durationMs) / durationMs) * width : 0;
}

/** secondTicks are the whole seconds (or half seconds for short clips) to label on the time axis, in ms. */
export function secondTicks(durationMs: number): number[] {
  const step = durationMs <= 3_000 ? 500 : 1_000;
  return Array.from({ length: Math.floor(durationMs / step) + 1 }, (_, i) => i * step);
}

/** Point is one point of a plotted line. */
export interface Point {
  x: number;
  y: number;
}

/**
 * contourLines turns a pitch contour (Hz every stepMs, 0 where unvoiced) into the voiced stretches as
 * lines, with the pitch on a log scale between minHz (bottom) and maxHz (top), as people hear it.
 */
export function contourLines(contourHz: readonly number[], stepMs: number, minHz: number, maxHz: number, durationMs: number, width: number, height: number): Point[][] {
  const span = Math.log(maxHz / minHz) || 1;
  const lines: Point[][] = [];
  let current: Point[] = [];
  contourHz.forEach((hz, i) => {
    if (hz <= 0) {
      if (current.length > 0) lines.push(current);
      current = [];
      return;
    }
    current.push({ x: timeToX(i * stepMs, durationMs, width), y: height - (Math.log(hz / minHz) / span) * height });
  });
  if (current.length > 0) lines.push(current);
  return lines;
}
