/**
 * Attacks on pulse results. For seeded rounds of plants with crews of 1–12, every cell the API
 * accepts is asked for as HR and as each crew's, line's and site's leader; everything released
 * to anyone goes to a solver that tries to work out the answers of fewer than the minimum number
 * of respondents, or who wrote a comment. The solver is written here, apart from the release's own
 * checks, with exact rational arithmetic (BigInt), one column per respondent (not per atom):
 * - pairwise differences of released groups, and each parent less its released children;
 * - Gaussian elimination of the released groups × respondents matrix, then a search of the row
 *   space for any nonzero combination touching fewer than the minimum respondents;
 * - for comments, the set of respondents who could have written each shown comment.
 * Respondents skip questions (random per question, one of them almost nobody answers), so the
 * solver also works **per figure**: a question's distribution, a measure. Each figure is a sum
 * over the respondents who answered it, so for each one the same three attacks run on the groups
 * showing it, one column per answerer: a leak is any combination of shown figures of the same
 * question or measure touching 1 to minimum − 1 answerers. A measure made of one question (eNPS,
 * a driver or the engagement index of one question) sums the same per-person numbers as that
 * question's distribution, so the two are attacked together.
 * With the rules switched off, the same solver must find leaks (it works); with the per-figure
 * rules alone switched off, it must find figure leaks; with every rule on, none.
 *
 * Rates: a published round's groups carry their audience (a head count from the rosters, sealed
 * at publication) and the rate. The attacker knows who is on which crew, so for each rate they
 * take rate × audience as a count of respondents, and audience − respondents as the count of
 * those who did not answer, and subtract these between groups inside one another (the rest's
 * audience less its non-respondents is its respondents); every group of respondents so learnt
 * goes to the solver with the released ones. Switched off, the rules let this find leaks; on,
 * nothing, and no group nobody answered carries an audience at all.
 */
import { atomKey, FILTER_PAIRS, parseCellKey, PLANT, RESULT_DIMENSIONS, respondentOf, valueOf } from '../../src/core/pulse/results/cells';
import { childCell } from '../../src/core/pulse/results/rollup';
import type { Filter } from '../../src/core/pulse/results/cells';
import { PlantShape, QUESTIONS, seededRandom, seededRound, answerOf, CLOSED_ROUND, type SeededPerson } from '../../src/core/pulse/results/__fakes__/seededRound';
import { audienceCounts } from '../../src/core/pulse/results/participation';
import { releaseRound, RoundRelease, ShownGroup, viewOf } from '../../src/core/pulse/results/release';
import type { Viewer } from '../../src/core/pulse/results/scope';
import type { Respondent, ResultsQuestion, RoundData } from '../../src/core/pulse/results/types';
import { isWithheld } from '../../src/core/pulse/results/figures';

const NOW = new Date('2026-04-01T00:00:00Z');
const PLANT_SHAPE: PlantShape = { sites: 2, linesPerSite: 2, crewsPerLine: 3, crewSize: [1, 12], patterns: 3, rate: 0.85, skips: true };
const SEEDS = [11, 23, 37, 41];

// ---- exact rationals -----------------------------------------------------------------------
interface Q {
  readonly n: bigint;
  readonly d: bigint;
}
const ZERO: Q = { n: BigInt(0), d: BigInt(1) };
function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0 ? -a : a, b < 0 ? -b : b];
  while (y !== BigInt(0)) {
    [x, y] = [y, x % y];
  }
  return x;
}
function q(n: bigint, d: bigint = BigInt(1)): Q {
  if (n === BigInt(0)) {
    return ZERO;
  }
  const g = gcd(n, d);
  const sign = d < 0 ? BigInt(-1) : BigInt(1);
  return { n: (sign * n) / g, d: (sign * d) / g };
}
const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
const isZero = (a: Q): boolean => a.n === BigInt(0);

/** Rank of a rational matrix (copied). */
function rank(matrix: readonly (readonly Q[])[]): number {
  const rows = matrix.map((row) => row.slice());
  let r = 0;
  const width = rows.length ? rows[0].length : 0;
  for (let c = 0; c < width && r < rows.length; c += 1) {
    const p = rows.findIndex((row, i) => i >= r && !isZero(row[c]));
    if (p < 0) {
      continue;
    }
    [rows[r], rows[p]] = [rows[p], rows[r]];
    for (let i = r + 1; i < rows.length; i += 1) {
      if (!isZero(rows[i][c])) {
        const f = div(rows[i][c], rows[r][c]);
        rows[i] = rows[i].map((v, j) => sub(v, mul(f, rows[r][j])));
      }
    }
    r += 1;
  }
  return r;
}

