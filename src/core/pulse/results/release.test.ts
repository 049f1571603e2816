import { heatmapOf } from './heatmap';
import { releaseRound, ShownGroup, viewOf } from './release';
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

  it('gives participation per shown group against its audience', () => {
    const plant = release.participation.find((p) => p.key === 'plant');
    expect(plant).toEqual({ key: 'plant', respondents: data.answers.length, audience: data.people.length, rate: data.answers.length / data.people.length });
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

  it('gives an open round’s counts but none of its figures', () => {
    const open = releaseRound({ ...data, round: { ...CLOSED_ROUND, status: 'open', closesAt: '2026-05-01T00:00:00Z' } }, { now: NOW, random: seededRandom(1) });
    expect(open.availability).toBe('participation');
    expect(open.groups.every((g) => 'withheld' in g)).toBe(true);
    expect(open.participation.find((p) => p.key === 'plant')).toMatchObject({ respondents: data.answers.length });
    expect(open.comments.every((list) => 'withheld' in list)).toBe(true);
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
