/**
 * A typed fake of the relay's pulse results (`PulseResultsSource`) for the part's tests: releases
 * as the relay sends them (`WireRelease`), written out by hand so each withheld reason and each
 * viewer is where a test expects it. Nothing here is computed the way the relay computes.
 */
import type { MeasureId } from '../../../core/pulse/results/aggregate';
import type { Filter } from '../../../core/pulse/results/cells';
import type { MeasureFigure, QuestionFigure } from '../../../core/pulse/results/figures';
import type { GroupResult } from '../../../core/pulse/results/release';
import type { ResultsQuestion, WithheldReason } from '../../../core/pulse/results/types';
import {
  type PulseResultsBody,
  PulseResultsError,
  type PulseResultsErrorCode,
  type PulseResultsSource,
  type ResultsViewerBody,
  type RoundResults,
  type RoundResultsShown,
  type WireRelease
} from '../../../core/pulse/results/wire';

/** The questions as the relay sends them: words in the product's languages (a missing translation is the English title). */
export const QUESTIONS: readonly ResultsQuestion[] = [
  {
    key: 'crew-spirit',
    driver: 'belonging',
    kind: 'likert5',
    texts: { 'en-us': 'I feel part of my crew', 'nl-nl': 'Ik hoor echt bij mijn ploeg', 'sv-se': 'Jag känner mig som en del av mitt lag' }
  },
  { key: 'leader-listens', driver: 'leadership', kind: 'likert5', texts: { 'en-us': 'My team leader listens to me', 'nl-nl': 'Mijn teamleider luistert naar mij', 'sv-se': 'My team leader listens to me' } },
  { key: 'proud', driver: 'engagement', kind: 'likert5', texts: { 'en-us': 'I am proud of the work we do', 'nl-nl': 'I am proud of the work we do', 'sv-se': 'I am proud of the work we do' } },
  { key: 'recommend', driver: 'enps', kind: 'enps11' },
  {
    key: 'one-thing',
    driver: 'engagement',
    kind: 'text',
    texts: { 'en-us': 'One thing that would make work better', 'nl-nl': 'Eén ding dat het werk beter zou maken', 'sv-se': 'One thing that would make work better' }
  }
];

export const MEASURES: readonly MeasureId[] = ['engagement', 'enps', 'belonging', 'leadership'];

type Measure = number | WithheldReason;

function measure(id: MeasureId, value: Measure, mean: number, n: number): MeasureFigure {
  return typeof value === 'string' ? { id, withheld: value } : { id, value, mean, sd: 0.8, n };
}

function question(key: string, distribution: readonly number[] | WithheldReason): QuestionFigure {
  if (typeof distribution === 'string') {
    return { key, withheld: distribution };
  }
  const n = distribution.reduce((sum, count) => sum + count, 0);
  return { key, n, mean: 3, distribution };
}

/** A shown group: scores for engagement, eNPS, belonging and leadership (a reason where withheld). */
export function shown(key: string, filters: readonly Filter[], respondents: number, scores: readonly [Measure, Measure, Measure, Measure]): GroupResult {
  const means: { [id: string]: (value: number) => number } = { enps: (value) => value / 100 };
  const leadership = scores[3];
  return {
    key,
    filters,
    figures: {
      respondents,
      measures: MEASURES.map((id, index) => {
        const value = scores[index];
        const mean = typeof value === 'number' ? (means[id] ?? ((v: number) => 1 + (v / 100) * 4))(value) : 0;
        return measure(id, value, mean, respondents);
      }),
      questions: [
        question('crew-spirit', [1, 2, 5, 20, respondents - 28]),
        question('leader-listens', typeof leadership === 'string' ? leadership : [2, 3, 10, 15, respondents - 30]),
        question('proud', [0, 4, 6, 18, respondents - 28]),
        question('recommend', [0, 1, 1, 2, 2, 3, 4, 6, 8, 7, respondents - 34])
      ]
    }
  };
}

export function withheld(key: string, filters: readonly Filter[], reason: WithheldReason): GroupResult {
  return { key, filters, withheld: reason };
}