/** Reduced row echelon form, columns in the given order. */
function rref(matrix: readonly (readonly Q[])[], columns: readonly number[]): { rows: Q[][]; pivots: number[] } {
  const rows = matrix.map((row) => row.slice());
  const pivots: number[] = [];
  let r = 0;
  for (const c of columns) {
    if (r >= rows.length) {
      break;
    }
    const p = rows.findIndex((row, i) => i >= r && !isZero(row[c]));
    if (p < 0) {
      continue;
    }
    [rows[r], rows[p]] = [rows[p], rows[r]];
    const pivot = rows[r][c];
    rows[r] = rows[r].map((v) => div(v, pivot));
    for (let i = 0; i < rows.length; i += 1) {
      if (i !== r && !isZero(rows[i][c])) {
        const f = rows[i][c];
        rows[i] = rows[i].map((v, j) => sub(v, mul(f, rows[r][j])));
      }
    }
    pivots.push(c);
    r += 1;
  }
  return { rows: rows.slice(0, r), pivots };
}

// ---- what an attacker has -------------------------------------------------------------------
interface Observed {
  /** Released groups: which respondents each holds (HR knows who answered and their attributes). */
  readonly groups: { readonly key: string; readonly members: readonly number[] }[];
  /** Shown comment lists: which comments each shows (by index). */
  readonly commentLists: { readonly key: string; readonly comments: readonly number[] }[];
}

function holds(filters: readonly Filter[], respondent: Respondent): boolean {
  return filters.every((filter) => valueOf(respondent, filter.dimension) === filter.value);
}

/** Every figure any viewer got, as groups of respondents (an "other" group: its parent less its shown children). */
function observe(data: RoundData, views: readonly RoundRelease[]): Observed {
  const respondents = data.answers.map((entry) => respondentOf(entry.groups, data.crewPatterns));
  const groups = new Map<string, number[]>();
  views.forEach((view) =>
    view.groups.forEach((group) => {
      if ('withheld' in group || groups.has(group.key)) {
        return;
      }
      const shown = group as ShownGroup;
      let members = respondents.map((respondent, i) => (holds(shown.filters, respondent) ? i : -1)).filter((i) => i >= 0);
      if (shown.other) {
        // The parent less its shown children along the dimension (what "other" means).
        const other = shown.other;
        const shownKeys = new Set(view.groups.filter((g) => !('withheld' in g)).map((g) => g.key));
        members = members.filter((i) => !shownKeys.has(childCell(shown.filters, other.dimension, atomKey(respondents[i])) ?? ''));
      }
      expect(shown.figures.respondents).toBe(members.length);
      groups.set(group.key, members);
    })
  );
  const commentRespondents = data.comments.map((comment) => respondentOf(comment.groups, data.crewPatterns));
  const lists = new Map<string, number[]>();
  views.forEach((view) =>
    view.comments.forEach((list) => {
      if ('comments' in list && !lists.has(list.key)) {
        const filters = parseCellKey(list.key) ?? [];
        lists.set(list.key, commentRespondents.map((r, i) => (holds(filters, r) ? i : -1)).filter((i) => i >= 0));
      }
    })
  );
  return {
    groups: Array.from(groups.entries()).map(([key, members]) => ({ key, members })),
    commentLists: Array.from(lists.entries()).map(([key, comments]) => ({ key, comments }))
  };
}

// ---- figures: whose answers each shown figure sums ----------------------------------------------
interface FigureFamily {
  readonly label: string;
  /** Questions whose distribution is in the family. */
  readonly questions: readonly string[];
  /** Measures in the family. */
  readonly measures: readonly string[];
  /** The questions a respondent answered one of to count in the family's figures. */
  readonly sources: readonly string[];
}

/**
 * The survey's figures, grouped by the per-person numbers they sum: each question's distribution
 * with every measure made of that question alone; a measure of several questions on its own.
 * Written from the survey here, apart from the release's own grouping.
 */
