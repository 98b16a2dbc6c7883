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

/** Sample is one value of a series at a time in ms. */
export interface Sample {
  atMs: number;
  value: number;
}

/** Frame is the time and value ranges several series share, so that their lines compare. */
export interface Frame {
  fromMs: number;
  toMs: number;
  low: number;
  high: number;
}

/** frameOf spans all the samples; a flat value gets a range of 1 around it, so its line sits mid-height. */
export function frameOf(samples: readonly Sample[]): Frame {
  const times = samples.map((s) => s.atMs);
  const values = samples.map((s) => s.value);
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return { fromMs: Math.min(...times), toMs: Math.max(...times), ...(high > low ? { low, high } : { low: low - 0.5, high: high + 0.5 }) };
}

/** seriesLine places samples in the frame: time across the width, the highest value at the top. */
export function seriesLine(samples: readonly Sample[], frame: Frame, width: number, height: number): Point[] {
  return samples.map((s) => ({
    x: timeToX(s.atMs - frame.fromMs, frame.toMs - frame.fromMs, width),
    y: height - ((s.value - frame.low) / (frame.high - frame.low)) * height,
  }));
}
