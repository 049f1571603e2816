import { addEntry, layoutOf } from './aggregate';
import { figuresOf, isWithheld, MeasureValue, QuestionValue } from './figures';
import type { ResultsQuestion } from './types';
import { QUESTIONS as SEEDED_QUESTIONS } from './__fakes__/seededRound';

// The seeded survey without two of its drivers: belonging, leadership (two questions), eNPS, engagement.
const QUESTIONS: ResultsQuestion[] = SEEDED_QUESTIONS.filter((q) => q.key !== 'say-in-shifts' && q.key !== 'recognised-recently');

function figures(answers: { [key: string]: number }[], minimum = 5): ReturnType<typeof figuresOf> {
  const layout = layoutOf(QUESTIONS);
  const acc = new Float64Array(layout.size);
  answers.forEach((entry) => addEntry(layout, acc, entry));
  return figuresOf(layout, acc, minimum);
}

function measure(result: ReturnType<typeof figuresOf>, id: string): MeasureValue {
  const found = result.measures.find((m) => m.id === id);
  if (!found || isWithheld(found)) {
    throw new Error(`${id} withheld`);
  }
  return found as MeasureValue;
}

describe('figures', () => {
  const five = [
    { 'part-of-team': 5, 'leader-listens': 4, 'safe-to-speak-up': 2, 'recommend-workplace': 10, 'look-forward-to-work': 5 },
    { 'part-of-team': 4, 'leader-listens': 4, 'safe-to-speak-up': 4, 'recommend-workplace': 9, 'look-forward-to-work': 4 },
    { 'part-of-team': 3, 'leader-listens': 2, 'safe-to-speak-up': 2, 'recommend-workplace': 8, 'look-forward-to-work': 3 },
    { 'part-of-team': 2, 'leader-listens': 2, 'safe-to-speak-up': 4, 'recommend-workplace': 6, 'look-forward-to-work': 2 },
    { 'part-of-team': 1, 'leader-listens': 3, 'safe-to-speak-up': 3, 'recommend-workplace': 0, 'look-forward-to-work': 1 }
  ];

  it('computes the engagement index from the engagement questions on 0–100', () => {
    expect(layoutOf(QUESTIONS).engagementBasis).toBe('engagement');
    expect(measure(figures(five), 'engagement').value).toBeCloseTo(50);
    expect(measure(figures(five.map((a) => ({ ...a, 'look-forward-to-work': 5 }))), 'engagement').value).toBe(100);
  });

  it('falls back to every 5-point question when the survey has no engagement question', () => {
    const layout = layoutOf(QUESTIONS.filter((q) => q.key !== 'look-forward-to-work'));
    expect(layout.engagementBasis).toBe('all');
  });

  it('computes eNPS as promoters (9–10) minus detractors (0–6), per hundred', () => {
    // 2 promoters, 1 passive, 2 detractors of 5: 0; then 3 promoters of 5, 1 detractor: 40.
    expect(measure(figures(five), 'enps').value).toBeCloseTo(0);
    expect(measure(figures(five.map((a, i) => ({ ...a, 'recommend-workplace': i === 2 ? 10 : a['recommend-workplace'] }))), 'enps').value).toBeCloseTo(20);
  });

  it('scores a driver as the mean of each person’s mean of its questions', () => {
    const leadership = measure(figures(five), 'leadership');
    expect(leadership.mean).toBeCloseTo((3 + 4 + 2 + 3 + 3) / 5);
    expect(leadership.n).toBe(5);
  });

  it('gives the distribution per question', () => {
    const team = figures(five).questions.find((q) => q.key === 'part-of-team') as QuestionValue;
    expect(team.distribution).toEqual([1, 1, 1, 1, 1]);
    const recommend = figures(five).questions.find((q) => q.key === 'recommend-workplace') as QuestionValue;
    expect(recommend.distribution).toHaveLength(11);
  });

  it('withholds a measure or question fewer than the minimum answered, and ignores answers out of range', () => {
    const result = figures(five.map((a, i) => (i < 2 ? a : { 'part-of-team': a['part-of-team'], 'look-forward-to-work': 9 })));
    expect(result.respondents).toBe(5);
    expect(result.measures.find((m) => m.id === 'leadership')).toEqual({ id: 'leadership', withheld: 'fewAnswers' });
    expect(result.measures.find((m) => m.id === 'engagement')).toEqual({ id: 'engagement', withheld: 'fewAnswers' });
    expect(result.questions.find((q) => q.key === 'part-of-team')).toMatchObject({ n: 5 });
  });
});
