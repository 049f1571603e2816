import type { Shift, TimeOff } from '../roster/types';
import { PromptContext, PromptRound, pulsePromptNow, roundToPrompt } from './prompt';

// A night shift 22:00–06:00 Stockholm (winter: 21:00–05:00 UTC), and a morning two days later.
const night: Shift = { id: 'night', start: '2026-12-07T21:00:00Z', end: '2026-12-08T05:00:00Z', status: 'scheduled' };
const morning: Shift = { id: 'morning', start: '2026-12-10T05:00:00Z', end: '2026-12-10T13:00:00Z', status: 'scheduled' };
const duringNight = new Date('2026-12-08T01:00:00Z');

const round: PromptRound = {
  id: 11,
  status: 'open',
  opensAt: '2026-12-06T23:00:00Z',
  closesAt: '2026-12-11T23:00:00Z',
  audience: { siteCodes: ['GOT'] }
};

const context: PromptContext = {
  now: duringNight,
  person: { siteCode: 'GOT', department: 'Weld cell 2', crewKeys: ['team-a'], employmentType: 'Agency' },
  answeredRoundIds: [],
  dismissedRoundIds: [],
  shifts: [night, morning],
  timeOff: []
};

const at = (iso: string): PromptContext => ({ ...context, now: new Date(iso) });

describe('pulsePromptNow', () => {
  it('shows on shift, in the audience, for an open round not answered or dismissed (agency consultants too)', () => {
    expect(pulsePromptNow(round, context)).toEqual({ show: true, roundId: 11, shift: night });
  });

  it('needs the round open by its status and its times', () => {
    expect(pulsePromptNow({ ...round, status: 'scheduled' }, context)).toEqual({ show: false, reason: 'roundNotOpen' });
    expect(pulsePromptNow({ ...round, status: 'closed' }, context)).toEqual({ show: false, reason: 'roundNotOpen' });
    // The timer has not closed it yet, but its time is up.
    expect(pulsePromptNow({ ...round, closesAt: '2026-12-08T00:59:59Z' }, context)).toEqual({ show: false, reason: 'roundNotOpen' });
    expect(pulsePromptNow({ ...round, opensAt: '2026-12-08T01:00:01Z' }, context)).toEqual({ show: false, reason: 'roundNotOpen' });
  });

  it('never shows to someone outside the audience, or who left it mid-round', () => {
    expect(pulsePromptNow({ ...round, audience: { siteCodes: ['EIN'] } }, context)).toEqual({ show: false, reason: 'notInAudience' });
    expect(pulsePromptNow({ ...round, audience: { employmentTypes: ['Employee'] } }, context)).toEqual({ show: false, reason: 'notInAudience' });
    expect(pulsePromptNow(round, { ...context, person: { ...context.person, siteCode: 'EIN' } })).toEqual({ show: false, reason: 'notInAudience' });
  });

  it('is not shown again once answered, or once dismissed for this round', () => {
    expect(pulsePromptNow(round, { ...context, answeredRoundIds: [11] })).toEqual({ show: false, reason: 'answered' });
    expect(pulsePromptNow(round, { ...context, dismissedRoundIds: [11] })).toEqual({ show: false, reason: 'dismissed' });
    expect(pulsePromptNow(round, { ...context, dismissedRoundIds: [10], answeredRoundIds: [9] }).show).toBe(true);
  });

  it('follows the roster’s rule: grace at start and end, never off shift, on leave or in quiet hours', () => {
    expect(pulsePromptNow(round, at('2026-12-07T21:10:00Z'))).toEqual({ show: false, reason: 'shiftStarting' });
    expect(pulsePromptNow(round, at('2026-12-07T21:15:00Z')).show).toBe(true);
    expect(pulsePromptNow(round, at('2026-12-08T04:44:59Z')).show).toBe(true);
    expect(pulsePromptNow(round, at('2026-12-08T04:45:00Z'))).toEqual({ show: false, reason: 'shiftEnding' });
    // The rest day between the night and the morning, and the night after the morning (off shift).
    expect(pulsePromptNow(round, at('2026-12-09T10:00:00Z'))).toEqual({ show: false, reason: 'notOnShift' });
    expect(pulsePromptNow(round, at('2026-12-10T22:00:00Z'))).toEqual({ show: false, reason: 'notOnShift' });
    const leave: TimeOff = { id: 'sick', start: '2026-12-07T23:00:00Z', end: '2026-12-08T23:00:00Z' };
    expect(pulsePromptNow(round, { ...context, timeOff: [leave] })).toEqual({ show: false, reason: 'onLeave' });
    const quiet = { startGraceMinutes: 15, endGraceMinutes: 15, quietHours: [{ start: '01:30', end: '03:00', timeZone: 'Europe/Stockholm' }] };
    expect(pulsePromptNow(round, { ...context, settings: quiet })).toEqual({ show: false, reason: 'quietHours' });
    expect(pulsePromptNow(round, { ...context, shifts: [{ ...night, status: 'cancelled' }] })).toEqual({ show: false, reason: 'notOnShift' });
  });

  it('uses the grace the settings give', () => {
    const noGrace = { startGraceMinutes: 0, endGraceMinutes: 0, quietHours: [] };
    expect(pulsePromptNow(round, { ...at('2026-12-07T21:00:00Z'), settings: noGrace }).show).toBe(true);
  });
});

describe('roundToPrompt', () => {
  it('prompts for the open round that closes first, among those it shows for', () => {
    const later: PromptRound = { ...round, id: 12, closesAt: '2026-12-20T23:00:00Z' };
    const sooner: PromptRound = { ...round, id: 13, closesAt: '2026-12-09T23:00:00Z' };
    expect(roundToPrompt([later, sooner], context)).toMatchObject({ show: true, roundId: 13 });
    expect(roundToPrompt([later, sooner], { ...context, answeredRoundIds: [13] })).toMatchObject({ show: true, roundId: 12 });
    expect(roundToPrompt([later, sooner], { ...context, answeredRoundIds: [13], dismissedRoundIds: [12] })).toBeUndefined();
    expect(roundToPrompt([], context)).toBeUndefined();
  });
});
