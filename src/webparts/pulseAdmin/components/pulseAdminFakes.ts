/** Typed fakes of HR's pulse admin services for the part's tests: they implement the real interfaces. */
import type { ItemId } from '../../../core/models/common';
import type { Question, Survey, SurveyRound } from '../../../core/models/pulse';
import type { PlantMap } from '../../../core/plant/types';
import type { PulseAdminStart, PulseAdminStore, PulseCrewList, PulseCrewsError, PulseCrewSource, PulseRelayCheck, QuestionDraft, RelayReadiness, SurveyChange } from '../../../core/pulse/adminPorts';
import type { SurveyDraft } from '../../../core/pulse/surveyRules';
import { RecognitionStoreError } from '../../../core/recognition/ports';
import type { IPulseAdminServices } from './IPulseAdminProps';

export const NOW = new Date('2026-03-10T12:00:00Z');

const words = (nl: string | undefined, sv: string | undefined): Question['translations'] => ({
  ...(nl ? { 'nl-nl': { text: nl } } : {}),
  ...(sv ? { 'sv-se': { text: sv } } : {})
});

export const BANK: Question[] = [
  { id: 1, questionKey: 'part-of-team', title: 'I feel part of my crew', driver: 'belonging', kind: 'likert5', translations: words('Ik hoor bij mijn ploeg', 'Jag känner mig som en del av mitt arbetslag'), isActive: true },
  { id: 2, questionKey: 'speak-up', title: 'I can speak up about safety', driver: 'leadership', kind: 'likert5', translations: words('Ik kan veiligheid bespreken', undefined), isActive: true },
  { id: 3, questionKey: 'recommend', title: 'How likely are you to recommend working here?', driver: 'enps', kind: 'enps11', translations: words('Hoe waarschijnlijk raad je werken hier aan?', 'Hur troligt är det att du rekommenderar att jobba här?'), isActive: true },
  { id: 4, questionKey: 'one-thing-better', title: 'One thing that would make work better', driver: 'engagement', kind: 'text', translations: words('Eén ding dat het werk beter maakt', 'En sak som skulle göra jobbet bättre'), isActive: true },
  { id: 5, questionKey: 'old-question', title: 'An old question', driver: 'fairness', kind: 'likert5', translations: {}, isActive: false }
];

export const PLANT: PlantMap = {
  sites: [
    { code: 'GOT', name: 'Göteborg', names: {}, officeLocations: [] },
    { code: 'EIN', name: 'Eindhoven', names: {}, officeLocations: [] }
  ],
  lines: [
    { code: 'GOT-WELD2', name: 'Weld cell 2', names: { 'sv-se': 'Svetscell 2', 'nl-nl': 'Lascel 2' }, siteCode: 'GOT', departments: ['Weld cell 2'] },
    { code: 'GOT-PAINT', name: 'Paint shop', names: { 'sv-se': 'Lackering', 'nl-nl': 'Spuiterij' }, siteCode: 'GOT', departments: ['Paint shop'] },
    { code: 'EIN-PACK', name: 'Packaging', names: { 'sv-se': 'Packning', 'nl-nl': 'Verpakking' }, siteCode: 'EIN', departments: ['Packaging'] }
  ],
  shifts: [],
  issues: []
};

/** Crews as the relay lists them: each with its own shortest round (Weld 3 days, Paint and Packaging 4). */
export const CREWS: PulseCrewList = {
  periodStart: '2026-03-10',
  periodDays: 28,
  crews: [
    { crewKey: 'team-weld-a', name: 'GOT Weld A', siteCode: 'GOT', lineCode: 'GOT-WELD2', minimumRoundDays: 3 },
    { crewKey: 'team-paint-a', name: 'GOT Paint A', siteCode: 'GOT', lineCode: 'GOT-PAINT', minimumRoundDays: 4 },
    { crewKey: 'team-pack-a', name: 'EIN Packaging A', siteCode: 'EIN', lineCode: 'EIN-PACK', minimumRoundDays: 4 }
  ]
};

