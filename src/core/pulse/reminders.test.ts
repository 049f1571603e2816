import type { Shift, TimeOff } from '../roster/types';
import {
  nextReminderShift,
  planReminders,
  PlannedReminder,
  reminderKey,
  ReminderPerson,
  ReminderRound,
  SentReminder
} from './reminders';

const HOUR = 3_600_000;

function shift(id: string, startIso: string, hours = 8, status: Shift['status'] = 'scheduled'): Shift {
  const start = Date.parse(startIso);
  return { id, start: new Date(start).toISOString(), end: new Date(start + hours * HOUR).toISOString(), status };
}

// Round open Monday 7 December 00:00 to Saturday 12 December 00:00, Stockholm (UTC+1).
const round: ReminderRound = {
  id: 5,
  status: 'open',
  opensAt: '2026-12-06T23:00:00Z',
  closesAt: '2026-12-11T23:00:00Z',
  audience: { siteCodes: ['GOT'] }
};

// Before the round (Sunday), then mornings Monday and Tuesday, a night Wednesday, after the round (Saturday).
const SHIFTS: Shift[] = [
  shift('sun', '2026-12-06T05:00:00Z'),
  shift('mon', '2026-12-07T05:00:00Z'),
  shift('tue', '2026-12-08T05:00:00Z'),
  shift('wed-night', '2026-12-09T21:00:00Z'),
  shift('sat', '2026-12-12T05:00:00Z')
];

const anna: ReminderPerson = {
  personId: 'anna',
  person: { siteCode: 'GOT', crewKeys: ['team-a'], employmentType: 'Employee' },
  shifts: SHIFTS,
  timeOff: [],
  answeredRoundIds: []
};

const at = (iso: string): { now: Date } => ({ now: new Date(iso) });
const recordsOf = (plan: readonly PlannedReminder[]): SentReminder[] => plan.reduce<SentReminder[]>((all, p) => all.concat(p.records), []);

