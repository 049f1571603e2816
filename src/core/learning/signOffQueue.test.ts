import { decideSignOff } from './signOff';
import { preferredStation, type QueuePath, type QueueRow, type QueueStep, signOffQueue, signOffStations, signsOffOn, trainerSkillsAt } from './signOffQueue';

const NOW = new Date('2026-03-10T08:00:00Z');
const ZONE = 'Europe/Stockholm';
const valid = { state: 'valid' as const };
const TRAINER = 4;

const forklift: QueuePath = { id: 1, isActive: true, trainerIds: [], grants: [{ station: 'GOT-FLT', level: 'U' }, { station: 'EIN-FLT', level: 'U' }] };
const onboarding: QueuePath = { id: 2, isActive: true, trainerIds: [], grants: [] };
const steps: QueueStep[] = [
  { id: 10, pathId: 1, kind: 'read', requiresSignOff: false },
  { id: 11, pathId: 1, kind: 'practice', requiresSignOff: true },
  { id: 20, pathId: 2, kind: 'practice', requiresSignOff: true },
  { id: 12, pathId: 1, kind: 'quiz', requiresSignOff: true }
];
const rows: QueueRow[] = [
  { learnerId: 17, stepId: 11, status: 'completed' },
  { learnerId: 18, stepId: 11, status: 'signed-off' },
  { learnerId: 19, stepId: 11, status: 'in-progress' },
  { learnerId: 17, stepId: 10, status: 'completed' },
  { learnerId: TRAINER, stepId: 11, status: 'completed' },
  { learnerId: 21, stepId: 20, status: 'completed' },
  { learnerId: 22, stepId: 12, status: 'completed' }
];

describe('the practice waiting for a trainer\'s sign-off', () => {
  it('lists asked practice (and steps that require a sign-off, done) on stations the trainer holds valid U or O on, never their own', () => {
    const skills = [{ station: 'got-flt', level: 'U' as const, validity: valid }];
    expect(signOffQueue({ trainerId: TRAINER, trainerSkills: skills, paths: [forklift, onboarding], steps, rows })).toEqual([
      { learnerId: 17, stepId: 11, pathId: 1, stations: ['GOT-FLT'] },
      { learnerId: 22, stepId: 12, pathId: 1, stations: ['GOT-FLT'] }
    ]);
  });

  it('offers nothing to someone at I or L, or whose level expired or lapsed, and nothing on a path switched off', () => {
    for (const skill of [
      { station: 'GOT-FLT', level: 'L' as const, validity: valid },
      { station: 'GOT-FLT', level: 'O' as const, validity: { state: 'expired' as const } },
      { station: 'GOT-FLT', level: 'U' as const, validity: { state: 'lapsed' as const } },
      { station: 'GOT-PRESS', level: 'O' as const, validity: valid }
    ]) {
      expect(signOffQueue({ trainerId: TRAINER, trainerSkills: [skill], paths: [forklift], steps, rows })).toEqual([]);
      expect(signsOffOn(TRAINER, forklift, [skill])).toBe(false);
    }
    const on = [{ station: 'GOT-FLT', level: 'O' as const, validity: valid }];
    expect(signsOffOn(TRAINER, forklift, on)).toBe(true);
    expect(signsOffOn(TRAINER, { ...forklift, isActive: false }, on)).toBe(false);
    expect(signOffQueue({ trainerId: TRAINER, trainerSkills: on, paths: [{ ...forklift, isActive: false }], steps, rows })).toEqual([]);
  });

  it('offers a named trainer every station the path grants; on a path granting none, the stations they hold', () => {
    const named = { ...forklift, trainerIds: [TRAINER] };
    expect(signOffStations(TRAINER, 17, named, [])).toEqual(['GOT-FLT', 'EIN-FLT']);
    const held = [
      { station: 'GOT-WELD', level: 'O' as const, validity: valid },
      { station: 'GOT-PAINT', level: 'L' as const, validity: valid }
    ];
    expect(signOffStations(TRAINER, 21, onboarding, held)).toEqual([]);
    expect(signOffStations(TRAINER, 21, { ...onboarding, trainerIds: [TRAINER] }, held)).toEqual(['GOT-WELD']);
    expect(signOffStations(TRAINER, TRAINER, named, held)).toEqual([]);
  });

  it('starts the form at the only station offered, or at the only one offered the trainer runs themselves', () => {
    expect(preferredStation(['GOT-FLT'], [])).toBe('GOT-FLT');
    expect(preferredStation(['GOT-FLT', 'EIN-FLT'], [])).toBeUndefined();
    expect(preferredStation(['GOT-FLT', 'EIN-FLT'], [{ station: 'got-flt', level: 'O', validity: valid }])).toBe('GOT-FLT');
    // An expired level, or one below U, decides nothing; two held decide nothing either.
    expect(preferredStation(['GOT-FLT', 'EIN-FLT'], [{ station: 'GOT-FLT', level: 'U', validity: { state: 'expired' } }])).toBeUndefined();
    expect(preferredStation(['GOT-FLT', 'EIN-FLT'], [{ station: 'GOT-FLT', level: 'L', validity: valid }])).toBeUndefined();
    expect(
      preferredStation(['GOT-FLT', 'EIN-FLT'], [
        { station: 'GOT-FLT', level: 'U', validity: valid },
        { station: 'EIN-FLT', level: 'U', validity: valid }
      ])
    ).toBeUndefined();
  });

  it('agrees with the relay\'s rule: every station offered is one `decideSignOff` accepts', () => {
    const skills = [{ station: 'EIN-FLT', level: 'O' as const, validity: valid }];
    for (const path of [forklift, { ...forklift, trainerIds: [TRAINER] }]) {
      for (const station of ['GOT-FLT', 'EIN-FLT']) {
        const offered = signOffStations(TRAINER, 17, path, skills).indexOf(station) >= 0;
        const accepted = decideSignOff({ learnerId: 17, trainerId: TRAINER, station }, { requiresSignOff: true, path, trainerSkills: skills, now: NOW }).ok;
        expect([path.trainerIds, station, offered]).toEqual([path.trainerIds, station, accepted]);
      }
    }
  });

  it('judges a trainer\'s stored level by its expiry and by use it or lose it, as the relay does', () => {
    const skills = trainerSkillsAt(
      [
        { station: 'A', level: 'U', expiresAt: new Date('2026-03-01T00:00:00Z') },
        { station: 'B', level: 'O', lastPractisedAt: new Date('2026-01-01T00:00:00Z'), pathId: 7 },
        { station: 'C', level: 'U', assessedAt: new Date('2026-03-01T00:00:00Z'), pathId: 7 }
      ],
      (pathId) => (pathId === 7 ? 30 : 0),
      NOW,
      ZONE
    );
    expect(skills.map((s) => [s.station, s.validity.state])).toEqual([
      ['A', 'expired'],
      ['B', 'lapsed'],
      ['C', 'valid']
    ]);
  });
});
