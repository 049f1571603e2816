/**
 * Property-pane values as parts may use them: whatever SharePoint stored (a string, a number,
 * nothing), read as a whole number in the part's range, or the part's default.
 */

/** A whole number between `min` and `max` (rounded, then kept in range); `fallback` for nothing usable or below 1. */
export function wholeNumberIn(value: unknown, min: number, max: number, fallback: number): number {
  const whole = Math.round(Number(value));
  return Number.isFinite(whole) && whole >= 1 ? Math.min(Math.max(whole, min), max) : fallback;
}
