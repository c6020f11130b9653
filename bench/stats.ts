/** The middle value (the upper one of an even count); 0 for none. */
export const median = (values: number[]): number => percentile(values, 50);

/** The value `p` percent of the way up the sorted values; 0 for none. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
