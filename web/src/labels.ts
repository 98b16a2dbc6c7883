// Words for the mesh's enums and numbers as a clinician reads them.

/** enumLabel turns an enum value's name into words: WHOLE_WORD_REPETITION becomes "whole word repetition". */
export function enumLabel(values: Record<number, string>, value: number): string {
  return (values[value] ?? "unknown").toLowerCase().replace(/_/g, " ");
}

/** fixed writes a number with the given decimals, without a trailing ".0" for whole numbers. */
export function fixed(value: number, decimals = 1): string {
  return Number(value.toFixed(decimals)).toString();
}

/** times says how often, as people do: "never", "once", "twice", "3 times". */
export function times(count: number): string {
  return ["never", "once", "twice"][count] ?? `${count} times`;
}
