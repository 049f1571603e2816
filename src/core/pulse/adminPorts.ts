/**
 * What HR's pulse admin part needs from storage, the roster and the relay, as ports: SharePoint
 * implements the store (src/connectors/sharepoint/pulseAdminStore.ts), the composition root the
 * relay check and the relay's crews (src/app/pulseAdmin.ts), typed fakes the tests. Framework-free.
 *
 * Also the survey's life as HR steers it (schedule, pause, resume, close): each step names the
 * only columns it changes, so a page open for an hour never writes back a status the relay's
 * timer has moved on since (scheduled → open, once → closed).
 */
import type { ItemId } from '../models/common';
import type { Question, Survey, SurveyAudience, SurveyDefinition, SurveyRound, SurveyStatus } from '../models/pulse';
import type { PlantMap } from '../plant/types';
import { crewsInAudience } from './audience';
import { minimumRoundLengthOfCrews, type RoundLengthResult } from './roundLength';
import { lockedThresholds, type SurveyDraft, type Thresholds } from './surveyRules';

/** What the signed-in person may do here (SharePoint's effective permissions on the site). */
export interface PulseAdminRights {
  /** Create and change surveys and add questions (SE_Surveys, SE_Questions: HR and site owners). */
  readonly surveys: boolean;
}

/** What the part shows first, read together (one SharePoint `$batch`). */
export interface PulseAdminStart {
  readonly surveys: readonly Survey[];
  /** The rounds the relay's timer has written, of every survey (newest first). */
  readonly rounds: readonly SurveyRound[];
  /** The question bank, active and inactive. */
  readonly questions: readonly Question[];
  /** The sites an audience can name (empty when the site keeps no plant map). */
  readonly plantMap: PlantMap;
  readonly rights: PulseAdminRights;
}

/** A question HR adds to the bank, checked by `validateQuestion`. */
export interface QuestionDraft {
  readonly questionKey: string;
  /** English wording. */
  readonly title: string;
  readonly driver: Question['driver'];
  readonly kind: Question['kind'];
  readonly translations: Question['translations'];
}

/** Columns of a survey one write changes; the others are left as they are stored. */
export interface SurveyChange {
  readonly title?: string;
  readonly definition?: SurveyDefinition;
  readonly status?: SurveyStatus;
  readonly cadence?: Survey['cadence'];
  readonly minGroupSize?: number;
  readonly minCommentGroupSize?: number;
}

/** Failures are `RecognitionStoreError`s with a code (the product's one store error). */
export interface PulseAdminStore {
  start(): Promise<PulseAdminStart>;
  /** A new survey, as a draft; its id. */
  addSurvey(draft: SurveyDraft): Promise<ItemId>;
  /** Writes only the columns in `change`. */
  updateSurvey(id: ItemId, change: SurveyChange): Promise<void>;
  addQuestion(question: QuestionDraft): Promise<ItemId>;
}

/**
 * A crew HR can put in an audience: a Teams team with shifts on its Shifts schedule, by name, where
 * the plant map places it, and the shortest round that gives it a whole shift. Nobody's name or
 * shifts: the relay reads the rosters and says only this.
 */
export interface PulseCrew {
  /** The Teams team id (what audiences store). */
  readonly crewKey: string;
  /** The team's name in Teams. */
  readonly name: string;
  /** The site and line most of its rostered people work on, when the plant map tells. */
  readonly siteCode?: string;
  readonly lineCode?: string;
  /** The crew's own shortest round in whole days (`minimumRoundLengthFromShifts`); undefined when its period held no shift. */
  readonly minimumRoundDays?: number;
}

export interface PulseCrewList {
  readonly crews: readonly PulseCrew[];
  /** The plant's local day the roster period read starts on, and its length in days. */
  readonly periodStart: string;
  readonly periodDays: number;
}

/**
 * Why the crews cannot be listed: `noRelay` (none configured, or no token for it), `notAllowed`
 * (the relay does not take the person as someone who authors surveys), `notSetUp` (the site's
 * lists are not there), `relayFault` (the relay may not read the rosters: a grant missing),
 * `unavailable` (busy or unreachable), `unexpected`.
 */
export type PulseCrewsErrorCode = 'noRelay' | 'notAllowed' | 'notSetUp' | 'relayFault' | 'unavailable' | 'unexpected';

