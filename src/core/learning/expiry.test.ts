import { expiryAfter, lapseAfter, lastPractice, renewalFor, RenewalInput, skillValidity, validThrough } from './expiry';

const AMS = 'Europe/Amsterdam';
const d = (iso: string): Date => new Date(iso);

describe('fixed period', () => {
  it('ends 12 months later at the same local time, across a change to summer time', () => {
    // 10:00 CET on 28 March 2026; on 28 March 2027 the clocks go forward at 02:00: 10:00 CEST is 08:00Z.
    expect(expiryAfter(d('2026-03-28T09:00:00Z'), 12, AMS)?.toISOString()).toBe('2027-03-28T08:00:00.000Z');
  });

  it('ends a month later at the same local time, across a change to winter time', () => {
    // 14:30 CEST on 5 October 2026 (12:30Z); the clocks go back on 25 October: 14:30 CET on 5 November is 13:30Z.
    expect(expiryAfter(d('2026-10-05T12:30:00Z'), 1, AMS)?.toISOString()).toBe('2026-11-05T13:30:00.000Z');
    // A sign-off at 14:30 CET ends at 14:30 CET on the day the clocks go back (31 October 2027).
    expect(expiryAfter(d('2026-10-31T13:30:00Z'), 12, AMS)?.toISOString()).toBe('2027-10-31T13:30:00.000Z');
  });

  it('moves a sign-off in the hour the clocks skip forward by that hour', () => {
    // 02:30 CET on 29 March 2025 (01:30Z); 29 March 2026 has no 02:30 in Amsterdam: 03:30 CEST, 01:30Z.
    expect(expiryAfter(d('2025-03-29T01:30:00Z'), 12, AMS)?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('ends on the last day of a shorter month, and never with validity 0', () => {
    expect(expiryAfter(d('2026-01-31T08:00:00Z'), 1, AMS)?.toISOString()).toBe('2026-02-28T08:00:00.000Z');
    expect(expiryAfter(d('2026-01-31T08:00:00Z'), 0, AMS)).toBeUndefined();
  });
});

describe('use it or lose it', () => {
  const signOffs = [
    { station: 'GOT-PRESS1-P1', at: d('2026-01-05T10:00:00Z') },
    { station: 'GOT-WELD2-R1', at: d('2026-02-20T10:00:00Z') }
  ];
  const shifts = [
    { station: 'got-press1-p1', start: d('2026-02-01T21:00:00Z'), end: d('2026-02-02T05:00:00Z') },
    { station: 'GOT-PRESS1-P1', start: d('2026-02-10T21:00:00Z'), end: d('2026-02-11T05:00:00Z'), cancelled: true },
    { station: 'GOT-PRESS1-P1', start: d('2026-03-20T21:00:00Z'), end: d('2026-03-21T05:00:00Z') }
  ];

  it('takes the last sign-off or worked shift at the station before now (a cancelled or future shift does not count)', () => {
    expect(lastPractice('GOT-PRESS1-P1', signOffs, shifts, d('2026-03-01T00:00:00Z'))?.toISOString()).toBe('2026-02-02T05:00:00.000Z');
    // A shift that is running counts up to now.
    expect(lastPractice('GOT-PRESS1-P1', signOffs, shifts, d('2026-03-21T01:00:00Z'))?.toISOString()).toBe('2026-03-21T01:00:00.000Z');
    expect(lastPractice('GOT-TOOL-T1', signOffs, shifts, d('2026-03-01T00:00:00Z'))).toBeUndefined();
  });

  it('lapses N local days after the last practice, across a clock change', () => {
    // 06:00 CET on 2 March 2026 + 30 days = 06:00 CEST on 1 April (04:00Z), not 05:00Z.
    expect(lapseAfter(d('2026-03-02T05:00:00Z'), 30, AMS)?.toISOString()).toBe('2026-04-01T04:00:00.000Z');
    expect(lapseAfter(d('2026-03-02T05:00:00Z'), 0, AMS)).toBeUndefined();
  });

  it('marks a skill lapsed when the lapse comes before the fixed expiry', () => {
    const input = { expiresAt: d('2027-01-01T00:00:00Z'), lastPractice: d('2026-01-05T10:00:00Z'), lapseDays: 60, warnDays: 3 };
    expect(skillValidity(input, d('2026-03-01T00:00:00Z'), AMS)).toEqual({ state: 'valid', validUntil: d('2026-03-06T10:00:00Z'), endsBy: 'lapse' });
    expect(skillValidity(input, d('2026-03-06T10:00:00Z'), AMS).state).toBe('lapsed');
  });
});

describe('validity', () => {
  it('is valid, then expiring within the warning days, then expired', () => {
    const input = { expiresAt: d('2026-06-30T08:00:00Z'), lapseDays: 0, warnDays: 30 };
    expect(skillValidity(input, d('2026-05-31T07:59:00Z'), AMS).state).toBe('valid');
    expect(skillValidity(input, d('2026-05-31T08:00:00Z'), AMS).state).toBe('expiring');
    expect(skillValidity(input, d('2026-06-30T08:00:00Z'), AMS)).toEqual({ state: 'expired', validUntil: d('2026-06-30T08:00:00Z'), endsBy: 'expiry' });
    expect(skillValidity({ lapseDays: 0, warnDays: 30 }, d('2026-05-31T08:00:00Z'), AMS)).toEqual({ state: 'valid' });
  });

  it('covers a shift only when it holds until the shift ends', () => {
    const validity = { state: 'expiring' as const, validUntil: d('2026-03-29T02:00:00Z') };
    expect(validThrough(validity, d('2026-03-28T21:00:00Z'), d('2026-03-29T04:00:00Z'))).toBe(false);
    expect(validThrough(validity, d('2026-03-28T13:00:00Z'), d('2026-03-28T21:00:00Z'))).toBe(true);
    expect(validThrough({ state: 'valid' }, d('2026-03-28T13:00:00Z'), d('2026-03-28T21:00:00Z'))).toBe(true);
  });
});

describe('renewal ahead of expiry', () => {
  const input: RenewalInput = {
    skill: { skillKey: 'GOT-PRESS1-P1:17', person: { id: 17 } },
    validity: { state: 'expiring', validUntil: d('2026-06-30T08:00:00Z'), endsBy: 'expiry' },
    path: { id: 3, renewalPathId: 8, renewalLeadDays: 30 },
    openAssignmentPathIds: [],
    leaderIds: [4, 4, 17],
    sentNoticeKeys: []
  };

  it('does nothing before the lead time', () => {
    expect(renewalFor(input, d('2026-05-31T07:59:00Z'), AMS)).toEqual({ notify: [] });
  });

  it('assigns the renewal path, due when the skill ends, and tells the person and their leader once each', () => {
    const decision = renewalFor(input, d('2026-05-31T08:00:00Z'), AMS);
    expect(decision.assign).toEqual({ pathId: 8, dueDate: '2026-06-30T08:00:00.000Z', reason: 'renewal', assignedVia: 'renewal:GOT-PRESS1-P1:17' });
    expect(decision.notify.map((n) => [n.recipientId, n.role, n.noticeKey])).toEqual([
      [17, 'person', 'GOT-PRESS1-P1:17:2026-06-30:17'],
      [4, 'leader', 'GOT-PRESS1-P1:17:2026-06-30:4']
    ]);
  });

  it('does not assign again or tell again on the next run', () => {
    const again = renewalFor({ ...input, openAssignmentPathIds: [8], sentNoticeKeys: ['GOT-PRESS1-P1:17:2026-06-30:17', 'GOT-PRESS1-P1:17:2026-06-30:4'] }, d('2026-06-01T08:00:00Z'), AMS);
    expect(again).toEqual({ notify: [] });
  });

  it('renews with the path itself when it names no renewal path, and does nothing once the skill has ended', () => {
    expect(renewalFor({ ...input, path: { id: 3, renewalLeadDays: 30 } }, d('2026-06-01T08:00:00Z'), AMS).assign?.pathId).toBe(3);
    expect(renewalFor({ ...input, validity: { ...input.validity, state: 'expired' } }, d('2026-07-01T08:00:00Z'), AMS)).toEqual({ notify: [] });
  });
});