describe('planReminders', () => {
  it('reminds at the start of a shift inside an open round', () => {
    expect(planReminders([round], [anna], [], at('2026-12-07T05:02:00Z'))).toEqual([
      {
        personId: 'anna',
        shiftId: 'mon',
        shiftStart: '2026-12-07T05:00:00.000Z',
        roundIds: [5],
        records: [{ roundId: 5, personId: 'anna', shiftId: 'mon' }]
      }
    ]);
  });

  it('never before the shift, nor long after its start (default one hour)', () => {
    expect(planReminders([round], [anna], [], at('2026-12-07T04:59:59Z'))).toEqual([]);
    expect(planReminders([round], [anna], [], at('2026-12-07T05:59:59Z'))).toHaveLength(1);
    expect(planReminders([round], [anna], [], at('2026-12-07T06:00:00Z'))).toEqual([]);
    expect(planReminders([round], [anna], [], { now: new Date('2026-12-07T06:10:00Z'), windowMinutes: 15 })).toEqual([]);
    expect(planReminders([round], [anna], [], { now: new Date('2026-12-07T05:10:00Z'), windowMinutes: 15 })).toHaveLength(1);
  });

  it('only for a shift that starts inside the round', () => {
    // A night that began before the round opened brings none, nor a shift after it closed.
    const across = { ...anna, shifts: [shift('across', '2026-12-06T21:00:00Z')] };
    expect(planReminders([round], [across], [], at('2026-12-06T23:30:00Z'))).toEqual([]);
    expect(planReminders([round], [anna], [], at('2026-12-12T05:05:00Z'))).toEqual([]);
  });

  it('is idempotent given what was sent: a timer every few minutes sends one per shift', () => {
    const first = planReminders([round], [anna], [], at('2026-12-07T05:00:00Z'));
    expect(planReminders([round], [anna], recordsOf(first), at('2026-12-07T05:05:00Z'))).toEqual([]);
    expect(planReminders([round], [anna], recordsOf(first), at('2026-12-07T05:55:00Z'))).toEqual([]);
  });

  it('sends at most N per round (default 2), HR’s N otherwise, none with N = 0', () => {
    const sent: SentReminder[] = [
      { roundId: 5, personId: 'anna', shiftId: 'mon' },
      { roundId: 5, personId: 'anna', shiftId: 'tue' }
    ];
    expect(planReminders([round], [anna], sent, at('2026-12-09T21:01:00Z'))).toEqual([]);
    expect(planReminders([{ ...round, maxReminders: 3 }], [anna], sent, at('2026-12-09T21:01:00Z'))).toHaveLength(1);
    expect(planReminders([{ ...round, maxReminders: 0 }], [anna], [], at('2026-12-07T05:01:00Z'))).toEqual([]);
    // Reminders of another person or round do not count.
    const others: SentReminder[] = [
      { roundId: 5, personId: 'bo', shiftId: 'x' },
      { roundId: 4, personId: 'anna', shiftId: 'y' },
      { roundId: 4, personId: 'anna', shiftId: 'z' }
    ];
    expect(planReminders([round], [anna], others, at('2026-12-07T05:01:00Z'))).toHaveLength(1);
  });

  it('never twice for the same shift: rounds due together share one reminder, the one closing first first', () => {
    const other: ReminderRound = { ...round, id: 9, closesAt: '2026-12-10T23:00:00Z' };
    const plan = planReminders([round, other], [anna], [], at('2026-12-07T05:01:00Z'));
    expect(plan).toHaveLength(1);
    expect(plan[0].roundIds).toEqual([9, 5]);
    expect(plan[0].records.map((r) => reminderKey(r.roundId, r.personId, r.shiftId))).toEqual(['9:anna:mon', '5:anna:mon']);
    // A shift already reminded of for one round brings no second notification for another.
    expect(planReminders([round, other], [anna], [{ roundId: 9, personId: 'anna', shiftId: 'mon' }], at('2026-12-07T05:20:00Z'))).toEqual([]);
  });

  it('not once answered, not outside the audience (or after leaving it), not for a round that is not open', () => {
    expect(planReminders([round], [{ ...anna, answeredRoundIds: [5] }], [], at('2026-12-07T05:01:00Z'))).toEqual([]);
    expect(planReminders([{ ...round, audience: { siteCodes: ['EIN'] } }], [anna], [], at('2026-12-07T05:01:00Z'))).toEqual([]);
    expect(planReminders([round], [{ ...anna, person: { ...anna.person, siteCode: 'EIN' } }], [], at('2026-12-07T05:01:00Z'))).toEqual([]);
    expect(planReminders([{ ...round, status: 'closed' }], [anna], [], at('2026-12-07T05:01:00Z'))).toEqual([]);
    expect(planReminders([{ ...round, closesAt: '2026-12-07T05:00:00Z' }], [anna], [], at('2026-12-07T05:01:00Z'))).toEqual([]);
  });

  it('not on leave (now or at the shift’s start), not for a cancelled shift, not in quiet hours', () => {
    const sick: TimeOff = { id: 'sick', start: '2026-12-06T23:00:00Z', end: '2026-12-07T23:00:00Z' };
    expect(planReminders([round], [{ ...anna, timeOff: [sick] }], [], at('2026-12-07T05:01:00Z'))).toEqual([]);
    const cancelled = { ...anna, shifts: [shift('mon', '2026-12-07T05:00:00Z', 8, 'cancelled')] };
    expect(planReminders([round], [cancelled], [], at('2026-12-07T05:01:00Z'))).toEqual([]);
    const quiet = { ...anna, quietHours: [{ start: '05:30', end: '07:00', timeZone: 'Europe/Stockholm' }] };
    expect(planReminders([round], [quiet], [], at('2026-12-07T05:01:00Z'))).toEqual([]);
    expect(planReminders([round], [quiet], [], at('2026-12-07T05:31:00Z'))).toEqual([]);
  });

  it('plans for many people at once, in a stable order', () => {
    const bo: ReminderPerson = { ...anna, personId: 'bo', person: { siteCode: 'got', crewKeys: [], employmentType: 'Agency' } };
    const cy: ReminderPerson = { ...anna, personId: 'cy', shifts: [shift('cy-night', '2026-12-07T21:00:00Z')] };
    expect(planReminders([round], [cy, bo, anna], [], at('2026-12-07T05:01:00Z')).map((p) => p.personId)).toEqual(['anna', 'bo']);
  });

  it('a timer every five minutes through the round: N reminders, each at a shift start, none on leave', () => {
    const leave: TimeOff = { id: 'vacation', start: '2026-12-07T23:00:00Z', end: '2026-12-08T23:00:00Z' };
    const people: ReminderPerson[] = [
      anna,
      { ...anna, personId: 'on-leave-tuesday', timeOff: [leave] },
      { ...anna, personId: 'answers-monday' }
    ];
    const sent: SentReminder[] = [];
    const sentAt: Array<{ personId: string; at: string; shiftId: string }> = [];
    for (let t = Date.parse('2026-12-06T00:00:00Z'); t < Date.parse('2026-12-13T00:00:00Z'); t += 5 * 60_000) {
      const now = new Date(t);
      const answered = t > Date.parse('2026-12-07T09:00:00Z');
      const current = people.map((p) => (p.personId === 'answers-monday' && answered ? { ...p, answeredRoundIds: [5] } : p));
      const plan = planReminders([round], current, sent, { now });
      plan.forEach((p) => sentAt.push({ personId: p.personId, at: now.toISOString(), shiftId: p.shiftId }));
      sent.push(...recordsOf(plan));
    }
    expect(sentAt).toEqual([
      { personId: 'anna', at: '2026-12-07T05:00:00.000Z', shiftId: 'mon' },
      { personId: 'answers-monday', at: '2026-12-07T05:00:00.000Z', shiftId: 'mon' },
      { personId: 'on-leave-tuesday', at: '2026-12-07T05:00:00.000Z', shiftId: 'mon' },
      { personId: 'anna', at: '2026-12-08T05:00:00.000Z', shiftId: 'tue' },
      { personId: 'on-leave-tuesday', at: '2026-12-09T21:00:00.000Z', shiftId: 'wed-night' }
    ]);
  });
});

