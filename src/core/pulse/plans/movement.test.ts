import type { MeasureFigure } from '../results/figures';
import type { GroupResult } from '../results/release';
import type { RoundResults } from '../results/wire';
import { planMovement } from './movement';

const measure = (mean: number, sd: number, n: number): MeasureFigure => ({ id: 'leadership', value: ((mean - 1) / 4) * 100, mean, sd, n });

function round(roundId: number, opensAt: string, groups: readonly GroupResult[], options: { surveyId?: number; availability?: 'results' | 'participation' } = {}): RoundResults {
  return {
    roundId,
    surveyId: options.surveyId ?? 3,
    title: 'Pulse',
    opensAt,
    closesAt: opensAt,
    questions: [],
    release: {
      roundId,
      availability: options.availability ?? 'results',
      thresholds: { minGroupSize: 5, minCommentGroupSize: 10 },
      engagementBasis: 'engagement',
      measureIds: ['leadership'],
      groups,
      participation: [],
      comments: [],
      org: { siteOfLine: {}, lineOfCrew: {} }
    }
  };
}

const shown = (key: string, figure: MeasureFigure): GroupResult => ({ key, filters: [], figures: { respondents: 40, measures: [figure], questions: [] } });
const plan = { roundId: 10, surveyId: 3, groupKey: 'line=got-weld2', driver: 'leadership' as const };

describe('whether a plan\'s driver moved', () => {
  it('compares the plan\'s round with the next published round of the same survey, with the noise rule', () => {
    const rounds = [
      round(12, '2027-02-01T06:00:00Z', [shown('line=got-weld2', measure(3.9, 0.8, 40))]),
      round(11, '2027-01-01T06:00:00Z', [shown('line=got-weld2', measure(3.6, 0.8, 40))]),
      round(10, '2026-12-01T06:00:00Z', [shown('line=got-weld2', measure(3.0, 0.8, 40))])
    ];
    const moved = planMovement(plan, rounds);
    expect(moved.state).toBe('up');
    expect(moved.state === 'up' && [moved.fromRoundId, moved.toRoundId]).toEqual([10, 11]);
    expect(moved.state === 'up' && moved.change.delta).toBeCloseTo(0.6);
  });

  it('says within noise for a change a group of its size can show by chance, and down for a real fall', () => {
    const small = planMovement(plan, [round(10, '2026-12-01T06:00:00Z', [shown('line=got-weld2', measure(3.0, 0.9, 6))]), round(11, '2027-01-01T06:00:00Z', [shown('line=got-weld2', measure(3.4, 0.9, 6))])]);
    expect(small.state).toBe('withinNoise');
    const fall = planMovement(plan, [round(10, '2026-12-01T06:00:00Z', [shown('line=got-weld2', measure(4.0, 0.5, 60))]), round(11, '2027-01-01T06:00:00Z', [shown('line=got-weld2', measure(3.5, 0.5, 60))])]);
    expect(fall.state).toBe('down');
  });

  it('says not shown when either round withholds the figure or the group, never working it out', () => {
    const withheldGroup: GroupResult = { key: 'line=got-weld2', filters: [], withheld: 'protectsAnother' };
    const withheldFigure = shown('line=got-weld2', { id: 'leadership', withheld: 'fewAnswers' });
    const before = round(10, '2026-12-01T06:00:00Z', [shown('line=got-weld2', measure(3.0, 0.8, 40))]);
    expect(planMovement(plan, [before, round(11, '2027-01-01T06:00:00Z', [withheldGroup])])).toEqual({ state: 'notShown', toRoundId: 11 });
    expect(planMovement(plan, [before, round(11, '2027-01-01T06:00:00Z', [withheldFigure])])).toEqual({ state: 'notShown', toRoundId: 11 });
    expect(planMovement(plan, [before, round(11, '2027-01-01T06:00:00Z', [shown('site=got', measure(3.5, 0.8, 90))])])).toEqual({ state: 'notShown', toRoundId: 11 });
    // The plan's own round is not among the viewer's results.
    expect(planMovement(plan, [round(11, '2027-01-01T06:00:00Z', [shown('line=got-weld2', measure(3.5, 0.8, 40))])])).toEqual({ state: 'notShown', toRoundId: 11 });
  });

  it('waits for the next round: none yet, one still open, or another survey\'s round', () => {
    const before = round(10, '2026-12-01T06:00:00Z', [shown('line=got-weld2', measure(3.0, 0.8, 40))]);
    expect(planMovement(plan, [before])).toEqual({ state: 'notYet' });
    expect(planMovement(plan, [before, round(11, '2027-01-01T06:00:00Z', [], { availability: 'participation' })])).toEqual({ state: 'notYet' });
    expect(planMovement(plan, [before, round(11, '2027-01-01T06:00:00Z', [shown('line=got-weld2', measure(4.5, 0.1, 40))], { surveyId: 4 })])).toEqual({ state: 'notYet' });
    const refused: RoundResults = { roundId: 11, surveyId: 3, title: 'Pulse', opensAt: '2027-01-01T06:00:00Z', closesAt: '2027-01-08T06:00:00Z', questions: [], refused: 'boxCheckFailed' };
    expect(planMovement(plan, [before, refused])).toEqual({ state: 'notYet' });
  });
});
