import { decideSignOff, MAX_SIGN_OFF_NOTE, readyForSignOff, SignOffContext, SignOffRequest } from './signOff';

const NOW = new Date('2026-03-10T08:00:00Z');
const valid = { state: 'valid' as const };
const context: SignOffContext = {
  requiresSignOff: true,
  path: { trainerIds: [90], grants: [{ station: 'GOT-PRESS1-P1', level: 'U' }] },
  trainerSkills: [{ station: 'GOT-PRESS1-P1', level: 'U', validity: valid }],
  now: NOW
};
const request: SignOffRequest = { learnerId: 17, trainerId: 4, station: 'GOT-PRESS1-P1' };

describe('who may sign off', () => {
  it('lets a colleague at U or O on the station sign off, recording who, when and where', () => {
    expect(decideSignOff(request, context)).toEqual({
      ok: true,
      record: { status: 'signed-off', signedOffById: 4, signedOffAt: '2026-03-10T08:00:00.000Z', signOffStation: 'GOT-PRESS1-P1' }
    });
    const atO = { ...context, trainerSkills: [{ station: 'got-press1-p1', level: 'O' as const, validity: valid }] };
    expect(decideSignOff(request, atO).ok).toBe(true);
  });

  it('refuses a colleague at I or L, or whose own level has expired or lapsed', () => {
    for (const skill of [
      { station: 'GOT-PRESS1-P1', level: 'L' as const, validity: valid },
      { station: 'GOT-PRESS1-P1', level: 'O' as const, validity: { state: 'expired' as const } },
      { station: 'GOT-PRESS1-P1', level: 'U' as const, validity: { state: 'lapsed' as const } }
    ]) {
      expect(decideSignOff(request, { ...context, trainerSkills: [skill] })).toEqual({ ok: false, code: 'notQualified' });
    }
  });

  it('lets a trainer named on the path sign off without holding the skill', () => {
    expect(decideSignOff({ ...request, trainerId: 90 }, { ...context, trainerSkills: [] }).ok).toBe(true);
  });

  it('never lets anyone sign off their own practice, not even a named trainer at O', () => {
    const self = { learnerId: 90, trainerId: 90, station: 'GOT-PRESS1-P1' };
    expect(decideSignOff(self, { ...context, trainerSkills: [{ station: 'GOT-PRESS1-P1', level: 'O', validity: valid }] })).toEqual({ ok: false, code: 'ownSignOff' });
  });

  it('refuses a station the path does not grant, even one the trainer holds', () => {
    const elsewhere = { ...context, trainerSkills: [{ station: 'GOT-WELD2-R1', level: 'O' as const, validity: valid }] };
    expect(decideSignOff({ ...request, station: 'GOT-WELD2-R1' }, elsewhere)).toEqual({ ok: false, code: 'stationNotOnPath' });
  });

  it('takes any station on a path that grants none, when the trainer holds it', () => {
    const onboarding = { ...context, path: { trainerIds: [], grants: [] }, trainerSkills: [{ station: 'GOT-WELD2-R1', level: 'U' as const, validity: valid }] };
    expect(decideSignOff({ ...request, station: 'GOT-WELD2-R1' }, onboarding).ok).toBe(true);
    expect(decideSignOff({ ...request, station: 'GOT-PRESS1-P1' }, onboarding)).toEqual({ ok: false, code: 'notQualified' });
  });

  it('refuses a step that is not practice, and a missing station', () => {
    expect(decideSignOff(request, { ...context, requiresSignOff: false })).toEqual({ ok: false, code: 'notPractice' });
    expect(decideSignOff({ ...request, station: '  ' }, context)).toEqual({ ok: false, code: 'stationMissing' });
  });
});

describe('what the learner has done first', () => {
  it('signs off practice as it is (the sign-off is its record), and any other step only once it is done', () => {
    expect([undefined, 'not-started', 'in-progress'].map((status) => readyForSignOff('practice', status as never))).toEqual([true, true, true]);
    expect([undefined, 'not-started', 'in-progress', 'completed', 'signed-off'].map((status) => readyForSignOff('quiz', status as never))).toEqual([false, false, false, true, true]);
    expect(readyForSignOff('read', 'completed')).toBe(true);
    expect(readyForSignOff('watch', undefined)).toBe(false);
  });
});

describe('the note', () => {
  it('keeps hostile text as text, without control or invisible characters', () => {
    const note = '<img src=x onerror=alert(1)> =HYPERLINK("http://evil")\u0000\u202E done ';
    const decision = decideSignOff({ ...request, note }, context);
    expect(decision.ok && decision.record.signOffNote).toBe('<img src=x onerror=alert(1)> =HYPERLINK("http://evil") done');
  });

  it('leaves out a note of only spaces', () => {
    const decision = decideSignOff({ ...request, note: ' \n ' }, context);
    expect(decision.ok && 'signOffNote' in decision.record).toBe(false);
  });

  it('refuses a note over the limit instead of cutting it, and takes one at the limit', () => {
    expect(decideSignOff({ ...request, note: 'x'.repeat(MAX_SIGN_OFF_NOTE + 1) }, context)).toEqual({ ok: false, code: 'noteTooLong', limit: MAX_SIGN_OFF_NOTE });
    // An emoji is two UTF-16 units, as SharePoint counts.
    expect(decideSignOff({ ...request, note: '👍'.repeat(MAX_SIGN_OFF_NOTE / 2 + 1) }, context)).toEqual({ ok: false, code: 'noteTooLong', limit: MAX_SIGN_OFF_NOTE });
    expect(decideSignOff({ ...request, note: 'x'.repeat(MAX_SIGN_OFF_NOTE) }, context).ok).toBe(true);
  });
});
