/**
 * The release checks per figure. Respondents may skip questions, so each figure of a group (a
 * question's distribution, a measure) is a sum over the respondents who **answered** it, not over
 * the group's respondents. Two groups that pass by respondents (the same people, or 5 apart) can
 * still differ by 1 to minimum − 1 answers to one question: a line with crew a (5, all answered
 * eNPS) and crew b (5, one answered) shows eNPS of 6 in the line and of 5 in crew a, and the
 * difference is crew b's one answer. So the same checks as for groups (no subtraction, then the
 * exact complementary search, `subtraction.ts`, `complementary.ts`) run again for each figure,
 * with that figure's answers per atom as the weights, over the groups that show it (shown cells
 * and "other" groups): the figure is withheld (`protectsAnother`) in the groups that fail, until
 * no combination of the groups still showing it touches 1 to minimum − 1 answerers.
 *
 * Figures that sum the same per-person numbers are checked together, as one **family**: a
 * measure made of one question (eNPS of the survey's one eNPS question, a driver or the engagement
 * index of one question) is a function of that question's answer, so its figure in one group and
 * the question's distribution in another could be subtracted. A measure of several questions is a
 * number per person of its own (the mean of what they answered) and is checked on its own.
 * Separate families never share a per-person number, so withholding in one changes nothing for
 * another, and each family's check reaches its own fixed point.
 */
import type { Layout } from './aggregate';
import type { CellKey } from './cells';
import { CellSet, countOf, groupSetOf } from './cellSet';
import { complementaryWithheld } from './complementary';
import { FigureId, measureFigure, questionFigure } from './figures';
import { subtractionWithheld } from './subtraction';
import type { WithheldReason } from './types';

/** Figures summing the same per-person numbers, with where their answer count sits in an accumulator. */
export interface FigureFamily {
  readonly figures: readonly FigureId[];
  /** Offset of the count of answers (the family's weight per atom). */
  readonly at: number;
}

/** The groups the checks leave, those below the minimum, and those withheld to protect others. */
export interface GroupDecision {
  readonly shown: CellKey[];
  readonly tooFew: CellKey[];
  readonly protectsAnother: CellKey[];
}

/** Minimum size, then no subtraction, then complementary suppression: for cells by respondents, or a figure's groups by answers. */
export function checkGroups(set: CellSet, universe: readonly CellKey[], minimum: number): GroupDecision {
  const tooFew: CellKey[] = [];
  let shown = universe.filter((cell) => {
    if (countOf(set, cell) < minimum) {
      tooFew.push(cell);
      return false;
    }
    return true;
  });
  const protectsAnother: CellKey[] = [];
  const drop = (cells: readonly CellKey[]): void => {
    cells.forEach((cell) => protectsAnother.push(cell));
    shown = shown.filter((cell) => cells.indexOf(cell) < 0);
  };
  drop(subtractionWithheld(set, shown, minimum));
  drop(complementaryWithheld(set, shown, minimum));
  return { shown, tooFew, protectsAnother };
}

/** The survey's figures in families: each question with the measures made of it alone; each other measure on its own. */
export function figureFamiliesOf(layout: Layout): FigureFamily[] {
  const families = layout.questions.map((slot) => ({ figures: [questionFigure(slot.key)], at: slot.at }));
  const own: { figures: FigureId[]; at: number }[] = [];
  const enpsQuestions = layout.questions.map((slot, index) => (slot.kind === 'enps11' ? index : -1)).filter((index) => index >= 0);
  layout.measures.forEach((measure) => {
    const sources = measure.id === 'enps' ? enpsQuestions : measure.questionIndexes;
    if (sources.length === 1 && sources[0] >= 0) {
      families[sources[0]].figures.push(measureFigure(measure.id));
    } else {
      own.push({ figures: [measureFigure(measure.id)], at: measure.at });
    }
  });
  return families.concat(own);
}

/**
 * The figures to withhold in each group, beyond what `figuresOf` withholds by itself: per family,
 * the groups (`groups`: key → atoms, every group already shown by respondents) where its figures
 * would let fewer than `minimum` answers be worked out. A family every respondent answered is
 * skipped: its weights are the respondents', which the groups have passed already (an "other"
 * group is a parent less shown children, nothing new). Families with the same weights share one
 * check.
 */
export function figuresWithheld(layout: Layout, accs: ReadonlyMap<string, Float64Array>, groups: ReadonlyMap<string, readonly string[]>, minimum: number): Map<string, Map<FigureId, WithheldReason>> {
  const out = new Map<string, Map<FigureId, WithheldReason>>();
  const atoms = Array.from(accs.keys());
  const keys = Array.from(groups.keys());
  const decided = new Map<string, GroupDecision>();
  figureFamiliesOf(layout).forEach((family) => {
    const weights = new Map<string, number>();
    let everyone = true;
    const signature = atoms
      .map((atom) => {
        const acc = accs.get(atom) as Float64Array;
        const weight = acc[family.at];
        everyone = everyone && weight === acc[0];
        weights.set(atom, weight);
        return weight;
      })
      .join(',');
    if (everyone) {
      return;
    }
    let decision = decided.get(signature);
    if (!decision) {
      decision = checkGroups(groupSetOf(weights, groups), keys, minimum);
      decided.set(signature, decision);
    }
    const withhold = (key: string, reason: WithheldReason): void => {
      let figures = out.get(key);
      if (!figures) {
        figures = new Map<FigureId, WithheldReason>();
        out.set(key, figures);
      }
      family.figures.forEach((figure) => figures?.set(figure, reason));
    };
    decision.tooFew.forEach((key) => withhold(key, 'fewAnswers'));
    decision.protectsAnother.forEach((key) => withhold(key, 'protectsAnother'));
  });
  return out;
}
