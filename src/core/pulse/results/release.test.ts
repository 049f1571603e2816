import type { AnswerEntry } from '../ballot';
import { parseCellKey, valueOf, respondentOf } from './cells';
import { isWithheld, QuestionValue } from './figures';
import { heatmapOf } from './heatmap';
import { audienceCounts, audienceKnown } from './participation';
import { releaseRound, ShownGroup, viewOf } from './release';
import type { ResultsQuestion, RoundData } from './types';
import { CLOSED_ROUND, seededRandom, seededRound, SMALL_PLANT } from './__fakes__/seededRound';

const NOW = new Date('2026-04-01T00:00:00Z');

describe('a round’s release', () => {
  const data = seededRound(SMALL_PLANT, 3);
  const release = releaseRound(data, { now: NOW, random: seededRandom(1) });

  it('shows every group of at least the minimum that the checks allow, and withholds the rest without a count', () => {
    const shown = release.groups.filter((g): g is ShownGroup => !('withheld' in g));
    expect(shown.length).toBeGreaterThan(5);
    shown.forEach((group) => expect(group.figures.respondents).toBeGreaterThanOrEqual(5));
    release.groups.filter((g) => 'withheld' in g).forEach((group) => expect(Object.keys(group).sort()).toEqual(['filters', 'key', 'withheld']));
    expect(release.published.plant).toBe(data.answers.length);
  });

  it('gives a shown group its rate against the audience sealed at publication, deciding nothing differently', () => {
    const audience = audienceCounts(
      data.people.map((person) => person.groups),
      data.crewPatterns ?? {},
      Object.keys(release.published)
    );
    const rated = releaseRound(data, { now: NOW, random: seededRandom(1), audience });
    expect(release.participation.find((p) => p.key === 'plant')).toEqual({ key: 'plant', respondents: data.answers.length });
    expect(rated.participation.find((p) => p.key === 'plant')).toEqual({ key: 'plant', respondents: data.answers.length, audience: data.people.length, rate: data.answers.length / data.people.length });
    // The same groups, counts and reasons: the audience decides nothing.
    expect(rated.groups).toEqual(release.groups);
    expect(rated.participation.map((p) => ('withheld' in p ? [p.key, p.withheld] : [p.key, p.respondents]))).toEqual(
      release.participation.map((p) => ('withheld' in p ? [p.key, p.withheld] : [p.key, p.respondents]))
    );
    const withRates = rated.participation.filter((p) => 'rate' in p && p.rate !== undefined);
    expect(withRates.length).toBeGreaterThan(3);
    withRates.forEach((p) => expect(audienceKnown(p.key)).toBe(true));
    // Employment types are not on the rosters: shown, but no rate.
    expect(rated.participation.some((p) => p.key.startsWith('employmentType=') && 'respondents' in p && p.rate === undefined)).toBe(true);
    // An open round has counts and no rates, whatever it is given.
    const open = releaseRound({ ...data, round: { ...CLOSED_ROUND, status: 'open', closesAt: '2026-05-01T00:00:00Z' } }, { now: NOW, random: seededRandom(1), audience });
    expect(open.participation.some((p) => 'respondents' in p)).toBe(true);
    expect(open.participation.every((p) => !('rate' in p) && !('audience' in p))).toBe(true);
  });

  it('shows comments only in lists of at least 10 respondents, without author or token', () => {
    const lists = release.comments.filter((list) => 'comments' in list);
    expect(lists.length).toBeGreaterThan(0);
    lists.forEach((list) => {
      if ('comments' in list) {
        list.comments.forEach((comment) => expect(Object.keys(comment).sort()).toEqual(['questionKey', 'text']));
      }
    });
  });

  it('gives each shown comment the thread id the caller makes from its token, never from its author', () => {
    const seen: string[] = [];
    const withThreads = releaseRound(data, {
      now: NOW,
      random: seededRandom(1),
      threadIdOf: (comment) => {
        seen.push(comment.author);
        return `thread-of-${comment.token}`;
      }
    });
    const shownComments = withThreads.comments.flatMap((list) => ('comments' in list ? list.comments : []));
    expect(shownComments.length).toBeGreaterThan(0);
    shownComments.forEach((comment) => {
      expect(Object.keys(comment).sort()).toEqual(['questionKey', 'text', 'threadId']);
      const entry = data.comments.find((c) => `thread-of-${c.token}` === comment.threadId);
      expect(entry?.text).toBe(comment.text);
    });
    // The id is the caller's; the release hands it the entry and sends nothing else of it.
    expect(JSON.stringify(withThreads.comments)).not.toContain(data.comments[0].author);
    expect(seen.length).toBe(data.comments.length);
  });

  it('decides the same lists and counts when a comment is left out (deleted by its author): only that text goes', () => {
    const shownOf = (r: typeof release): string[] => r.comments.filter((list) => 'comments' in list).map((list) => list.key).sort();
    const textsOf = (r: typeof release): string[] => r.comments.flatMap((list) => ('comments' in list ? list.comments.map((c) => c.text) : []));
    const gone = data.comments.find((c) => textsOf(release).indexOf(c.text) >= 0);
    if (!gone) {
      throw new Error('The seeded round shows no comment.');
    }
    const without = releaseRound({ ...data, comments: data.comments.filter((c) => c !== gone) }, { now: NOW, random: seededRandom(1) });
    expect(shownOf(without)).toEqual(shownOf(release));
    expect(without.published).toEqual(release.published);
    expect(without.groups).toEqual(release.groups);
    expect(textsOf(without)).not.toContain(gone.text);
    expect(textsOf(without).length).toBe(textsOf(release).length - textsOf(release).filter((t) => t === gone.text).length);
  });

  it('gives an open round’s counts but none of its figures', () => {
    const open = releaseRound({ ...data, round: { ...CLOSED_ROUND, status: 'open', closesAt: '2026-05-01T00:00:00Z' } }, { now: NOW, random: seededRandom(1) });
    expect(open.availability).toBe('participation');
    expect(open.groups.every((g) => 'withheld' in g)).toBe(true);
    expect(open.participation.find((p) => p.key === 'plant')).toMatchObject({ respondents: data.answers.length });
    expect(open.comments.every((list) => 'withheld' in list)).toBe(true);
  });

  it('gives a closed round’s counts but none of its figures until the caller says its closing run is done', () => {
    const { closingRunDone, ...closing } = data.round;
    expect(closingRunDone).toBe(true);
    const pending = releaseRound({ ...data, round: closing }, { now: NOW, random: seededRandom(1) });
    expect(pending.availability).toBe('participation');
    expect(pending.groups.every((g) => 'withheld' in g)).toBe(true);
    expect(pending.groups.filter((g) => 'withheld' in g && g.withheld === 'roundOpen').map((g) => g.key)).toEqual(Object.keys(release.published));
    expect(pending.published).toEqual({});
  });

  it('cuts the release to the viewer: employees the plant, no comments', () => {
    const employee = viewOf(release, { role: 'employee' });
    expect(employee.groups.map((g) => g.key)).toEqual(['plant']);
    expect(employee.comments).toEqual([]);
    expect(employee.published).toEqual({});
  });

  it('draws a heatmap of single-filter groups × measures with withheld cells marked', () => {
    const heatmap = heatmapOf(release);
    expect(heatmap.measures).toEqual(['engagement', 'belonging', 'leadership', 'schedule-influence', 'recognition', 'enps']);
    expect(heatmap.rows.every((row) => row.cells.length === heatmap.measures.length)).toBe(true);
    expect(heatmap.rows.some((row) => row.cells.every((cell) => 'withheld' in cell && cell.withheld === 'tooFew'))).toBe(true);
    expect(heatmap.rows.some((row) => row.cells.some((cell) => 'value' in cell))).toBe(true);
  });
});