function figureFamilies(questions: readonly ResultsQuestion[]): FigureFamily[] {
  const likert = questions.filter((question) => question.kind === 'likert5').map((question) => question);
  const measures: { id: string; sources: string[] }[] = [];
  if (likert.length > 0) {
    const engagement = likert.filter((question) => question.driver === 'engagement');
    measures.push({ id: 'engagement', sources: (engagement.length > 0 ? engagement : likert).map((question) => question.key) });
  }
  likert.forEach((question) => {
    const driver = measures.find((measure) => measure.id === question.driver);
    if (question.driver === 'engagement' || question.driver === 'enps') {
      return;
    }
    if (driver) {
      driver.sources.push(question.key);
    } else {
      measures.push({ id: question.driver, sources: [question.key] });
    }
  });
  const enps = questions.filter((question) => question.kind === 'enps11').map((question) => question.key);
  if (enps.length > 0) {
    measures.push({ id: 'enps', sources: enps });
  }
  const families: FigureFamily[] = questions
    .filter((question) => question.kind === 'likert5' || question.kind === 'enps11')
    .map((question) => ({
      label: question.key,
      questions: [question.key],
      measures: measures.filter((measure) => measure.sources.length === 1 && measure.sources[0] === question.key).map((measure) => measure.id),
      sources: [question.key]
    }));
  measures.filter((measure) => measure.sources.length > 1).forEach((measure) => families.push({ label: measure.id, questions: [], measures: [measure.id], sources: measure.sources }));
  return families;
}

/**
 * For one family: every released group showing one of its figures, as the answerers it sums
 * (numbered 0… among the round's answerers of the family), and each answerer's atom.
 */
function observeFigure(data: RoundData, views: readonly RoundRelease[], family: FigureFamily): { readonly observed: Observed; readonly atomOf: string[] } {
  const answered = data.answers.map((entry) => family.sources.some((key) => typeof entry.answers[key] === 'number'));
  const number: number[] = [];
  const atomOf: string[] = [];
  data.answers.forEach((entry, i) => {
    if (answered[i]) {
      number[i] = atomOf.length;
      const r = respondentOf(entry.groups, data.crewPatterns);
      atomOf.push(RESULT_DIMENSIONS.map((d) => valueOf(r, d)).join('|'));
    }
  });
  const shownGroups = new Map<string, ShownGroup>();
  views.forEach((view) => view.groups.forEach((group) => !('withheld' in group) && shownGroups.set(group.key, group as ShownGroup)));
  const groups = observe(data, views)
    .groups.filter((group) => {
      const figures = (shownGroups.get(group.key) as ShownGroup).figures;
      const shown = figures.questions
        .filter((figure) => family.questions.indexOf(figure.key) >= 0 && !isWithheld(figure))
        .map((figure) => ('n' in figure ? figure.n : 0))
        .concat(figures.measures.filter((figure) => family.measures.indexOf(figure.id) >= 0 && !isWithheld(figure)).map((figure) => ('n' in figure ? figure.n : 0)));
      const members = group.members.filter((i) => answered[i]);
      // Each shown figure counts exactly the group's answerers.
      shown.forEach((n) => expect(n).toBe(members.length));
      return shown.length > 0;
    })
    .map((group) => ({ key: group.key, members: group.members.filter((i) => answered[i]).map((i) => number[i]) }));
  return { observed: { groups, commentLists: [] }, atomOf };
}

// ---- the solver -----------------------------------------------------------------------------
interface Found {
  readonly how: string;
  readonly respondents: number;
}

/** Pairwise differences: A − B for every two released groups (B inside A, or overlapping). */
function pairwise(observed: Observed, minimum: number): Found | undefined {
  for (const a of observed.groups) {
    for (const b of observed.groups) {
      const onlyA = a.members.filter((i) => b.members.indexOf(i) < 0).length;
      const onlyB = b.members.filter((i) => a.members.indexOf(i) < 0).length;
      const touched = onlyA + onlyB;
      if (a.key !== b.key && touched > 0 && touched < minimum) {
        return { how: `${a.key} − ${b.key}`, respondents: touched };
      }
    }
  }
  return undefined;
}

