/**
 * One pass over a round's answer entries: per atom (respondents alike to every cell, see
 * `cells.ts`) the sums the figures need, in a flat array of numbers so a cell's sums are the
 * atoms' sums added up. Everything kept is a sum over respondents of something about each one
 * (a count, a score, its square, an indicator of a chosen option): a cell's figures are linear in
 * its respondents, which is what the release checks reason about.
 *
 * Per respondent, a **measure** is one number: the engagement measure (the mean of their answers
 * to the engagement questions; all 5-point questions when the survey has none), a driver's
 * measure (the mean of their answers to that driver's 5-point questions) and eNPS (+1 promoter
 * 9–10, 0 passive 7–8, −1 detractor 0–6). Questions keep their distribution (count per option).
 */
import type { PulseDriver } from '../../models/pulse';
import type { AnswerEntry } from '../ballot';
import { atomKey, respondentOf } from './cells';
import type { CrewPatterns, ResultsQuestion } from './types';

export type MeasureId = 'engagement' | 'enps' | PulseDriver;

export interface MeasureSlot {
  readonly id: MeasureId;
  /** Offset of n, sum, sum of squares. */
  readonly at: number;
  /** The 5-point questions whose mean it is (none for eNPS). */
  readonly questionKeys: readonly string[];
  /** The same questions as places in {@link Layout.questions}. */
  readonly questionIndexes: readonly number[];
}

export interface QuestionSlot {
  readonly key: string;
  readonly driver: PulseDriver;
  readonly kind: 'likert5' | 'enps11';
  /** Offset of n, then one count per option (1–5 or 0–10). */
  readonly at: number;
  readonly lowest: number;
  readonly options: number;
}

/** Where each sum lives in an accumulator; built once per survey. */
export interface Layout {
  readonly measures: readonly MeasureSlot[];
  readonly questions: readonly QuestionSlot[];
  /** `engagement` questions when the survey has any, else every 5-point question. */
  readonly engagementBasis: 'engagement' | 'all';
  readonly size: number;
}

/** The drivers a survey's 5-point questions cover, in the order first asked (outcomes apart). */
export function layoutOf(questions: readonly ResultsQuestion[]): Layout {
  const likert = questions.filter((q) => q.kind === 'likert5');
  const engagementKeys = likert.filter((q) => q.driver === 'engagement').map((q) => q.key);
  const engagementBasis = engagementKeys.length > 0 ? 'engagement' : 'all';
  let at = 1;
  const measures: MeasureSlot[] = [];
  const add = (id: MeasureId, questionKeys: readonly string[]): void => {
    measures.push({ id, at, questionKeys, questionIndexes: [] });
    at += 3;
  };
  if (likert.length > 0) {
    add('engagement', engagementBasis === 'engagement' ? engagementKeys : likert.map((q) => q.key));
  }
  const drivers: PulseDriver[] = [];
  likert.forEach((q) => {
    if (q.driver !== 'engagement' && q.driver !== 'enps' && drivers.indexOf(q.driver) < 0) {
      drivers.push(q.driver);
    }
  });
  drivers.forEach((driver) => add(driver, likert.filter((q) => q.driver === driver).map((q) => q.key)));
  if (questions.some((q) => q.kind === 'enps11')) {
    add('enps', []);
  }
  const slots: QuestionSlot[] = [];
  questions.forEach((q) => {
    if (q.kind === 'likert5' || q.kind === 'enps11') {
      const options = q.kind === 'likert5' ? 5 : 11;
      slots.push({ key: q.key, driver: q.driver, kind: q.kind, at, lowest: q.kind === 'likert5' ? 1 : 0, options });
      at += 1 + options;
    }
  });
  const indexed = measures.map((measure) => ({
    ...measure,
    questionIndexes: measure.questionKeys.map((key) => slots.map((slot) => slot.key).indexOf(key))
  }));
  return { measures: indexed, questions: slots, engagementBasis, size: at };
}

/** An answer a question accepts: a whole number in its range. */
function scoreOf(slot: QuestionSlot, value: number | undefined): number | undefined {
  if (typeof value !== 'number' || Math.floor(value) !== value || value < slot.lowest || value >= slot.lowest + slot.options) {
    return undefined;
  }
  return value;
}

function addMeasure(acc: Float64Array, at: number, value: number): void {
  acc[at] += 1;
  acc[at + 1] += value;
  acc[at + 2] += value * value;
}

/** Adds one respondent's answers to an accumulator. */
export function addEntry(layout: Layout, acc: Float64Array, answers: { readonly [key: string]: number }): void {
  acc[0] += 1;
  let enps: number | undefined;
  const scores: (number | undefined)[] = [];
  layout.questions.forEach((slot, index) => {
    const score = scoreOf(slot, answers[slot.key]);
    scores[index] = score;
    if (score === undefined) {
      return;
    }
    acc[slot.at] += 1;
    acc[slot.at + 1 + score - slot.lowest] += 1;
    if (slot.kind === 'enps11' && enps === undefined) {
      enps = score >= 9 ? 1 : score <= 6 ? -1 : 0;
    }
  });
  layout.measures.forEach((measure) => {
    if (measure.id === 'enps') {
      if (enps !== undefined) {
        addMeasure(acc, measure.at, enps);
      }
      return;
    }
    let n = 0;
    let sum = 0;
    measure.questionIndexes.forEach((index) => {
      const score = scores[index];
      if (score !== undefined) {
        n += 1;
        sum += score;
      }
    });
    if (n > 0) {
      addMeasure(acc, measure.at, sum / n);
    }
  });
}

/** Sums per atom of a round's answers: one pass, linear in the entries. */
export function aggregateAtoms(layout: Layout, answers: readonly AnswerEntry[], crewPatterns: CrewPatterns | undefined): Map<string, Float64Array> {
  const atoms = new Map<string, Float64Array>();
  answers.forEach((entry) => {
    const key = atomKey(respondentOf(entry.groups, crewPatterns));
    let acc = atoms.get(key);
    if (!acc) {
      acc = new Float64Array(layout.size);
      atoms.set(key, acc);
    }
    addEntry(layout, acc, entry.answers);
  });
  return atoms;
}

/** The sum of some accumulators (a cell from its atoms). */
export function sumOf(layout: Layout, parts: readonly Float64Array[]): Float64Array {
  const total = new Float64Array(layout.size);
  parts.forEach((part) => {
    for (let i = 0; i < total.length; i += 1) {
      total[i] += part[i];
    }
  });
  return total;
}

/** `a − b`, for a remainder group (a parent less its shown children). */
export function difference(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i += 1) {
    out[i] = a[i] - b[i];
  }
  return out;
}
