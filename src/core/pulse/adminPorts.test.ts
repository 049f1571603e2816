import type { Survey, SurveyRound } from '../models/pulse';
import { parsePlantMap } from '../plant/plantMap';
import { minimumRoundLength, parseRotation, type Rotation } from './roundLength';
import { audienceMinimumRound, checkRelay, currentRound, relayReadinessOf, surveyLockedThresholds, surveyStepChange, surveySteps } from './adminPorts';

const DEFINITION = { questionKeys: ['a', 'b', 'c'], languages: ['en-us'], audience: {}, roundLengthDays: 4 };

function survey(status: Survey['status'], paused?: boolean): Pick<Survey, 'status' | 'definition'> {
  return { status, definition: paused === undefined ? DEFINITION : { ...DEFINITION, paused } };
}

function round(id: number, surveyId: number, roundNumber: number, status: SurveyRound['status'], opensAt: string, closesAt: string, sizes = [5, 10]): SurveyRound {
  return {
    id,
    surveyId,
    roundNumber,
    roundKey: `${surveyId}:${roundNumber}`,
    opensAt,
    closesAt,
    status,
    thresholdsLocked: status !== 'scheduled',
    minGroupSize: sizes[0],
    minCommentGroupSize: sizes[1]
  };
}

describe('relay readiness', () => {
  it('reads the health answer: ok is ready, pulseKeys false is no keys, anything else unreachable', () => {
    expect(relayReadinessOf({ status: 'ok' })).toBe('ready');
    expect(relayReadinessOf({ status: 'ok', pulseKeys: true })).toBe('ready');
    expect(relayReadinessOf({ status: 'ok', pulseKeys: false })).toBe('noPulseKeys');
    expect(relayReadinessOf({ status: 'starting' })).toBe('unreachable');
    expect(relayReadinessOf('<html>')).toBe('unreachable');
    expect(relayReadinessOf(null)).toBe('unreachable');
  });

  it('is not configured without a relay or a token, unreachable when the health call fails; never throws', async () => {
    let healthCalls = 0;
    const health = async (): Promise<unknown> => {
      healthCalls += 1;
      return { status: 'ok', pulseKeys: false };
    };
    expect(await checkRelay({ available: async () => false, health })).toBe('notConfigured');
    expect(await checkRelay({ available: () => Promise.reject(new Error('settings')), health })).toBe('notConfigured');
    expect(healthCalls).toBe(0);
    expect(await checkRelay({ available: async () => true, health })).toBe('noPulseKeys');
    expect(await checkRelay({ available: async () => true, health: () => Promise.reject(new TypeError('Failed to fetch')) })).toBe('unreachable');
  });
});

describe('survey steps', () => {
  it('offers scheduling to a draft, pause or resume and close to a running survey, nothing to a closed one', () => {
    expect(surveySteps(survey('draft'))).toEqual(['schedule']);
    expect(surveySteps(survey('scheduled'))).toEqual(['pause', 'close']);
    expect(surveySteps(survey('open', true))).toEqual(['resume', 'close']);
    expect(surveySteps(survey('closed'))).toEqual([]);
  });

  it('writes only what the step changes: pause and resume the definition, close the status', () => {
    expect(surveyStepChange(survey('open'), 'pause')).toEqual({ definition: { ...DEFINITION, paused: true } });
    expect(surveyStepChange(survey('open', true), 'resume')).toEqual({ definition: { ...DEFINITION, paused: false } });
    expect(surveyStepChange(survey('open'), 'close')).toEqual({ status: 'closed' });
    expect(surveyStepChange(survey('draft'), 'schedule')).toEqual({ status: 'scheduled', definition: { ...DEFINITION, paused: false } });
    // Not open to the survey: no write at all.
    expect(surveyStepChange(survey('closed'), 'resume')).toBeUndefined();
    expect(surveyStepChange(survey('open'), 'resume')).toBeUndefined();
    expect(surveyStepChange(survey('draft'), 'close')).toBeUndefined();
  });
});