/** A group less every released group inside it that does not overlap another: the rest. */
function treeDifferences(observed: Observed, minimum: number): Found | undefined {
  for (const parent of observed.groups) {
    const inside = observed.groups.filter((g) => g.key !== parent.key && g.members.length < parent.members.length && g.members.every((i) => parent.members.indexOf(i) >= 0));
    // Children along each dimension: disjoint groups; greedily the largest disjoint family.
    for (const dimension of RESULT_DIMENSIONS) {
      const children = inside.filter((g) => (parseCellKey(g.key) ?? []).some((f) => f.dimension === dimension));
      const used = new Set<number>();
      const family = children.filter((g) => {
        if (g.members.some((i) => used.has(i))) {
          return false;
        }
        g.members.forEach((i) => used.add(i));
        return true;
      });
      const rest = parent.members.length - used.size;
      if (family.length > 0 && rest > 0 && rest < minimum) {
        return { how: `${parent.key} − ${family.map((g) => g.key).join(' − ')}`, respondents: rest };
      }
    }
  }
  return undefined;
}

/**
 * Any nonzero combination of released groups touching fewer than `minimum` respondents: exact
 * elimination (respondents of large atoms first), then every set of rows with pivots on small
 * atoms (fewer than `minimum` of them) and every way of letting up to the remaining number of
 * their other columns stay nonzero.
 */
function linearAlgebra(observed: Observed, respondents: number, atomOf: readonly string[], minimum: number): Found | undefined {
  const size = new Map<string, number>();
  atomOf.forEach((atom) => size.set(atom, (size.get(atom) ?? 0) + 1));
  const matrix = observed.groups.map((g) => {
    const row: Q[] = new Array(respondents).fill(ZERO);
    g.members.forEach((i) => {
      row[i] = q(BigInt(1));
    });
    return row;
  });
  const columns = atomOf.map((_, i) => i).sort((a, b) => (size.get(atomOf[b]) ?? 0) - (size.get(atomOf[a]) ?? 0) || a - b);
  const small = new Set(columns.filter((c) => (size.get(atomOf[c]) ?? 0) < minimum));
  const { rows, pivots } = rref(matrix, columns);
  const candidates = rows.map((_, r) => r).filter((r) => small.has(pivots[r]));
  const choose = (from: number, chosen: number[]): Found | undefined => {
    if (chosen.length > 0) {
      const others: number[] = [];
      for (let c = 0; c < respondents; c += 1) {
        if (pivots.indexOf(c) < 0 && chosen.some((r) => !isZero(rows[r][c]))) {
          others.push(c);
        }
      }
      if (others.every((c) => small.has(c))) {
        const budget = minimum - 1 - chosen.length;
        const drop = (start: number, dropped: number[]): Found | undefined => {
          const kept = others.filter((c) => dropped.indexOf(c) < 0);
          if (rank(chosen.map((r) => kept.map((c) => rows[r][c]))) < chosen.length || kept.length === 0) {
            return { how: `combination of ${chosen.length} echelon rows`, respondents: chosen.length + dropped.length };
          }
          for (let at = start; at < others.length && dropped.length < budget; at += 1) {
            const hit = drop(at + 1, dropped.concat([others[at]]));
            if (hit) {
              return hit;
            }
          }
          return undefined;
        };
        const hit = budget >= 0 ? drop(0, []) : undefined;
        if (hit) {
          return hit;
        }
      }
    }
    if (chosen.length >= minimum - 1) {
      return undefined;
    }
    for (let at = from; at < candidates.length; at += 1) {
      const hit = choose(at + 1, chosen.concat([candidates[at]]));
      if (hit) {
        return hit;
      }
    }
    return undefined;
  };
  return choose(0, []);
}

/** A comment whose possible authors (in every list showing it, in no shown list not showing it) are fewer than the comment minimum. */
function commentAuthors(data: RoundData, observed: Observed, minimum: number): Found | undefined {
  const respondents = data.answers.map((entry) => respondentOf(entry.groups, data.crewPatterns));
  for (let c = 0; c < data.comments.length; c += 1) {
    const showing = observed.commentLists.filter((list) => list.comments.indexOf(c) >= 0);
    if (showing.length === 0) {
      continue;
    }
    const notShowing = observed.commentLists.filter((list) => list.comments.indexOf(c) < 0);
    const possible = respondents.filter((r) => {
      const inList = (key: string): boolean => holds(parseCellKey(key) ?? [], r);
      return showing.every((list) => inList(list.key)) && !notShowing.some((list) => inList(list.key));
    });
    if (possible.length < minimum) {
      return { how: `comment ${c}`, respondents: possible.length };
    }
  }
  return undefined;
}