const SITE: Filter = { dimension: 'site', value: 'got' };
const WELD2: Filter = { dimension: 'line', value: 'got-weld2' };
const B2: Filter = { dimension: 'crew', value: 'b2' };
const B3: Filter = { dimension: 'crew', value: 'b3' };
const AGENCY: Filter = { dimension: 'employmentType', value: 'agency' };
const NIGHTS: Filter = { dimension: 'shiftPattern', value: 'nights' };
const TENURE: Filter = { dimension: 'tenureBand', value: '3-10' };

function release(roundId: number, groups: readonly GroupResult[], extra: Partial<WireRelease> = {}): WireRelease {
  return {
    roundId,
    availability: 'results',
    thresholds: { minGroupSize: 5, minCommentGroupSize: 10 },
    engagementBasis: 'engagement',
    measureIds: MEASURES,
    groups,
    participation: [],
    comments: [],
    org: { siteOfLine: { 'got-weld1': 'got', 'got-weld2': 'got' }, lineOfCrew: { b2: 'got-weld2', b3: 'got-weld2', b4: 'got-weld2' } },
    ...extra
  };
}

function info(roundId: number, title: string, opensAt: string, closesAt: string): Omit<RoundResultsShown, 'release'> {
  return { roundId, surveyId: 3, title, opensAt, closesAt, questions: QUESTIONS };
}

/** HR's view of round 12 (closed, published): every kind of group and each reason but roundOpen. */
export function hrRound12(): RoundResultsShown {
  return {
    ...info(12, 'Pulse November', '2026-11-02T05:00:00Z', '2026-11-16T05:00:00Z'),
    release: release(
      12,
      [
        shown('plant', [], 40, [70, 20, 75, 'protectsAnother']),
        shown('site=got', [SITE], 40, [70, 20, 75, 'protectsAnother']),
        withheld('line=got-weld2', [WELD2], 'protectsAnother'),
        shown('crew=b2', [B2], 12, [65, -10, 80, 55]),
        withheld('crew=b3', [B3], 'protectsAnother'),
        shown('shiftPattern=nights', [NIGHTS], 14, [58, 5, 61, 50]),
        shown('employmentType=agency', [AGENCY], 9, [72, 'fewAnswers', 70, 66]),
        shown('tenureBand=3-10', [TENURE], 11, [81, 40, 83, 79]),
        shown('site=got&employmentType=agency', [SITE, AGENCY], 9, [72, 'fewAnswers', 70, 66]),
        { ...shown('other:line:site=got', [SITE], 28, [73, 30, 72, 'protectsAnother']), other: { parent: 'site=got', dimension: 'line' } }
      ],
      {
        participation: [
          { key: 'plant', respondents: 40, audience: 50, rate: 0.8 },
          { key: 'site=got', respondents: 40, audience: 50, rate: 0.8 },
          { key: 'crew=b2', respondents: 12, audience: 17, rate: 12 / 17 },
          { key: 'shiftPattern=nights', respondents: 14 },
          { key: 'line=got-weld2', withheld: 'protectsAnother' }
        ],
        comments: [
          {
            key: 'plant',
            comments: [
              { questionKey: 'one-thing', text: 'Better gloves for the welding cell, please.', threadId: 't-41' },
              { questionKey: 'one-thing', text: 'Tell us earlier when the schedule changes.', threadId: 't-07' }
            ]
          },
          { key: 'crew=b2', comments: [{ questionKey: 'one-thing', text: 'More time for handover between shifts.' }] },
          { key: 'line=got-weld2', withheld: 'protectsAnother' }
        ]
      }
    )
  };
}

/** The round before: lower engagement (a change more than noise), eNPS a little lower (within noise). */
export function hrRound11(): RoundResultsShown {
  return {
    ...info(11, 'Pulse October', '2026-10-05T05:00:00Z', '2026-10-19T05:00:00Z'),
    release: release(11, [shown('plant', [], 40, [60, 15, 'fewAnswers', 58]), shown('crew=b2', [B2], 12, [66, -5, 78, 'changedSincePublished'])], {
      participation: [{ key: 'plant', respondents: 40 }]
    })
  };
}

