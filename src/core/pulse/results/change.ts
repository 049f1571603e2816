/**
 * Change since the last round, and whether it is more than noise for the group's size; the trend
 * across rounds.
 *
 * The noise rule: the 95 % confidence interval of the difference of two means (Welch: unequal
 * variances, each round's own standard deviation and size, Welch–Satterthwaite degrees of
 * freedom, Student's t). The change is `up` or `down` when the interval leaves out zero, else
 * `withinNoise`. On the 5-point scale a group of 5 needs a change of about a whole point, a group
 * of 50 about a third of one. eNPS is a mean of +1/0/−1 per person and follows the same rule.
 * Rounds are different ballots (a person's answers in two rounds are not linked), so the rounds
 * are treated as independent samples.
 */
import type { MeasureId } from './aggregate';
import { isWithheld, MeasureFigure, MeasureValue } from './figures';

/** Two-sided 95 % critical values of Student's t for 1–30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042
];

/** Critical t for `df` degrees of freedom (rounded down, so the interval is never too narrow). */
export function tCritical(df: number): number {
  if (!(df >= 1)) {
    return T975[0];
  }
  const whole = Math.floor(df);
  if (whole <= 30) {
    return T975[whole - 1];
  }
  return whole <= 60 ? 2.0 : whole <= 120 ? 1.98 : 1.96;
}

export type Direction = 'up' | 'down' | 'withinNoise';

export interface Change {
  readonly id: MeasureId;
  /** Difference of the means (5-point scale; −1…1 for eNPS). */
  readonly delta: number;
  /** The same on the shown scale (index points, eNPS points). */
  readonly deltaValue: number;
  /** Half-width of the 95 % interval of the difference, on the mean's scale. */
  readonly margin: number;
  readonly direction: Direction;
}

/** The change from `previous` to `current`, or undefined when either is withheld. */
export function changeOf(previous: MeasureFigure | undefined, current: MeasureFigure | undefined): Change | undefined {
  if (!previous || !current || isWithheld(previous) || isWithheld(current)) {
    return undefined;
  }
  const a = previous as MeasureValue;
  const b = current as MeasureValue;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  const delta = b.mean - a.mean;
  const df = se === 0 ? 1 : ((va + vb) * (va + vb)) / ((va * va) / Math.max(1, a.n - 1) + (vb * vb) / Math.max(1, b.n - 1));
  const margin = tCritical(df) * se;
  const direction: Direction = Math.abs(delta) > margin && delta !== 0 ? (delta > 0 ? 'up' : 'down') : 'withinNoise';
  return { id: b.id, delta, deltaValue: b.value - a.value, margin, direction };
}

export interface TrendPoint {
  readonly roundId: number;
  /** The shown value, or undefined where the round withheld it. */
  readonly value?: number;
}

/** A measure across rounds, oldest first; a round that withheld it leaves a gap. */
export function trendOf(rounds: readonly { readonly roundId: number; readonly measure?: MeasureFigure }[]): TrendPoint[] {
  return rounds.map(({ roundId, measure }) => (measure && !isWithheld(measure) ? { roundId, value: (measure as MeasureValue).value } : { roundId }));
}