/** The three attacks on one observation (groups of respondents, or of one figure's answerers). */
function attack(observed: Observed, atomOf: readonly string[], minimum: number): Found | undefined {
  return pairwise(observed, minimum) ?? treeDifferences(observed, minimum) ?? linearAlgebra(observed, atomOf.length, atomOf, minimum);
}

/** A figure's leak: for each family of figures, the attacks on the groups showing it, by its answerers. */
function solveFigures(data: RoundData, views: readonly RoundRelease[], minimum: number): Found | undefined {
  for (const family of figureFamilies(data.questions)) {
    const { observed, atomOf } = observeFigure(data, views, family);
    const found = attack(observed, atomOf, minimum);
    if (found) {
      return { how: `${family.label}: ${found.how}`, respondents: found.respondents };
    }
  }
  return undefined;
}

function solve(data: RoundData, views: readonly RoundRelease[], minimum: number, commentMinimum: number): Found | undefined {
  return solveRespondents(data, views, minimum, commentMinimum) ?? solveFigures(data, views, minimum);
}

/** A leak of respondents' sums (the groups as sets of respondents), or of a comment's author. */
function solveRespondents(data: RoundData, views: readonly RoundRelease[], minimum: number, commentMinimum: number): Found | undefined {
  const observed = observe(data, views);
  const atomOf = data.answers.map((entry) => {
    const r = respondentOf(entry.groups, data.crewPatterns);
    return RESULT_DIMENSIONS.map((d) => valueOf(r, d)).join('|');
  });
  return attack(observed, atomOf, minimum) ?? commentAuthors(data, observed, commentMinimum);
}

// ---- rates: audiences beside respondents ------------------------------------------------------
type Seeded = RoundData & { readonly people: readonly SeededPerson[] };

/** A rate as a viewer reads it. */
interface RateSeen {
  readonly key: string;
  readonly respondents: number;
  readonly audience: number;
  readonly rate: number;
}

function ratesSeen(views: readonly RoundRelease[]): RateSeen[] {
  const seen = new Map<string, RateSeen>();
  views.forEach((view) =>
    view.participation.forEach((entry) => {
      if ('respondents' in entry && entry.audience !== undefined && entry.rate !== undefined && !seen.has(entry.key)) {
        seen.set(entry.key, { key: entry.key, respondents: entry.respondents, audience: entry.audience, rate: entry.rate });
      }
    })
  );
  return Array.from(seen.values());
}

/** Who in the audience (indexes of `people`) a group holds: the attacker reads the rosters. */
function askedIn(data: Seeded, key: string): number[] {
  const filters = parseCellKey(key) ?? [];
  return data.people.map((person, i) => (holds(filters, respondentOf(person.groups, data.crewPatterns)) ? i : -1)).filter((i) => i >= 0);
}

/**
 * The attack on rates (the file's header): every group of respondents the rates give, and the
 * rests between groups inside one another by their non-respondents, with the released groups,
 * to the solver.
 */
function solveRates(data: Seeded, views: readonly RoundRelease[], minimum: number): Found | undefined {
  const respondents = data.answers.map((entry) => respondentOf(entry.groups, data.crewPatterns));
  const atomOf = respondents.map((r) => RESULT_DIMENSIONS.map((d) => valueOf(r, d)).join('|'));
  const rated = ratesSeen(views).map((entry) => {
    const filters = parseCellKey(entry.key) ?? [];
    return { ...entry, asked: askedIn(data, entry.key), members: respondents.map((r, i) => (holds(filters, r) ? i : -1)).filter((i) => i >= 0) };
  });
  for (const x of rated) {
    // The audience is the rosters' head count, and the rate the respondents over it: nothing else.
    expect(x.audience).toBe(x.asked.length);
    expect(Math.round(x.rate * x.audience)).toBe(x.members.length);
    for (const y of rated) {
      if (x.key === y.key || !y.asked.every((i) => x.asked.indexOf(i) >= 0)) {
        continue;
      }
      // Audience less non-respondents of the rest of x outside y: the rest's respondents.
      const restAsked = x.audience - y.audience;
      const restNotAnswered = x.audience - Math.round(x.rate * x.audience) - (y.audience - Math.round(y.rate * y.audience));
      const restAnswered = restAsked - restNotAnswered;
      if (restAnswered > 0 && restAnswered < minimum) {
        return { how: `non-respondents of ${x.key} − ${y.key}`, respondents: restAnswered };
      }
    }
  }
  const released = observe(data, views).groups;
  const fromRates = rated.filter((entry) => !released.some((group) => group.key === entry.key)).map((entry) => ({ key: entry.key, members: entry.members }));
  return attack({ groups: released.concat(fromRates), commentLists: [] }, atomOf, minimum);
}

