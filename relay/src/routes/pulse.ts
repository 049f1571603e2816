/**
 * Confidential pulse answering (docs/relay.md "Pulse answers", docs/pulse-threat-model.md):
 *
 *   GET  /api/pulse/open     → 200 {rounds: [{roundId, title, questions, thresholds, privacy, answered, …}]}
 *   POST /api/pulse/answers  {roundId, submissionKey, answers, comments} → 200 {status: 'counted', resent}
 *
 * The relay takes the person from the token and their site, department, crews, employment type
 * and hire date from Microsoft Graph (never from the page), checks that the round is open now and
 * that the person is in its audience, then records participation (who, never what) and puts the
 * answer without identity into the round's encrypted inbox (`relay/src/pulse/inbox.ts`), from
 * where the timer moves it into the ballot boxes in batches (`relay/src/pulse/timerDrain.ts`):
 *
 *   1. participation `pending` with the submission's token (a keyed hash of the device's key);
 *   2. the answer, scores and comments together, into the inbox with one write of the round's
 *      one size, unless the inbox or a box holds the token already;
 *   3. participation `counted`, token cleared.
 *
 * A resend with the same submission key finishes a pending record (even when the person has left
 * the audience since: the relay accepted the submission before). A second submission for a round
 * already counted is refused with 409 `alreadyAnswered`, and nothing is stored.
 *
 * Rounds, surveys, questions and the plant map count only when HR, a site owner or the relay
 * wrote them last (`relay/src/pulse/trustedConfig.ts`): a round a member wrote before Engage Setup
 * is not offered, and an answer to it is refused as for a round that does not exist (404).
 */
import type { SPFI } from '@pnp/sp';

import { memberLogin } from '../../../src/core/people/claims';
import type { PulseOpenRound, PulseRoundPrivacy } from '../../../src/core/pulse/answering';
import { groupAttributes, inAudience, type PulsePerson } from '../../../src/core/pulse/audience';
import { entryDay, participationStep } from '../../../src/core/pulse/ballot';
import { parseSubmission, parseSubmissionHeader } from '../../../src/core/pulse/submission';
import { siteForOffice } from '../../../src/core/plant/workplace';
import type { PlantMap } from '../../../src/core/plant/types';
import { type Caller, RELAY_SCOPE } from '../auth';
import {
  dropParticipation,
  type ParticipationRecord,
  PENDING_STALE_MS,
  readParticipation,
  startParticipation,
  updateParticipation
} from '../pulse/ballotStore';
import type { PulseKeyring } from '../pulse/envelope';
import type { DirectoryFacts, PulseFactsSource } from '../pulse/facts';
import { isStored, postParcel } from '../pulse/inbox';
import { type Parcel, parcelBucket } from '../pulse/inboxParcel';
import { type PulseRound, readOpenRounds, readPlantMap, readQuestions, readRound } from '../pulse/rounds';
import { RATE_LIMITS } from '../rateLimits';
import { problem, type RelayAnswer, RelayProblem, type UserRoute } from '../router';
import type { SetupGate } from '../setupGate';
import { ensuredUserId, NOT_A_SITE_USER, sharePointProblem } from '../sharepoint';

export interface PulseRouteOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  /** Nothing is read or written until SE_Responses and SE_Participation are secured. */
  readonly gate: SetupGate;
  /** The pulse keys (SE_PULSE_KEYS); without them the relay collects no answer. */
  readonly keys?: PulseKeyring;
  /** The person's directory facts (Graph, with the relay's identity). */
  readonly facts?: PulseFactsSource;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
  /** For the inbox items' shuffles and the waits after a write conflict; the secure `shuffleRandom` unless given. */
  readonly random?: () => number;
}

/** What `POST /api/pulse/answers` answers when the answer is counted. */
export interface PulseAnswerBody {
  readonly status: 'counted';
  /** A resend finished a submission the relay had accepted before. */
  readonly resent: boolean;
}

/** "Who can see this", as the answering screen says it: one shape for the relay and the page (`src/core/pulse/answering.ts`). */
export type PulsePrivacy = PulseRoundPrivacy;

/** An open round as `GET /api/pulse/open` lists it (the shape the page reads, `PulseOpenRound`). */
export type OpenRoundBody = PulseOpenRound;

const PLANT_MAP_FOR_MS = 5 * 60 * 1000;

const NO_KEYS = (): RelayProblem =>
  new RelayProblem(problem(502, 'relayMisconfigured', 'The relay has no pulse keys (SE_PULSE_KEYS). Tell your IT admin.'), new Error('SE_PULSE_KEYS is not set: no pulse answer is collected.'));

/** The person's language among the survey's: the same tag, else the same language, else the first. */
export function startLanguage(languages: readonly string[], preferred: string | undefined): string {
  const wanted = (preferred ?? '').toLowerCase();
  const exact = languages.find((l) => l.toLowerCase() === wanted);
  const sameLanguage = languages.find((l) => wanted !== '' && l.toLowerCase().split('-')[0] === wanted.split('-')[0]);
  return exact ?? sameLanguage ?? languages[0] ?? 'en-us';
}

