import type { SurveyDefinition, SurveyStatus } from '../models/pulse';
import {
  nextOpening,
  roundNumberAt,
  roundStatusAt,
  roundWindow,
  roundWindows,
  scheduleActions,
  ScheduledSurvey,
  StoredRound,
  windowStatusAt
} from './schedule';

function survey(definition: Partial<SurveyDefinition> = {}, overrides: Partial<ScheduledSurvey> = {}): ScheduledSurvey {
  return {
    id: 7,
    status: 'scheduled',
    cadence: 'weekly',
    minGroupSize: 6,
    minCommentGroupSize: 12,
    definition: {
      questionKeys: ['q1', 'q2', 'q3'],
      languages: ['sv-se'],
      audience: {},
      roundLengthDays: 5,
      // A Monday.
      firstOpensOn: '2026-12-07',
      timeZone: 'Europe/Stockholm',
      ...definition
    },
    ...overrides
  };
}

const iso = (window: { opensAt: Date; closesAt: Date } | undefined): [string, string] | undefined =>
  window && [window.opensAt.toISOString(), window.closesAt.toISOString()];

describe('roundWindow', () => {
  it('opens and closes at local midnight by default', () => {
    expect(iso(roundWindow(survey(), 1))).toEqual(['2026-12-06T23:00:00.000Z', '2026-12-11T23:00:00.000Z']);
    expect(iso(roundWindow(survey(), 3))).toEqual(['2026-12-20T23:00:00.000Z', '2026-12-25T23:00:00.000Z']);
  });

  it('opens at a given local time, in the plant’s zone', () => {
    expect(iso(roundWindow(survey({ opensAt: '06:00' }), 1))).toEqual(['2026-12-07T05:00:00.000Z', '2026-12-12T05:00:00.000Z']);
    expect(iso(roundWindow(survey({ opensAt: '06:00', timeZone: 'America/Chicago' }), 1))).toEqual([
      '2026-12-07T12:00:00.000Z',
      '2026-12-12T12:00:00.000Z'
    ]);
  });

  it('keeps the local time across daylight-saving changes (a round is an hour shorter or longer)', () => {
    const spring = survey({ firstOpensOn: '2026-03-23', opensAt: '06:00', roundLengthDays: 7 });
    expect(iso(roundWindow(spring, 1))).toEqual(['2026-03-23T05:00:00.000Z', '2026-03-30T04:00:00.000Z']);
    expect(iso(roundWindow(spring, 2))).toEqual(['2026-03-30T04:00:00.000Z', '2026-04-06T04:00:00.000Z']);
    const autumn = survey({ firstOpensOn: '2026-10-19', roundLengthDays: 7 });
    const [opens, closes] = iso(roundWindow(autumn, 1)) ?? [];
    expect([opens, closes]).toEqual(['2026-10-18T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
    expect(Date.parse(closes ?? '') - Date.parse(opens ?? '')).toBe((7 * 24 + 1) * 3_600_000);
  });

  it('steps by two weeks, calendar months (a missing day is the month’s last) and quarters', () => {
    const opening = (s: ScheduledSurvey, n: number): string | undefined => roundWindow(s, n)?.opensAt.toISOString().slice(0, 10);
    expect(opening(survey({}, { cadence: 'biweekly' }), 2)).toBe('2026-12-20');
    const monthly = survey({ firstOpensOn: '2027-01-31', timeZone: 'UTC' }, { cadence: 'monthly' });
    expect([1, 2, 3, 4].map((n) => opening(monthly, n))).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    const quarterly = survey({ firstOpensOn: '2026-11-30', timeZone: 'UTC' }, { cadence: 'quarterly' });
    expect([1, 2, 3].map((n) => opening(quarterly, n))).toEqual(['2026-11-30', '2027-02-28', '2027-05-30']);
  });

  it('has round 1 only for a once survey, and no window for what is not scheduled or not a round', () => {
    expect(roundWindow(survey({}, { cadence: 'once' }), 1)).toBeDefined();
    expect(roundWindow(survey({}, { cadence: 'once' }), 2)).toBeUndefined();
    expect(roundWindow(survey({ firstOpensOn: undefined }), 1)).toBeUndefined();
    expect(roundWindow(survey({ timeZone: undefined }), 1)).toBeUndefined();
    expect(roundWindow(survey({ timeZone: 'Europe/Atlantis' }), 1)).toBeUndefined();
    expect(roundWindow(survey({ opensAt: '25:00' }), 1)).toBeUndefined();
    expect(roundWindow(survey({ roundLengthDays: 0 }), 1)).toBeUndefined();
    expect(roundWindow(survey(), 0)).toBeUndefined();
    expect(roundWindow(survey(), 1.5)).toBeUndefined();
  });
});

describe('roundNumberAt and windowStatusAt', () => {
  it('is the last round opened by an instant, undefined before the first', () => {
    const s = survey();
    expect(roundNumberAt(s, new Date('2026-12-06T22:59:59Z'))).toBeUndefined();
    expect(roundNumberAt(s, new Date('2026-12-06T23:00:00Z'))).toBe(1);
    expect(roundNumberAt(s, new Date('2026-12-13T22:59:59Z'))).toBe(1);
    expect(roundNumberAt(s, new Date('2026-12-13T23:00:00Z'))).toBe(2);
    // Two years on, across the daylight-saving changes: 105 weeks later round 106 opens.
    const later = roundWindow(s, 106);
    expect(roundNumberAt(s, later?.opensAt ?? new Date(0))).toBe(106);
    expect(roundNumberAt(s, new Date((later?.opensAt.getTime() ?? 0) - 1))).toBe(105);
  });

  it('finds monthly rounds at month ends', () => {
    const monthly = survey({ firstOpensOn: '2027-01-31', timeZone: 'UTC' }, { cadence: 'monthly' });
    expect(roundNumberAt(monthly, new Date('2027-02-27T23:59:59Z'))).toBe(1);
    expect(roundNumberAt(monthly, new Date('2027-02-28T00:00:00Z'))).toBe(2);
    expect(roundNumberAt(monthly, new Date('2027-03-30T12:00:00Z'))).toBe(2);
    expect(roundNumberAt(monthly, new Date('2028-01-31T00:00:00Z'))).toBe(13);
    expect(roundNumberAt(survey({}, { cadence: 'once' }), new Date('2030-01-01T00:00:00Z'))).toBe(1);
  });

  it('tells scheduled, open and closed, the end not included', () => {
    const window = { opensAt: '2026-12-06T23:00:00Z', closesAt: '2026-12-11T23:00:00Z' };
    expect(windowStatusAt(window, new Date('2026-12-06T22:59:59.999Z'))).toBe('scheduled');
    expect(windowStatusAt(window, new Date('2026-12-06T23:00:00Z'))).toBe('open');
    expect(windowStatusAt(window, new Date('2026-12-11T22:59:59.999Z'))).toBe('open');
    expect(windowStatusAt(window, new Date('2026-12-11T23:00:00Z'))).toBe('closed');
  });
});

describe('roundStatusAt', () => {
  const during = new Date('2026-12-08T12:00:00Z');

  it('is the calendar’s for a round not stored yet, waiting while the survey is paused, closed or a draft', () => {
    expect(roundStatusAt(survey(), 1, undefined, new Date('2026-12-01T00:00:00Z'))).toBe('scheduled');
    expect(roundStatusAt(survey(), 1, undefined, during)).toBe('open');
    expect(roundStatusAt(survey({ paused: true }), 1, undefined, during)).toBe('scheduled');
    expect(roundStatusAt(survey({}, { status: 'draft' }), 1, undefined, during)).toBe('scheduled');
    expect(roundStatusAt(survey({ paused: true }), 1, undefined, new Date('2026-12-12T00:00:00Z'))).toBe('closed');
    expect(roundStatusAt(survey({}, { cadence: 'once' }), 2, undefined, during)).toBeUndefined();
    expect(roundStatusAt(survey({ timeZone: undefined }), 1, undefined, during)).toBeUndefined();
  });

  it('keeps a stored round’s status, an open one closing when its time is up', () => {
    const open = stored(1, 'open');
    expect(roundStatusAt(survey({ paused: true }), 1, open, during)).toBe('open');
    expect(roundStatusAt(survey(), 1, open, new Date(open.closesAt))).toBe('closed');
    expect(roundStatusAt(survey(), 1, stored(1, 'closed'), during)).toBe('closed');
    expect(roundStatusAt(survey(), 1, stored(1, 'scheduled'), during)).toBe('open');
  });
});

describe('roundWindows and nextOpening', () => {
  it('lists the rounds that overlap a range', () => {
    const windows = roundWindows(survey(), new Date('2026-12-10T00:00:00Z'), new Date('2026-12-31T00:00:00Z'));
    expect(windows.map((w) => w.roundNumber)).toEqual([1, 2, 3, 4]);
    expect(roundWindows(survey(), new Date('2026-12-12T00:00:00Z'), new Date('2026-12-13T22:00:00Z'))).toEqual([]);
    expect(roundWindows(survey(), new Date('2026-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'), 3)).toHaveLength(3);
    expect(roundWindows(survey({ timeZone: undefined }), new Date(0), new Date())).toEqual([]);
  });

  it('names the next round to open, none when paused, closed or a draft', () => {
    expect(nextOpening(survey(), new Date('2026-12-01T00:00:00Z'))?.roundNumber).toBe(1);
    expect(nextOpening(survey(), new Date('2026-12-08T00:00:00Z'))?.roundNumber).toBe(2);
    expect(nextOpening(survey({ paused: true }), new Date('2026-12-01T00:00:00Z'))).toBeUndefined();
    expect(nextOpening(survey({}, { status: 'closed' }), new Date('2026-12-01T00:00:00Z'))).toBeUndefined();
    expect(nextOpening(survey({}, { status: 'draft' }), new Date('2026-12-01T00:00:00Z'))).toBeUndefined();
    expect(nextOpening(survey({}, { cadence: 'once' }), new Date('2026-12-08T00:00:00Z'))).toBeUndefined();
  });
});

function stored(roundNumber: number, status: StoredRound['status'], s: ScheduledSurvey = survey()): StoredRound {
  const window = roundWindow(s, roundNumber);
  return {
    id: 100 + roundNumber,
    roundNumber,
    status,
    opensAt: window?.opensAt.toISOString() ?? '',
    closesAt: window?.closesAt.toISOString() ?? ''
  };
}

describe('scheduleActions', () => {
  const opening = new Date('2026-12-06T23:00:00Z');
  const closing = new Date('2026-12-11T23:00:00Z');

  it('opens nothing for a draft, or before the first opening', () => {
    expect(scheduleActions(survey({}, { status: 'draft' }), [], opening)).toEqual({ open: [], close: [] });
    expect(scheduleActions(survey(), [], new Date(opening.getTime() - 1))).toEqual({ open: [], close: [] });
  });

  it('opens round 1 on time with the survey’s thresholds, and marks the survey open', () => {
    expect(scheduleActions(survey(), [], opening)).toEqual({
      open: [
        {
          surveyId: 7,
          roundNumber: 1,
          roundKey: '7:1',
          opensAt: '2026-12-06T23:00:00Z',
          closesAt: '2026-12-11T23:00:00Z',
          minGroupSize: 6,
          minCommentGroupSize: 12
        }
      ],
      close: []
      ,
      surveyStatus: 'open'
    });
  });

  it('asks for nothing more once its actions are applied (idempotent)', () => {
    const running = survey({}, { status: 'open' });
    expect(scheduleActions(running, [stored(1, 'open')], new Date(opening.getTime() + 60_000))).toEqual({ open: [], close: [] });
    expect(scheduleActions(running, [stored(1, 'closed')], new Date(closing.getTime() + 60_000))).toEqual({ open: [], close: [] });
  });

  it('closes a round when its time is up, and opens the next in its own window', () => {
    const running = survey({}, { status: 'open' });
    expect(scheduleActions(running, [stored(1, 'open')], closing)).toEqual({ open: [], close: [{ roundId: 101, roundNumber: 1, reason: 'ended' }] });
    const back2back = survey({ roundLengthDays: 7 }, { status: 'open' });
    const next = roundWindow(back2back, 2)?.opensAt ?? new Date(0);
    const actions = scheduleActions(back2back, [stored(1, 'open', back2back)], next);
    expect(actions.close).toEqual([{ roundId: 101, roundNumber: 1, reason: 'ended' }]);
    expect(actions.open.map((o) => o.roundKey)).toEqual(['7:2']);
    expect(actions.surveyStatus).toBeUndefined();
  });

  it('opens a round late when the timer was down, still closing on time; never one whose window passed', () => {
    const running = survey({}, { status: 'open' });
    const late = scheduleActions(running, [], new Date('2026-12-10T12:00:00Z'));
    expect(late.open.map((o) => [o.roundNumber, o.closesAt])).toEqual([[1, '2026-12-11T23:00:00Z']]);
    expect(scheduleActions(running, [], new Date('2026-12-12T12:00:00Z'))).toEqual({ open: [], close: [] });
    expect(scheduleActions(running, [], new Date('2026-12-14T12:00:00Z')).open.map((o) => o.roundNumber)).toEqual([2]);
  });

  it('a paused survey opens nothing new; its open round runs to its end; resumed, it opens the current round', () => {
    const paused = survey({ paused: true }, { status: 'open' });
    expect(scheduleActions(paused, [stored(1, 'open')], new Date('2026-12-09T00:00:00Z'))).toEqual({ open: [], close: [] });
    expect(scheduleActions(paused, [stored(1, 'open')], closing).close).toEqual([{ roundId: 101, roundNumber: 1, reason: 'ended' }]);
    expect(scheduleActions(paused, [stored(1, 'closed')], new Date('2026-12-14T00:00:00Z'))).toEqual({ open: [], close: [] });
    const resumed = survey({ paused: false }, { status: 'open' });
    expect(scheduleActions(resumed, [stored(1, 'closed')], new Date('2026-12-15T00:00:00Z')).open.map((o) => o.roundNumber)).toEqual([2]);
  });

  it('closing a survey closes its open round at once and opens nothing', () => {
    const closed = survey({}, { status: 'closed' });
    expect(scheduleActions(closed, [stored(1, 'open')], new Date('2026-12-08T00:00:00Z'))).toEqual({
      open: [],
      close: [{ roundId: 101, roundNumber: 1, reason: 'surveyClosed' }]
    });
    expect(scheduleActions(closed, [stored(1, 'closed')], new Date('2026-12-14T00:00:00Z'))).toEqual({ open: [], close: [] });
  });

  it('opens a round stored as scheduled by updating it, and closes one whose time passed unopened', () => {
    expect(scheduleActions(survey(), [stored(1, 'scheduled')], opening).open[0]).toMatchObject({ roundNumber: 1, existingId: 101 });
    expect(scheduleActions(survey({}, { status: 'open' }), [stored(1, 'scheduled')], closing)).toEqual({
      open: [],
      close: [{ roundId: 101, roundNumber: 1, reason: 'missed' }]
    });
  });

  it('never opens a second round while one stays open, even after HR moved the schedule', () => {
    const moved = survey({ firstOpensOn: '2026-12-03' }, { status: 'open' });
    const original: StoredRound = { ...stored(1, 'open'), roundNumber: 1 };
    // Under the moved schedule round 2 opens 10 December; the stored round 1 runs to 11 December.
    expect(scheduleActions(moved, [original], new Date('2026-12-10T12:00:00Z'))).toEqual({ open: [], close: [] });
    expect(scheduleActions(moved, [original], closing).close).toEqual([{ roundId: 101, roundNumber: 1, reason: 'ended' }]);
  });

  it('closes a once survey after its round', () => {
    const once = survey({}, { cadence: 'once', status: 'open' });
    expect(scheduleActions(once, [stored(1, 'open', once)], closing)).toEqual({
      open: [],
      close: [{ roundId: 101, roundNumber: 1, reason: 'ended' }],
      surveyStatus: 'closed'
    });
    expect(scheduleActions(once, [stored(1, 'closed', once)], new Date('2027-01-01T00:00:00Z'))).toEqual({ open: [], close: [], surveyStatus: 'closed' });
    expect(scheduleActions({ ...once, status: 'closed' }, [stored(1, 'closed', once)], new Date('2027-01-01T00:00:00Z'))).toEqual({ open: [], close: [] });
  });

  it('still closes open rounds of a survey whose schedule became unreadable', () => {
    const broken = survey({ timeZone: 'Nowhere/Land' }, { status: 'open' });
    expect(scheduleActions(broken, [stored(1, 'open')], closing).close).toHaveLength(1);
    expect(scheduleActions(broken, [], opening).open).toEqual([]);
  });

  it('a timer every quarter of an hour for half a year opens each round once, on time, one at a time', () => {
    let current = survey({ opensAt: '06:00', roundLengthDays: 12, firstOpensOn: '2027-01-04' }, { cadence: 'biweekly' });
    const rounds: StoredRound[] = [];
    const openedAt: number[] = [];
    const twoOpen: string[] = [];
    const notIdempotent: string[] = [];
    let nextId = 1;
    const start = Date.parse('2027-01-01T00:00:00Z');
    for (let t = start; t < start + 183 * 86_400_000; t += 15 * 60_000) {
      const now = new Date(t);
      const actions = scheduleActions(current, rounds, now);
      actions.close.forEach((c) => {
        const index = rounds.findIndex((r) => r.id === c.roundId);
        rounds[index] = { ...rounds[index], status: 'closed' };
      });
      actions.open.forEach((o) => {
        rounds.push({ id: nextId++, roundNumber: o.roundNumber, status: 'open', opensAt: o.opensAt, closesAt: o.closesAt });
        openedAt.push(t - Date.parse(o.opensAt));
      });
      if (actions.surveyStatus) {
        current = { ...current, status: actions.surveyStatus as SurveyStatus };
      }
      if (rounds.filter((r) => r.status === 'open').length > 1) {
        twoOpen.push(now.toISOString());
      }
      const again = scheduleActions(current, rounds, now);
      if (again.open.length + again.close.length > 0 || again.surveyStatus) {
        notIdempotent.push(now.toISOString());
      }
    }
    expect(twoOpen).toEqual([]);
    expect(notIdempotent).toEqual([]);
    expect(rounds.map((r) => r.roundNumber)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(new Set(rounds.map((r) => r.roundNumber)).size).toBe(rounds.length);
    expect(Math.max(...openedAt)).toBeLessThan(15 * 60_000);
    expect(current.status).toBe('open');
  });
});
