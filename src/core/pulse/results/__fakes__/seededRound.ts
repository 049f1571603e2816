/**
 * Seeded rounds for the results' tests and bench: a plant of sites, lines and crews of a chosen
 * size range, crews on shift patterns, employees, agency consultants and contractors in four
 * tenure bands, answers with a climate per crew (every question, or with skips), comments from
 * about one in five. Deterministic for a seed.
 */
import type { AnswerEntry, CommentEntry, EntryGroups } from '../../ballot';
import type { TenureBand } from '../../audience';
import type { EmploymentType } from '../../../people/types';
import type { CrewPatterns, ResultsQuestion, ResultsRound, RoundData } from '../types';

/** Mulberry32: a small seeded source of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const QUESTIONS: readonly ResultsQuestion[] = [
  { key: 'part-of-team', driver: 'belonging', kind: 'likert5' },
  { key: 'safe-to-speak-up', driver: 'leadership', kind: 'likert5' },
  { key: 'leader-listens', driver: 'leadership', kind: 'likert5' },
  { key: 'say-in-shifts', driver: 'schedule-influence', kind: 'likert5' },
  { key: 'recognised-recently', driver: 'recognition', kind: 'likert5' },
  { key: 'recommend-workplace', driver: 'enps', kind: 'enps11' },
  { key: 'look-forward-to-work', driver: 'engagement', kind: 'likert5' },
  { key: 'one-thing-better', driver: 'engagement', kind: 'text' }
];

export interface PlantShape {
  readonly sites: number;
  readonly linesPerSite: number;
  readonly crewsPerLine: number;
  readonly crewSize: readonly [number, number];
  readonly patterns: number;
  /** Share of the audience that answered. */
  readonly rate: number;
  /**
   * Whether respondents skip questions: each scored question gets an answer rate of its own
   * ({@link ANSWER_RATES} in a seeded order, one of them a question almost nobody answers), and
   * each respondent answers it or not at that rate. Without it, every respondent answers every
   * question.
   */
  readonly skips?: boolean;
}

export const SMALL_PLANT: PlantShape = { sites: 2, linesPerSite: 2, crewsPerLine: 4, crewSize: [1, 12], patterns: 3, rate: 0.8 };

export interface SeededPerson {
  readonly groups: EntryGroups;
  readonly climate: number;
}

const TENURE: readonly TenureBand[] = ['under-1', '1-3', '3-10', '10-plus'];

function employment(random: () => number): EmploymentType {
  const x = random();
  return x < 0.78 ? 'employee' : x < 0.94 ? 'agency' : 'contractor';
}

/** The people of a plant of this shape. */
export function seededPeople(shape: PlantShape, random: () => number): { readonly people: SeededPerson[]; readonly crewPatterns: CrewPatterns } {
  const people: SeededPerson[] = [];
  const crewPatterns: { [crew: string]: string } = {};
  for (let s = 0; s < shape.sites; s += 1) {
    const site = `s${s}`;
    for (let l = 0; l < shape.linesPerSite; l += 1) {
      const line = `${site}-l${l}`;
      for (let c = 0; c < shape.crewsPerLine; c += 1) {
        const crew = `${line}-c${c}`;
        crewPatterns[crew] = `p${Math.floor(random() * shape.patterns)}`;
        const size = shape.crewSize[0] + Math.floor(random() * (shape.crewSize[1] - shape.crewSize[0] + 1));
        const climate = 2.8 + random() * 1.8;
        for (let p = 0; p < size; p += 1) {
          people.push({
            climate,
            groups: {
              site,
              line,
              crew,
              employmentType: employment(random),
              tenureBand: TENURE[Math.floor(random() * TENURE.length)],
              groupKey: `${site}/${line}/${crew}`
            }
          });
        }
      }
    }
  }
  return { people, crewPatterns };
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** Answer rates of the scored questions when respondents skip: from nearly all to nearly none. */
export const ANSWER_RATES: readonly number[] = [1, 0.95, 0.85, 0.7, 0.5, 0.25, 0.05];

/** Share answering each question (by key), the rates of {@link ANSWER_RATES} in a seeded order. */
export function answerRatesOf(random: () => number): { readonly [key: string]: number } {
  const rates = ANSWER_RATES.slice();
  for (let i = rates.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [rates[i], rates[j]] = [rates[j], rates[i]];
  }
  const out: { [key: string]: number } = {};
  QUESTIONS.filter((question) => question.kind !== 'text').forEach((question, at) => {
    out[question.key] = rates[at % rates.length];
  });
  return out;
}

/** One person's answer entry; with `rates`, a question is skipped unless a draw falls below its rate. */
export function answerOf(person: SeededPerson, random: () => number, token: string, rates?: { readonly [key: string]: number }): AnswerEntry {
  const answers: { [key: string]: number } = {};
  QUESTIONS.forEach((question) => {
    if (rates && question.kind !== 'text' && random() >= (rates[question.key] ?? 1)) {
      return;
    }
    const noise = (random() + random() - 1) * 2;
    if (question.kind === 'likert5') {
      answers[question.key] = clamp(Math.round(person.climate + noise), 1, 5);
    } else if (question.kind === 'enps11') {
      answers[question.key] = clamp(Math.round(((person.climate - 1) / 4) * 10 + noise * 1.5), 0, 10);
    }
  });
  return { kind: 'answers', token, day: '2026-03-02', groups: person.groups, answers };
}

export const CLOSED_ROUND: ResultsRound = {
  id: 7,
  status: 'closed',
  closesAt: '2026-03-14T22:00:00Z',
  thresholdsLocked: true,
  closingRunDone: true,
  minGroupSize: 5,
  minCommentGroupSize: 10
};

/** A closed round of a plant of this shape, seeded. */
export function seededRound(shape: PlantShape, seed: number, round: ResultsRound = CLOSED_ROUND): RoundData & { readonly people: readonly SeededPerson[] } {
  const random = seededRandom(seed);
  const { people, crewPatterns } = seededPeople(shape, random);
  const rates = shape.skips ? answerRatesOf(random) : undefined;
  const answers: AnswerEntry[] = [];
  const comments: CommentEntry[] = [];
  people.forEach((person, index) => {
    if (random() >= shape.rate) {
      return;
    }
    answers.push(answerOf(person, random, `k1:${index.toString(16)}`, rates));
    if (random() < 0.2) {
      comments.push({ kind: 'comment', token: `k1:c${index.toString(16)}`, groups: person.groups, questionKey: 'one-thing-better', text: `comment ${index}`, author: `k1:a${index.toString(16)}` });
    }
  });
  return { round, questions: QUESTIONS, answers, comments, crewPatterns, people };
}