/** The open round: participation counts only. */
export function openRound13(): RoundResultsShown {
  return {
    ...info(13, 'Pulse December', '2026-12-01T05:00:00Z', '2026-12-15T05:00:00Z'),
    release: release(13, [withheld('plant', [], 'roundOpen'), withheld('site=got', [SITE], 'roundOpen')], {
      availability: 'participation',
      participation: [
        { key: 'plant', respondents: 25 },
        { key: 'site=got', respondents: 25 }
      ]
    })
  };
}

/** A crew check-in of another survey (8), before the monthly pulse's rounds, with a measure of its own. */
export function checkInRound9(): RoundResultsShown {
  return {
    ...info(9, 'Weld A check-in', '2026-09-01T05:00:00Z', '2026-09-08T05:00:00Z'),
    surveyId: 8,
    release: release(9, [shown('plant', [], 12, [90, 50, 88, 85])], { measureIds: ['engagement', 'schedule-influence'], participation: [{ key: 'plant', respondents: 12 }] })
  };
}

/** A round whose box check failed; HR reads what the check found. */
export function refusedRound10(check?: string): RoundResults {
  return { ...info(10, 'Pulse September', '2026-09-07T05:00:00Z', '2026-09-21T05:00:00Z'), refused: 'boxCheckFailed', ...(check ? { check } : {}) };
}

export const HR: ResultsViewerBody = { role: 'hr', leads: [] };
export const LEADER: ResultsViewerBody = { role: 'leader', leads: [B2, { dimension: 'crew', value: 'b5' }] };
export const EMPLOYEE: ResultsViewerBody = { role: 'employee', leads: [] };

/** HR: the open round, the two published ones and the refused one (the relay's order: newest first). */
export function hrBody(): PulseResultsBody {
  return { viewer: HR, rounds: [openRound13(), hrRound12(), hrRound11(), refusedRound10('answersMissing')] };
}

/** A leader of crew b2 (and b5, which has no answers): their crew and the groups above it. */
export function leaderBody(): PulseResultsBody {
  const round12 = hrRound12();
  const keep = ['plant', 'site=got', 'line=got-weld2', 'crew=b2'];
  return {
    viewer: LEADER,
    rounds: [
      {
        ...round12,
        release: {
          ...round12.release,
          groups: round12.release.groups.filter((group) => keep.indexOf(group.key) >= 0),
          participation: round12.release.participation.filter((entry) => keep.indexOf(entry.key) >= 0),
          comments: round12.release.comments.filter((list) => list.key === 'crew=b2'),
          org: { siteOfLine: { 'got-weld2': 'got' }, lineOfCrew: { b2: 'got-weld2' } }
        }
      },
      // A leader never reads what the check found, even if a body carried it.
      refusedRound10('answersMissing')
    ]
  };
}

/** An employee: the plant only. */
export function employeeBody(): PulseResultsBody {
  const round12 = hrRound12();
  return {
    viewer: EMPLOYEE,
    rounds: [
      {
        ...round12,
        release: {
          ...round12.release,
          groups: round12.release.groups.filter((group) => group.key === 'plant'),
          participation: round12.release.participation.filter((entry) => entry.key === 'plant'),
          comments: [],
          org: { siteOfLine: {}, lineOfCrew: {} }
        }
      }
    ]
  };
}

/** A source answering each call with the next of `answers` (a body, or an error code to fail with). */
export class FakeResultsSource implements PulseResultsSource {
  public calls = 0;
  private readonly answers: readonly (PulseResultsBody | PulseResultsErrorCode)[];

  public constructor(...answers: (PulseResultsBody | PulseResultsErrorCode)[]) {
    this.answers = answers;
  }

  public results(): Promise<PulseResultsBody> {
    const answer = this.answers[Math.min(this.calls, this.answers.length - 1)];
    this.calls += 1;
    return typeof answer === 'string' ? Promise.reject(new PulseResultsError(answer, `Failed: ${answer}`)) : Promise.resolve(answer);
  }
}
