import type { AnswerEntry } from '../ballot';
import { aggregateAtoms, layoutOf } from './aggregate';
import { atomKey, respondentOf } from './cells';
import { figureFamiliesOf, figuresWithheld } from './figureChecks';
import { measureFigure, questionFigure } from './figures';
import type { ResultsQuestion } from './types';
import { QUESTIONS } from './__fakes__/seededRound';

const PATTERNS = { a: 'p0', b: 'p0', c: 'p0' };

function entry(crew: string, answers: { [key: string]: number }): AnswerEntry {
  return { kind: 'answers', token: `k1:${crew}`, day: '2026-03-02', groups: { site: 's', line: 'l', crew, employmentType: 'employee', tenureBand: '1-3', groupKey: `s/l/${crew}` }, answers };
}

const atomOf = (crew: string): string => atomKey(respondentOf(entry(crew, {}).groups, PATTERNS));

describe('families of figures', () => {
  it('checks a measure made of one question with that question, and a measure of several on its own', () => {
    const families = figureFamiliesOf(layoutOf(QUESTIONS)).map((family) => family.figures);
    expect(families).toContainEqual([questionFigure('recommend-workplace'), measureFigure('enps')]);
    expect(families).toContainEqual([questionFigure('look-forward-to-work'), measureFigure('engagement')]);
    expect(families).toContainEqual([questionFigure('part-of-team'), measureFigure('belonging')]);
    expect(families).toContainEqual([questionFigure('safe-to-speak-up')]);
    expect(families).toContainEqual([measureFigure('leadership')]);
    // Every figure of the survey in exactly one family.
    const all = families.reduce((out, figures) => out.concat(figures), [] as string[]);
    expect(all.length).toBe(new Set(all).size);
    expect(all).toHaveLength(layoutOf(QUESTIONS).questions.length + layoutOf(QUESTIONS).measures.length);
  });

  it('keeps eNPS on its own when the survey asks two eNPS questions', () => {
    const two: ResultsQuestion[] = [
      { key: 'recommend-workplace', driver: 'enps', kind: 'enps11' },
      { key: 'recommend-products', driver: 'enps', kind: 'enps11' }
    ];
    expect(figureFamiliesOf(layoutOf(two)).map((family) => family.figures)).toContainEqual([measureFigure('enps')]);
  });
});

describe('checks per figure', () => {
  const questions = QUESTIONS.filter((q) => q.key === 'recommend-workplace' || q.key === 'look-forward-to-work');
  const layout = layoutOf(questions);
  // Crew a: 5 answer both; crew b: 5 answer the 5-point question, one of them eNPS too.
  const answers = [0, 1, 2, 3, 4].map(() => entry('a', { 'recommend-workplace': 8, 'look-forward-to-work': 4 }));
  [0, 1, 2, 3, 4].forEach((i) => answers.push(entry('b', i === 0 ? { 'recommend-workplace': 2, 'look-forward-to-work': 3 } : { 'look-forward-to-work': 3 })));
  const accs = aggregateAtoms(layout, answers, PATTERNS);
  const [a, b] = [atomOf('a'), atomOf('b')];

  it('withholds a figure in the group whose answers are 1 to minimum − 1 short of a group holding it', () => {
    const held = figuresWithheld(layout, accs, new Map([['line=l', [a, b]], ['crew=a', [a]], ['crew=b', [b]]]), 5);
    expect(held.get('crew=a')).toEqual(new Map([[questionFigure('recommend-workplace'), 'protectsAnother'], [measureFigure('enps'), 'protectsAnother']]));
    expect(held.get('crew=b')?.get(questionFigure('recommend-workplace'))).toBe('fewAnswers');
    expect(held.get('line=l')).toBeUndefined();
    // What everyone answered is nowhere withheld.
    held.forEach((figures) => expect(figures.has(questionFigure('look-forward-to-work'))).toBe(false));
  });

  it('lets a figure show where the groups showing it are the same answerers or the minimum apart', () => {
    expect(figuresWithheld(layout, accs, new Map([['line=l', [a, b]], ['crew=b', [b]]]), 5).get('line=l')).toBeUndefined();
    const five = aggregateAtoms(layout, answers.concat([1, 2, 3, 4].map(() => entry('c', { 'recommend-workplace': 6 }))), PATTERNS);
    const c = atomOf('c');
    // Line: a (5) + b (1) + c (4) = 10 eNPS answers, crew a 5: 5 apart.
    expect(figuresWithheld(layout, five, new Map([['line=l', [a, b, c]], ['crew=a', [a]]]), 5).size).toBe(0);
  });

  it('finds a leak that takes more than two groups: a parent less two siblings', () => {
    const more = aggregateAtoms(layout, answers.concat([0, 1, 2, 3, 4, 5].map(() => entry('c', { 'recommend-workplace': 6, 'look-forward-to-work': 2 }))), PATTERNS);
    const c = atomOf('c');
    const held = figuresWithheld(layout, more, new Map([['line=l', [a, b, c]], ['crew=a', [a]], ['crew=c', [c]]]), 5);
    const withheld = ['line=l', 'crew=a', 'crew=c'].filter((key) => held.get(key)?.get(questionFigure('recommend-workplace')) === 'protectsAnother');
    expect(withheld).toHaveLength(1);
  });
});