describe('rounds of a survey', () => {
  const rounds = [
    round(3, 1, 2, 'open', '2026-03-09T05:00:00Z', '2026-03-13T05:00:00Z', [6, 12]),
    round(2, 1, 1, 'closed', '2026-02-23T05:00:00Z', '2026-02-27T05:00:00Z', [7, 11]),
    round(4, 2, 1, 'scheduled', '2026-03-16T05:00:00Z', '2026-03-20T05:00:00Z')
  ];

  it('finds the round open now, not one whose time is up', () => {
    expect(currentRound(rounds, 1, new Date('2026-03-10T00:00:00Z'))?.roundNumber).toBe(2);
    expect(currentRound(rounds, 1, new Date('2026-03-13T05:00:00Z'))).toBeUndefined();
    expect(currentRound(rounds, 2, new Date('2026-03-17T00:00:00Z'))).toBeUndefined();
  });

  it('locks the thresholds of the first round that opened, per survey', () => {
    expect(surveyLockedThresholds(rounds, 1)).toEqual({ minGroupSize: 7, minCommentGroupSize: 11 });
    expect(surveyLockedThresholds(rounds, 2)).toBeUndefined();
    expect(surveyLockedThresholds(rounds, 9)).toBeUndefined();
  });
});

describe('audienceMinimumRound', () => {
  const SHIFTS = { M: { start: '06:00', end: '14:00' }, A: { start: '14:00', end: '22:00' }, N: { start: '22:00', end: '06:00' } };
  const days = (codes: string): number | undefined => {
    const result = minimumRoundLength([parseRotation(codes, SHIFTS) as Rotation]);
    return result.ok ? result.minimumDays : undefined;
  };
  const map = parsePlantMap({
    sites: [{ code: 'GOT', name: 'Gothenburg' }, { code: 'EIN', name: 'Eindhoven' }],
    lines: [
      { code: 'GOT-WELD2', name: 'Weld cell 2', siteCode: 'GOT', departments: ['Weld cell 2'] },
      { code: 'EIN-PAINT', name: 'Paint', siteCode: 'EIN', departments: ['Paint'] }
    ],
    shifts: []
  });
  const list = {
    periodStart: '2026-12-07',
    periodDays: 28,
    crews: [
      { crewKey: 'weld-a', name: 'GOT Weld A', siteCode: 'GOT', lineCode: 'GOT-WELD2', minimumRoundDays: days('MMAANN--') },
      { crewKey: 'paint-a', name: 'EIN Paint A', siteCode: 'EIN', lineCode: 'EIN-PAINT', minimumRoundDays: days('AAAAA--MMMMM--NNNNN--') },
      { crewKey: 'idle', name: 'Shut down', minimumRoundDays: undefined }
    ]
  };

  it('is the longest the audience\'s crews need, whoever HR is', () => {
    expect(audienceMinimumRound(list, { crewKeys: ['weld-a'] }, map)).toEqual({ ok: true, minimumDays: days('MMAANN--') });
    expect(audienceMinimumRound(list, { crewKeys: ['weld-a', 'paint-a'] }, map)).toEqual(
      minimumRoundLength([parseRotation('MMAANN--', SHIFTS) as Rotation, parseRotation('AAAAA--MMMMM--NNNNN--', SHIFTS) as Rotation])
    );
    expect(audienceMinimumRound(list, { siteCodes: ['GOT'], crewKeys: ['weld-a', 'paint-a'] }, map)).toEqual({ ok: true, minimumDays: days('MMAANN--') });
  });

  it('cannot tell when the audience reaches no crew, or a crew whose roster cannot tell', () => {
    expect(audienceMinimumRound(list, { crewKeys: ['nobody'] }, map)).toEqual({ ok: false, code: 'noShifts' });
    expect(audienceMinimumRound(list, {}, map)).toEqual({ ok: false, code: 'noShifts', index: 2 });
  });
});