describe('nextReminderShift', () => {
  it('is the next shift start inside the round that will bring a reminder', () => {
    expect(nextReminderShift(round, anna, [], new Date('2026-12-06T12:00:00Z'))).toBeUndefined(); // the round is not open yet
    expect(nextReminderShift(round, anna, [], new Date('2026-12-07T00:00:00Z'))?.id).toBe('mon');
    expect(nextReminderShift(round, anna, [{ roundId: 5, personId: 'anna', shiftId: 'mon' }], new Date('2026-12-07T06:00:00Z'))?.id).toBe('tue');
    const onLeaveTuesday = { ...anna, timeOff: [{ id: 'v', start: '2026-12-07T23:00:00Z', end: '2026-12-08T23:00:00Z' }] };
    expect(nextReminderShift(round, onLeaveTuesday, [], new Date('2026-12-07T06:00:00Z'))?.id).toBe('wed-night');
    expect(nextReminderShift(round, anna, [], new Date('2026-12-10T06:00:00Z'))).toBeUndefined();
    const twoSent: SentReminder[] = [
      { roundId: 5, personId: 'anna', shiftId: 'mon' },
      { roundId: 5, personId: 'anna', shiftId: 'tue' }
    ];
    expect(nextReminderShift(round, anna, twoSent, new Date('2026-12-08T12:00:00Z'))).toBeUndefined();
    expect(nextReminderShift(round, { ...anna, answeredRoundIds: [5] }, [], new Date('2026-12-07T00:00:00Z'))).toBeUndefined();
  });
});