/**
 * Every view of a published round with rates, as the relay makes them: the closing run's release
 * decides what is published and the audience of those groups is counted from the rosters (here
 * the seeded people, everyone asked); the results carry rates against it.
 */
function everyRatedView(data: Seeded, unsafe: 'none' | 'all' = 'none'): RoundRelease[] {
  const options = { now: NOW, random: seededRandom(5), unsafeWithoutRules: unsafe === 'all' };
  const publication = releaseRound(data, options);
  const audience = audienceCounts(
    data.people.map((person) => person.groups),
    data.crewPatterns ?? {},
    Object.keys(publication.published)
  );
  const release = releaseRound(data, { ...options, published: publication.published, audience });
  return viewers(data).map((viewer) => viewOf(release, viewer));
}

// ---- viewers: HR and every leader --------------------------------------------------------------
function viewers(data: RoundData): Viewer[] {
  const out: Viewer[] = [{ role: 'hr' }, { role: 'employee' }];
  const seen = new Set<string>();
  data.answers.forEach((entry) => {
    (['site', 'line', 'crew'] as const).forEach((dimension) => {
      const value = entry.groups[dimension];
      if (!seen.has(`${dimension}=${value}`)) {
        seen.add(`${dimension}=${value}`);
        out.push({ role: 'leader', leads: [{ dimension, value }] });
      }
    });
  });
  return out;
}

function everyView(data: RoundData, unsafe: 'none' | 'all' | 'figures' = 'none'): RoundRelease[] {
  const release = releaseRound(data, { now: NOW, random: seededRandom(5), unsafeWithoutRules: unsafe === 'all', unsafeWithoutFigureRules: unsafe === 'figures' });
  return viewers(data).map((viewer) => viewOf(release, viewer));
}