describe('a question some skipped', () => {
  // Line l1: crew a (5 people, all answer eNPS 8), crew b (5 people, one answers eNPS, with 2).
  // Every group has 5 or 10 respondents, so each passes the checks by respondents; but the line's
  // eNPS (6 answers) less crew a's (5) would be crew b's one answer.
  const questions: ResultsQuestion[] = [
    { key: 'recommend-workplace', driver: 'enps', kind: 'enps11' },
    { key: 'look-forward-to-work', driver: 'engagement', kind: 'likert5' }
  ];
  const entry = (crew: string, index: number, answers: { [key: string]: number }): AnswerEntry => ({
    kind: 'answers',
    token: `k1:${crew}${index}`,
    day: '2026-03-02',
    groups: { site: 's1', line: 'l1', crew, employmentType: 'employee', tenureBand: '1-3', groupKey: `s1/l1/${crew}` },
    answers
  });
  const answers = [0, 1, 2, 3, 4].map((i) => entry('a', i, { 'recommend-workplace': 8, 'look-forward-to-work': 4 }));
  [0, 1, 2, 3, 4].forEach((i) => answers.push(entry('b', i, i === 0 ? { 'recommend-workplace': 2, 'look-forward-to-work': 3 } : { 'look-forward-to-work': 3 })));
  const data: RoundData = { round: CLOSED_ROUND, questions, answers, comments: [], crewPatterns: { a: 'p0', b: 'p0' } };
  const release = releaseRound(data, { now: NOW, random: seededRandom(1) });
  const shown = release.groups.filter((g): g is ShownGroup => !('withheld' in g));
  const enpsOf = (group: ShownGroup): QuestionValue | undefined => {
    const figure = group.figures.questions.find((q) => q.key === 'recommend-workplace');
    return figure && !isWithheld(figure) ? (figure as QuestionValue) : undefined;
  };

  it('shows every group by respondents, and eNPS where enough answered', () => {
    expect(shown.map((g) => g.key)).toEqual(expect.arrayContaining(['plant', 'line=l1', 'crew=a', 'crew=b']));
    const line = shown.find((g) => g.key === 'line=l1') as ShownGroup;
    expect(enpsOf(line)).toMatchObject({ n: 6, distribution: [0, 0, 1, 0, 0, 0, 0, 0, 5, 0, 0] });
    expect(enpsOf(shown.find((g) => g.key === 'crew=b') as ShownGroup)).toBeUndefined();
  });

  it('withholds eNPS in crew a, whose difference from the line would be crew b’s one answer', () => {
    const crewA = shown.find((g) => g.key === 'crew=a') as ShownGroup;
    expect(crewA.figures.questions.find((q) => q.key === 'recommend-workplace')).toEqual({ key: 'recommend-workplace', withheld: 'protectsAnother' });
    expect(crewA.figures.measures.find((m) => m.id === 'enps')).toEqual({ id: 'enps', withheld: 'protectsAnother' });
    // What everyone answered stays shown.
    expect(crewA.figures.questions.find((q) => q.key === 'look-forward-to-work')).toMatchObject({ n: 5 });
  });

  it('marks the heatmap cell of a figure withheld on its own with its reason', () => {
    const row = heatmapOf(release).rows.find((r) => r.key === 'crew=a');
    expect(row?.cells.find((cell) => cell.measure === 'enps')).toEqual({ measure: 'enps', withheld: 'protectsAnother' });
    expect(heatmapOf(release).rows.find((r) => r.key === 'crew=b')?.cells.find((cell) => cell.measure === 'enps')).toEqual({ measure: 'enps', withheld: 'fewAnswers' });
  });

  it('leaves no two shown eNPS distributions of nested groups 1 to 4 answers apart', () => {
    const respondents = answers.map((a) => respondentOf(a.groups, data.crewPatterns));
    const holders = (group: ShownGroup): Set<number> => new Set(respondents.map((r, i) => ((parseCellKey(group.key) ?? []).every((f) => valueOf(r, f.dimension) === f.value) ? i : -1)).filter((i) => i >= 0));
    const withEnps = shown.filter((g) => enpsOf(g) !== undefined);
    expect(withEnps.length).toBeGreaterThan(0);
    withEnps.forEach((outer) =>
      withEnps.forEach((inner) => {
        const [o, i] = [holders(outer), holders(inner)];
        if (outer !== inner && Array.from(i).every((x) => o.has(x))) {
          const gap = (enpsOf(outer) as QuestionValue).distribution.reduce((sum, count, at) => sum + count - (enpsOf(inner) as QuestionValue).distribution[at], 0);
          expect(gap === 0 || gap >= 5).toBe(true);
        }
      })
    );
  });
});
