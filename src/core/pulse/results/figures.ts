/**
 * The figures of one group from its sums (`aggregate.ts`): engagement index 0–100, eNPS
 * (promoters 9–10 minus detractors 0–6, −100…100), a score per driver (mean on the 5-point
 * scale, and as 0–100), and the distribution per question. A measure or a question fewer than
 * the minimum answered in the group is withheld on its own (`fewAnswers`): a mean of two answers
 * says too much about two people, even in a group of twenty. The release may withhold more of a
 * group's figures, each on its own (`figureChecks.ts`).
 */
import type { MeasureId, Layout } from './aggregate';
import type { WithheldReason } from './types';

export interface MeasureValue {
  readonly id: MeasureId;
  /** Engagement and drivers: 0–100 (1 → 0, 5 → 100); eNPS: −100…100. */
  readonly value: number;
  /** Mean per respondent: 1–5 for engagement and drivers, −1…1 for eNPS. */
  readonly mean: number;
  /** Standard deviation of the per-respondent measure (sample, n − 1); 0 for n < 2. */
  readonly sd: number;
  /** How many in the group answered it. */
  readonly n: number;
}

export interface Withheld {
  readonly withheld: WithheldReason;
}

export type MeasureFigure = MeasureValue | (Withheld & { readonly id: MeasureId });

export interface QuestionValue {
  readonly key: string;
  readonly n: number;
  readonly mean: number;
  /** Count per option, lowest first (1–5, or 0–10 for eNPS). */
  readonly distribution: readonly number[];
}

export type QuestionFigure = QuestionValue | (Withheld & { readonly key: string });

export interface GroupFigures {
  readonly respondents: number;
  readonly measures: readonly MeasureFigure[];
  readonly questions: readonly QuestionFigure[];
}

/** A figure of a group, named: `measure:<id>` or `question:<key>` (its distribution). */
export type FigureId = string;

export function measureFigure(id: MeasureId): FigureId {
  return `measure:${id}`;
}

export function questionFigure(key: string): FigureId {
  return `question:${key}`;
}

export function isWithheld<T extends object>(figure: T | (T & Withheld) | Withheld): figure is Withheld & T {
  return (figure as Withheld).withheld !== undefined;
}

/** 1–5 to 0–100. */
export function toIndex(mean: number): number {
  return ((mean - 1) / 4) * 100;
}

/** Mean and sample standard deviation from n, sum and sum of squares. */
export function meanAndSd(n: number, sum: number, sumSq: number): { readonly mean: number; readonly sd: number } {
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * The figures of a group with these sums, each measure and question at least `minimum` answers;
 * `withheld`: figures the release withholds in this group for another reason.
 */
export function figuresOf(layout: Layout, acc: Float64Array, minimum: number, withheld?: ReadonlyMap<FigureId, WithheldReason>): GroupFigures {
  const measures: MeasureFigure[] = layout.measures.map((slot) => {
    const n = acc[slot.at];
    if (n < minimum) {
      return { id: slot.id, withheld: 'fewAnswers' };
    }
    const reason = withheld?.get(measureFigure(slot.id));
    if (reason) {
      return { id: slot.id, withheld: reason };
    }
    const { mean, sd } = meanAndSd(n, acc[slot.at + 1], acc[slot.at + 2]);
    return { id: slot.id, value: slot.id === 'enps' ? mean * 100 : toIndex(mean), mean, sd, n };
  });
  const questions: QuestionFigure[] = layout.questions.map((slot) => {
    const n = acc[slot.at];
    if (n < minimum) {
      return { key: slot.key, withheld: 'fewAnswers' };
    }
    const reason = withheld?.get(questionFigure(slot.key));
    if (reason) {
      return { key: slot.key, withheld: reason };
    }
    const distribution: number[] = [];
    let sum = 0;
    for (let option = 0; option < slot.options; option += 1) {
      const count = acc[slot.at + 1 + option];
      distribution.push(count);
      sum += count * (slot.lowest + option);
    }
    return { key: slot.key, n, mean: sum / n, distribution };
  });
  return { respondents: acc[0], measures, questions };
}

/** A measure of a group's figures, by id. */
export function measureOf(figures: GroupFigures, id: MeasureId): MeasureFigure | undefined {
  return figures.measures.find((measure) => measure.id === id);
}