export const RUNNING: Survey = {
  id: 7,
  title: 'Monthly shop-floor pulse',
  status: 'open',
  cadence: 'monthly',
  minGroupSize: 6,
  minCommentGroupSize: 12,
  definition: {
    questionKeys: ['part-of-team', 'recommend', 'one-thing-better'],
    languages: ['en-us', 'nl-nl', 'sv-se'],
    audience: { siteCodes: ['GOT'] },
    roundLengthDays: 5,
    firstOpensOn: '2026-02-09',
    opensAt: '06:00',
    timeZone: 'Europe/Stockholm',
    maxReminders: 2
  }
};

export const DRAFT: Survey = {
  id: 8,
  title: 'Safety check-in',
  status: 'draft',
  cadence: 'once',
  minGroupSize: 5,
  minCommentGroupSize: 10,
  definition: { questionKeys: ['part-of-team', 'speak-up', 'recommend'], languages: ['en-us', 'nl-nl'], audience: {}, roundLengthDays: 4 }
};

export const ROUNDS: SurveyRound[] = [
  { id: 21, surveyId: 7, roundNumber: 1, roundKey: '7:1', opensAt: '2026-02-09T05:00:00Z', closesAt: '2026-02-14T05:00:00Z', status: 'closed', thresholdsLocked: true, minGroupSize: 6, minCommentGroupSize: 12 },
  { id: 22, surveyId: 7, roundNumber: 2, roundKey: '7:2', opensAt: '2026-03-09T05:00:00Z', closesAt: '2026-03-14T05:00:00Z', status: 'open', thresholdsLocked: true, minGroupSize: 6, minCommentGroupSize: 12 }
];

export class FakePulseStore implements PulseAdminStore {
  public surveys: Survey[] = [RUNNING, DRAFT];
  public rounds: SurveyRound[] = ROUNDS;
  public questions: Question[] = [...BANK];
  public rights = { surveys: true };
  public added: SurveyDraft[] = [];
  public updates: Array<[ItemId, SurveyChange]> = [];
  public addedQuestions: QuestionDraft[] = [];
  public refuseWrites = false;
  public starts = 0;

  public start(): Promise<PulseAdminStart> {
    this.starts += 1;
    return Promise.resolve({ surveys: this.surveys, rounds: this.rounds, questions: this.questions, plantMap: PLANT, rights: this.rights });
  }

  public addSurvey(draft: SurveyDraft): Promise<ItemId> {
    if (this.refuseWrites) {
      return Promise.reject(new RecognitionStoreError('accessDenied', '403'));
    }
    this.added.push(draft);
    const id = 100 + this.added.length;
    this.surveys = [...this.surveys, { id, status: 'draft', ...draft }];
    return Promise.resolve(id);
  }

  public updateSurvey(id: ItemId, change: SurveyChange): Promise<void> {
    if (this.refuseWrites) {
      return Promise.reject(new RecognitionStoreError('network', 'Failed to fetch'));
    }
    this.updates.push([id, change]);
    this.surveys = this.surveys.map((s) => (s.id === id ? { ...s, ...change } : s));
    return Promise.resolve();
  }

  public addQuestion(question: QuestionDraft): Promise<ItemId> {
    this.addedQuestions.push(question);
    this.questions = [...this.questions, { id: 50, isActive: true, ...question }];
    return Promise.resolve(50);
  }
}

export class FakeRelay implements PulseRelayCheck {
  public asked = 0;
  public constructor(public answer: RelayReadiness = 'ready') {}
  public readiness(): Promise<RelayReadiness> {
    this.asked += 1;
    return Promise.resolve(this.answer);
  }
}

export class FakeCrews implements PulseCrewSource {
  public readonly asked: Array<[string, string]> = [];
  public constructor(public answer: PulseCrewList | PulseCrewsError = CREWS) {}
  public crews(opensAt: string, timeZone: string): Promise<PulseCrewList> {
    this.asked.push([opensAt, timeZone]);
    return this.answer instanceof Error ? Promise.reject(this.answer) : Promise.resolve(this.answer);
  }
}

export function fakeServices(store = new FakePulseStore(), relay = new FakeRelay(), crews = new FakeCrews()): IPulseAdminServices & {
  store: FakePulseStore;
  relay: FakeRelay;
  crews: FakeCrews;
} {
  return { store, relay, crews };
}