describe('the attack solver', () => {
  it('finds leaks when the release rules are switched off (it works)', () => {
    SEEDS.forEach((seed) => {
      const data = seededRound(PLANT_SHAPE, seed);
      expect(solve(data, everyView(data, 'all'), 5, 10)).toBeDefined();
    });
  });

  it('finds a figure’s leak from skipped questions when only the per-figure rules are off, though the groups themselves pass', () => {
    SEEDS.forEach((seed) => {
      const data = seededRound(PLANT_SHAPE, seed);
      const views = everyView(data, 'figures');
      expect(solveRespondents(data, views, 5, 10)).toBeUndefined();
      expect(solveFigures(data, views, 5)).toBeDefined();
    });
  });

  it('groups each measure of one question with that question, and a measure of several on its own', () => {
    const families = figureFamilies(QUESTIONS);
    expect(families.find((f) => f.label === 'recommend-workplace')).toMatchObject({ measures: ['enps'] });
    expect(families.find((f) => f.label === 'look-forward-to-work')).toMatchObject({ measures: ['engagement'] });
    expect(families.find((f) => f.label === 'leadership')).toMatchObject({ questions: [], sources: ['safe-to-speak-up', 'leader-listens'] });
    expect(families.find((f) => f.label === 'safe-to-speak-up')).toMatchObject({ measures: [] });
  });

  it('finds a skipped answer subtracted out of a figure on a hand-made release', () => {
    // eNPS of line l1 (answerers 0–5) and of crew a (answerers 0–4): the difference is answerer 5.
    const observed = { groups: [{ key: 'line=l1', members: [0, 1, 2, 3, 4, 5] }, { key: 'crew=a', members: [0, 1, 2, 3, 4] }], commentLists: [] };
    expect(attack(observed, ['a', 'a', 'a', 'a', 'a', 'b'], 5)).toMatchObject({ respondents: 1 });
  });

  it('finds each classic attack on a hand-made release', () => {
    const group = (key: string, members: number[]): { key: string; members: number[] } => ({ key, members });
    // Subtracting one group from another: a line of 8 and its crew of 6.
    expect(pairwise({ groups: [group('line=a', [0, 1, 2, 3, 4, 5, 6, 7]), group('crew=x', [0, 1, 2, 3, 4, 5])], commentLists: [] }, 5)).toMatchObject({ respondents: 2 });
    // Slicing by two filters: site, agency, plant and site × employee: site − site×employee = site × agency (2).
    const observed = { groups: [group('plant', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), group('site=a', [0, 1, 2, 3, 4, 5, 6]), group('site=a&employmentType=employee', [2, 3, 4, 5, 6])], commentLists: [] };
    expect(linearAlgebra(observed, 12, ['a', 'a', 'b', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c', 'c'], 5)).toBeDefined();
    // A parent less its released children along one dimension.
    expect(treeDifferences({ groups: [group('line=a', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]), group('crew=x', [0, 1, 2, 3, 4, 5]), group('crew=y', [6, 7, 8, 9, 10])], commentLists: [] }, 5)).toMatchObject({ respondents: 3 });
  });
});

describe('pulse results under attack', () => {
  SEEDS.forEach((seed) => {
    it(`releases nothing that singles out fewer than the minimum (seed ${seed}), as HR and as every leader`, () => {
      const data = seededRound(PLANT_SHAPE, seed);
      const views = everyView(data);
      // Something is released (the check is not passed by releasing nothing).
      expect(views[0].groups.filter((g) => !('withheld' in g)).length).toBeGreaterThan(3);
      expect(solve(data, views, 5, 10)).toBeUndefined();
    });
  });

  it('covers exactly the filter combinations the API accepts: every single filter and every pair', () => {
    const data = seededRound(PLANT_SHAPE, SEEDS[0]);
    const release = releaseRound(data, { now: NOW, random: seededRandom(5) });
    const kinds = new Set(release.groups.filter((g) => !('other' in g && g.other)).map((g) => g.filters.map((f) => f.dimension).join('&') || PLANT));
    RESULT_DIMENSIONS.forEach((d) => expect(kinds.has(d)).toBe(true));
    FILTER_PAIRS.forEach(([a, b]) => expect(kinds.has(`${a}&${b}`)).toBe(true));
    expect(kinds.size).toBe(1 + RESULT_DIMENSIONS.length + FILTER_PAIRS.length);
  });

  it('released then one more answer: an open round shows no figures; a published round that gains an answer is not shown again', () => {
    const data = seededRound(PLANT_SHAPE, SEEDS[1]);
    const open = releaseRound({ ...data, round: { ...CLOSED_ROUND, status: 'open', closesAt: '2026-05-01T00:00:00Z' } }, { now: NOW, random: seededRandom(1) });
    expect(open.groups.every((g) => 'withheld' in g)).toBe(true);
    const first = releaseRound(data, { now: NOW, random: seededRandom(1) });
    const late = { ...data, answers: data.answers.concat([answerOf(data.people[0], seededRandom(9), 'k1:late')]) };
    const second = releaseRound(late, { now: NOW, random: seededRandom(1), published: first.published });
    expect(Object.keys(first.published).length).toBeGreaterThan(3);
    const republished = second.groups.filter((g) => first.published[g.key] !== undefined);
    expect(republished.length).toBe(Object.keys(first.published).length);
    // Withheld: as changed, or (where the late answer changed the checks' outcome) for that reason.
    expect(republished.filter((g) => 'withheld' in g && g.withheld === 'changedSincePublished').length).toBeGreaterThan(0);
    expect(second.groups.every((g) => 'withheld' in g)).toBe(true);
    // Side by side, the two releases would have isolated the late answer: the solver sees it.
    const unguarded = releaseRound(late, { now: NOW, random: seededRandom(1) });
    const both = {
      groups: observe(data, [first]).groups.concat(observe(late, [unguarded]).groups.map((g) => ({ ...g, key: `late:${g.key}` }))),
      commentLists: []
    };
    // Respondent indexes of `late` extend those of `data` by one (the late answer is the last).
    expect(pairwise(both, 5)).toBeDefined();
  });

  it('two rounds differing by one person are separate ballots: each is released on its own rules', () => {
    const first = seededRound(PLANT_SHAPE, SEEDS[2]);
    const second: RoundData = { ...first, round: { ...CLOSED_ROUND, id: 8 }, answers: first.answers.concat([answerOf(first.people[1], seededRandom(3), 'k1:extra')]) };
    expect(solve(second, everyView(second), 5, 10)).toBeUndefined();
  });
});

describe('rates under attack', () => {
  it('finds leaks through the rates when the release rules are switched off (the rate attack works)', () => {
    SEEDS.forEach((seed) => {
      const data = seededRound(PLANT_SHAPE, seed);
      // The rates alone: no group's figures given to the solver.
      const views = everyRatedView(data, 'all').map((view) => ({ ...view, groups: [] }));
      expect(ratesSeen(views).length).toBeGreaterThan(3);
      expect(solveRates(data, views, 5)).toBeDefined();
    });
  });

  it('finds a rate given to a group too small to show, on a hand-made release', () => {
    const data = seededRound(PLANT_SHAPE, SEEDS[0]);
    const views = everyRatedView(data);
    const release = views[0];
    const crews = new Map<string, number>();
    data.answers.forEach((entry) => crews.set(entry.groups.crew, (crews.get(entry.groups.crew) ?? 0) + 1));
    const small = Array.from(crews.entries()).find(([, count]) => count > 0 && count < 5);
    expect(small).toBeDefined();
    const [crew, count] = small as [string, number];
    const key = `crew=${encodeURIComponent(crew)}`;
    const asked = askedIn(data, key).length;
    expect(solveRates(data, [release], 5)).toBeUndefined();
    const forged: RoundRelease = { ...release, participation: release.participation.concat([{ key, respondents: count, audience: asked, rate: count / asked }]) };
    expect(solveRates(data, [forged], 5)).toBeDefined();
  });

  SEEDS.forEach((seed) => {
    it(`finds nothing in rates, audiences and their differences (seed ${seed}), as HR, every leader and an employee`, () => {
      const data = seededRound(PLANT_SHAPE, seed);
      const views = everyRatedView(data);
      const rates = ratesSeen(views);
      // Rates are there to attack (the plant's among them), only beside released counts.
      expect(rates.length).toBeGreaterThan(3);
      expect(rates.some((rate) => rate.key === PLANT)).toBe(true);
      views.forEach((view) =>
        view.participation.forEach((entry) => {
          if ('audience' in entry || 'rate' in entry) {
            expect('respondents' in entry && entry.respondents).toBeGreaterThanOrEqual(5);
            expect(view.groups.some((group) => group.key === entry.key && !('withheld' in group))).toBe(true);
          }
        })
      );
      expect(solveRates(data, views, 5)).toBeUndefined();
    });
  });

  it('gives no audience to a group nobody in it answered, nor to any group too small to show', () => {
    SEEDS.forEach((seed) => {
      const data = seededRound(PLANT_SHAPE, seed);
      const views = everyRatedView(data);
      const answered = new Set(data.answers.map((entry) => atomKey(respondentOf(entry.groups, data.crewPatterns))));
      const silent = data.people.map((person) => respondentOf(person.groups, data.crewPatterns)).filter((r) => !answered.has(atomKey(r)));
      expect(silent.length).toBeGreaterThan(0);
      views.forEach((view) =>
        view.participation.forEach((entry) => {
          if ('audience' in entry) {
            const filters = parseCellKey(entry.key) ?? [];
            const answeredHere = data.answers.filter((a) => holds(filters, respondentOf(a.groups, data.crewPatterns))).length;
            expect(answeredHere).toBeGreaterThanOrEqual(5);
          }
        })
      );
      // A crew whose people were asked and none answered: no trace of it in any view.
      const silentCrews = Array.from(new Set(data.people.map((p) => p.groups.crew))).filter((crew) => !data.answers.some((a) => a.groups.crew === crew));
      silentCrews.forEach((crew) => views.forEach((view) => expect(view.participation.some((entry) => entry.key === `crew=${encodeURIComponent(crew)}`)).toBe(false)));
    });
  });
});