export class PulseCrewsError extends Error {
  public constructor(
    public readonly code: PulseCrewsErrorCode,
    message: string
  ) {
    super(message);
    this.name = 'PulseCrewsError';
    // The SPFx build targets ES5, where `instanceof` fails for Error subclasses without this.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * The crews and each one's shortest round for rounds opening at `opensAt` (`HH:MM`) in
 * `timeZone`, read by the relay with its own identity (HR is rarely on a crew's roster). Fails
 * with a {@link PulseCrewsError}.
 */
export interface PulseCrewSource {
  crews(opensAt: string, timeZone: string): Promise<PulseCrewList>;
}

/**
 * The shortest round for an audience: the longest its crews need (`crewsInAudience`,
 * `minimumRoundLengthOfCrews`); `noShifts` when it reaches no crew or one whose roster cannot tell.
 */
export function audienceMinimumRound(list: PulseCrewList, audience: SurveyAudience, plantMap?: PlantMap): RoundLengthResult {
  return minimumRoundLengthOfCrews(crewsInAudience(list.crews, audience, plantMap).map((crew) => crew.minimumRoundDays));
}

/**
 * Whether answers can be collected: `ready`; `notConfigured` (no relay in the tenant property,
 * or no token for it: its API permission not approved); `unreachable` (configured, no answer);
 * `noPulseKeys` (it runs without `SE_PULSE_KEYS`, so it refuses every answer).
 */
export type RelayReadiness = 'ready' | 'notConfigured' | 'unreachable' | 'noPulseKeys';

export interface PulseRelayCheck {
  /** Never throws: a failure is `unreachable`. */
  readiness(): Promise<RelayReadiness>;
}

/** What the relay check reads: the relay client's `available()` and `GET /api/health`. */
export interface RelayProbe {
  available(): Promise<boolean>;
  health(): Promise<unknown>;
}

/**
 * The relay's readiness from its health answer (`relay/src/routes/health.ts`): `pulseKeys: false`
 * says it has no pulse keys. A relay that does not say (one from before the field) is taken as
 * ready: its pulse routes still refuse answers without keys (502), and the answering parts say so.
 */
export function relayReadinessOf(health: unknown): RelayReadiness {
  const body = typeof health === 'object' && health !== null ? (health as { status?: unknown; pulseKeys?: unknown }) : {};
  if (body.status !== 'ok') {
    return 'unreachable';
  }
  return body.pulseKeys === false ? 'noPulseKeys' : 'ready';
}

/** Asks the relay: configured and a token for it, then its health; never throws. */
export async function checkRelay(probe: RelayProbe): Promise<RelayReadiness> {
  let available: boolean;
  try {
    available = await probe.available();
  } catch {
    available = false;
  }
  if (!available) {
    return 'notConfigured';
  }
  try {
    return relayReadinessOf(await probe.health());
  } catch {
    return 'unreachable';
  }
}

/** The steps HR takes on a survey besides editing it. */
export type SurveyStep = 'schedule' | 'pause' | 'resume' | 'close';

/** The steps open to a survey now, in the order the part offers them. */
export function surveySteps(survey: Pick<Survey, 'status' | 'definition'>): SurveyStep[] {
  const paused = survey.definition.paused === true;
  switch (survey.status) {
    case 'draft':
      return ['schedule'];
    case 'scheduled':
    case 'open':
      return [paused ? 'resume' : 'pause', 'close'];
    default:
      return [];
  }
}

/**
 * The write a step makes: `schedule` the status (the definition, checked with the schedule's
 * rules, is saved with it by the form); `pause` and `resume` the definition's `paused` only (the
 * relay's timer reads it and writes the status); `close` the status only. Undefined when the step
 * is not open to the survey.
 */
export function surveyStepChange(survey: Pick<Survey, 'status' | 'definition'>, step: SurveyStep): SurveyChange | undefined {
  if (surveySteps(survey).indexOf(step) < 0) {
    return undefined;
  }
  switch (step) {
    case 'schedule':
      return { status: 'scheduled', definition: { ...survey.definition, paused: false } };
    case 'pause':
      return { definition: { ...survey.definition, paused: true } };
    case 'resume':
      return { definition: { ...survey.definition, paused: false } };
    default:
      return { status: 'closed' };
  }
}

/** A survey's rounds, lowest number first. */
export function roundsOf(rounds: readonly SurveyRound[], surveyId: ItemId): SurveyRound[] {
  return rounds.filter((round) => round.surveyId === surveyId).sort((a, b) => a.roundNumber - b.roundNumber);
}

/** The round open at `now` (stored open and its time not up), if any. */
export function currentRound(rounds: readonly SurveyRound[], surveyId: ItemId, now: Date): SurveyRound | undefined {
  const t = now.getTime();
  return roundsOf(rounds, surveyId).filter(
    (round) => round.status === 'open' && Date.parse(round.opensAt) <= t && t < Date.parse(round.closesAt)
  )[0];
}

/** The thresholds a survey's first opened round locked, if one has opened. */
export function surveyLockedThresholds(rounds: readonly SurveyRound[], surveyId: ItemId): Thresholds | undefined {
  return lockedThresholds(roundsOf(rounds, surveyId));
}