function privacyOf(round: PulseRound): PulsePrivacy {
  return {
    anonymous: true,
    groupAttributes: ['site', 'line', 'crew', 'employmentType', 'tenureBand'],
    minGroupSize: round.minGroupSize,
    minCommentGroupSize: round.minCommentGroupSize,
    commentsReadBy: ['hr', 'leader'],
    resultsFrom: round.closesAt
  };
}

export function pulseRoutes(options: PulseRouteOptions): UserRoute[] {
  const now = (): Date => new Date((options.now ?? Date.now)());
  const log = options.log ?? (() => undefined);
  let plant: { readonly map: Promise<PlantMap>; readonly until: number } | undefined;

  function plantMap(sp: SPFI): Promise<PlantMap> {
    if (!plant || now().getTime() >= plant.until) {
      const map = readPlantMap(sp, log);
      // A failed read is not kept.
      map.catch(() => {
        plant = undefined;
      });
      plant = { map, until: now().getTime() + PLANT_MAP_FOR_MS };
    }
    return plant.map;
  }

  async function personOf(sp: SPFI, caller: Caller): Promise<{ person: PulsePerson; facts: DirectoryFacts; map: PlantMap }> {
    if (!options.facts) {
      throw new RelayProblem(problem(502, 'relayMisconfigured', 'The relay cannot read the directory. Tell your IT admin.'), new Error('No directory facts source.'));
    }
    const [facts, map] = await Promise.all([options.facts(caller.userPrincipalName, now()), plantMap(sp)]);
    const person: PulsePerson = {
      siteCode: siteForOffice(map, facts.officeLocation)?.code,
      department: facts.department,
      crewKeys: facts.teamIds,
      employmentType: facts.employmentType
    };
    return { person, facts, map };
  }

  async function openRounds(caller: Caller): Promise<RelayAnswer> {
    const refusal = await options.gate.refusal();
    if (refusal) {
      return refusal;
    }
    const sp = options.site();
    const at = now();
    const [rounds, { person, facts }, userId] = await Promise.all([readOpenRounds(sp, at, log), personOf(sp, caller), ensuredUserId(sp, memberLogin(caller.userPrincipalName))]);
    const mine = rounds.filter((round) => inAudience(person, round.audience));
    const body: OpenRoundBody[] = [];
    for (const round of mine) {
      const [questions, participation] = await Promise.all([
        readQuestions(sp, round, log),
        userId === undefined ? Promise.resolve(undefined) : readParticipation(sp, round.roundId, userId, false)
      ]);
      body.push({
        roundId: round.roundId,
        surveyId: round.surveyId,
        title: round.title,
        opensAt: round.opensAt,
        closesAt: round.closesAt,
        languages: round.languages,
        language: startLanguage(round.languages, facts.preferredLanguage),
        questions,
        privacy: privacyOf(round),
        answered: participation?.status === 'counted'
      });
    }
    return { status: 200, body: { rounds: body } };
  }

  async function answer(caller: Caller, input: unknown): Promise<RelayAnswer> {
    const header = parseSubmissionHeader(input);
    if (!header.ok) {
      return problem(400, 'invalidInput', `The answer is not valid (${header.error}).`, { field: header.error });
    }
    const keys = options.keys;
    if (!keys) {
      throw NO_KEYS();
    }
    const refusal = await options.gate.refusal();
    if (refusal) {
      return refusal;
    }
    const sp = options.site();
    const at = now();
    const round = await readRound(sp, header.roundId, at, log);
    if (!round) {
      return problem(404, 'notFound', 'There is no such pulse round.');
    }
    if (round.timing === 'notYetOpen') {
      return problem(409, 'roundNotOpen', 'This pulse round is not open yet.');
    }
    if (round.timing === 'closed') {
      return problem(409, 'roundClosed', 'This pulse round is closed.');
    }
    const questions = await readQuestions(sp, round, log);
    const parsed = parseSubmission(input, questions);
    if (!parsed.ok) {
      return problem(400, 'invalidInput', `The answer is not valid (${parsed.error}).`, { field: parsed.error });
    }
    const { submission } = parsed;
    const userId = await ensuredUserId(sp, memberLogin(caller.userPrincipalName));
    if (userId === undefined) {
      return NOT_A_SITE_USER();
    }

    const ALREADY = (): RelayAnswer => ({ ...problem(409, 'alreadyAnswered', 'You have already answered this round.'), counted: false });
    const NOT_IN_AUDIENCE = (): RelayAnswer => problem(403, 'notInAudience', 'This pulse round is not asked of you.');
    let who: ReturnType<typeof personOf> | undefined;
    const facts = (): ReturnType<typeof personOf> => {
      who = who ?? personOf(sp, caller);
      return who;
    };

    let record: ParticipationRecord | undefined;
    let token = keys.token(round.roundId, submission.submissionKey);
    let resent = false;
    for (let attempt = 1; ; attempt += 1) {
      if (attempt > 4) {
        throw new RelayProblem(problem(503, 'unavailable', 'The answer could not be recorded now. Try again shortly.', { retryAfterSeconds: 5 }), new Error('participation kept changing'));
      }
      const existing = await readParticipation(sp, round.roundId, userId);
      // A pending record made with an older key is still this submission's.
      const mine = existing?.token !== undefined && keys.isTokenOf(existing.token, round.roundId, submission.submissionKey);
      const step = participationStep(existing, mine ? (existing?.token as string) : token);
      if (step === 'alreadyAnswered') {
        return ALREADY();
      }
      if (step === 'finish') {
        record = existing;
        token = existing?.token as string;
        resent = true;
        break;
      }
      if (!inAudience((await facts()).person, round.audience)) {
        return NOT_IN_AUDIENCE();
      }
      if (step === 'start') {
        record = await startParticipation(sp, round.roundId, userId, token);
        if (record.status === 'counted') {
          return ALREADY();
        }
        if (record.token !== token) {
          // Another submission of this person won the race: settle it as any other.
          continue;
        }
        break;
      }
      // settleOther: another submission of this person is pending. Counted if its answer is in
      // the inbox or a box; still being stored (written lately): that one stands; left unfinished (its
      // request failed long ago, and its device has not sent it again): this one takes over.
      const other = existing as ParticipationRecord;
      if (other.token !== undefined && (await isStored(sp, keys, round.roundId, other.token, log))) {
        await updateParticipation(sp, other, 'counted', undefined);
        return ALREADY();
      }
      if (!(at.getTime() - other.modified > PENDING_STALE_MS)) {
        return ALREADY();
      }
      if (await updateParticipation(sp, other, 'pending', token)) {
        record = await readParticipation(sp, round.roundId, userId);
        if (record?.token === token) {
          break;
        }
      }
    }

    const { person, facts: directory, map } = await facts();
    const groups = groupAttributes(person, { plantMap: map, hireDate: directory.hireDate, now: at });
    // The scores and every comment in one parcel, one write: the timer puts the scores in one
    // entry and each comment in an entry of its own (with the author's tag, without the scores or
    // the day), each in the slot of its own token.
    const keyId = token.slice(0, token.indexOf(':'));
    const commentKeys = Object.keys(submission.comments);
    const parcel: Parcel = {
      token,
      day: entryDay(at),
      groups,
      answers: submission.answers,
      comments: commentKeys.map((questionKey) => ({
        questionKey,
        token: keys.token(round.roundId, `${submission.submissionKey}|comment|${questionKey}`, keyId),
        text: submission.comments[questionKey]
      })),
      ...(commentKeys.length > 0 ? { author: keys.authorTag(round.roundId, caller.objectId) } : {})
    };
    const stored = await postParcel(sp, keys, parcel, { roundId: round.roundId, surveyId: round.surveyId, bucket: parcelBucket(questions), random: options.random, log });
    if (stored === 'present' && !resent) {
      // This person's first try, yet an answer already stands under its submission key: someone
      // else's (a device that made the same key). Nothing of this one is kept or counted.
      await dropParticipation(sp, record as ParticipationRecord);
      return { ...problem(409, 'submissionKeyUsed', 'This answer was sent with a key that is already used. Send it again.'), counted: false };
    }
    // Counted, and the token gone: nothing kept links this record to the entry.
    for (let attempt = 1; !(await updateParticipation(sp, record as ParticipationRecord, 'counted', undefined)); attempt += 1) {
      const again = await readParticipation(sp, round.roundId, userId);
      if (!again || again.status === 'counted' || attempt >= 4) {
        break;
      }
      record = again;
    }
    const body: PulseAnswerBody = { status: 'counted', resent };
    return { status: 200, body, counted: !resent };
  }

  return [
    {
      method: 'GET',
      path: '/api/pulse/open',
      userToken: { scope: RELAY_SCOPE },
      body: 'none',
      rateLimit: RATE_LIMITS.pulseOpen,
      handle: async ({ caller }) => {
        try {
          return await openRounds(caller);
        } catch (error) {
          throw error instanceof RelayProblem ? error : sharePointProblem(error, 'read the open pulse rounds');
        }
      }
    },
    {
      method: 'POST',
      path: '/api/pulse/answers',
      userToken: { scope: RELAY_SCOPE },
      body: { maxCharacters: 32 * 1024 },
      rateLimit: RATE_LIMITS.pulseAnswers,
      handle: async ({ caller, body }) => {
        try {
          return await answer(caller, body);
        } catch (error) {
          throw error instanceof RelayProblem ? error : sharePointProblem(error, 'record the answer');
        }
      }
    }
  ];
}
