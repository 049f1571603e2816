/**
 * Pulse history: a monthly pulse for both sites with one closed and one open round, and a crew
 * check-in HR sent to one crew by name (the workbench personas' Weld A) with one closed round,
 * which makes the crew's team leader a leader for the pulse (results, threads, plans). For each
 * round: participation (counted, in a shuffled order) and answers in the relay's encrypted ballot
 * boxes (sealed with the local relay's key through `packRound`, as the relay's own writes leave
 * them; site user 9, never the respondent). Anonymous comment threads with replies and "you said,
 * we did" action plans on the monthly pulse; the crew's comments wait for their leader's reply.
 */
import { participationKey, roundKey } from '../../../src/core/models/keys';
import { parsePlantMap } from '../../../src/core/plant/plantMap';
import type { PlantMap } from '../../../src/core/plant/types';
import { groupAttributes } from '../../../src/core/pulse/audience';
import type { BallotEntry, CommentEntry } from '../../../src/core/pulse/ballot';
import { type PulseKeyring, pulseKeyring } from '../../../relay/src/pulse/envelope';
import { type SealedMessage, sealedMessageItem, threadIdOf } from '../../../relay/src/pulse/threadsStore';
import { packRound } from '../../../relay/src/pulse/pack';
import { localPulseKeys } from '../../relay/pulseKeys';
import type { Person } from '../directory';
import { personas } from '../personas';
import { plantMapSetting } from '../plantModel';
import type { Random } from '../random';
import { teamIdOf } from '../rosters';
import { DAY_MS, HistoryContext, spDate } from './common';
import { seedLanguageOf } from './messages';
import { seedPublishedPlans } from './plans';

export interface QuestionInfo {
  readonly key: string;
  readonly kind: string;
  readonly driver: string;
}

const PULSE_KEYS = [
  'part-of-team',
  'safe-to-speak-up',
  'leader-listens',
  'say-in-shifts',
  'recognised-recently',
  'recommend-workplace',
  'look-forward-to-work',
  'one-thing-better'
];

const COMMENTS: Record<'sv' | 'nl' | 'en', readonly string[]> = {
  sv: [
    'Schemat för nästa månad kommer för sent, det är svårt att planera hämtning på förskolan.',
    'Bra att vi fick nya skyddshandskar, de gamla var för tjocka för finjusteringen.',
    'Fler korta genomgångar vid skiftbyte, vi missar information mellan skiften.',
    'Pausrummet på nattskiftet behöver en fungerande mikrovågsugn.'
  ],
  nl: [
    'Het rooster van volgende maand komt te laat, lastig met de kinderopvang.',
    'Fijn dat er nieuwe werkhandschoenen zijn, de oude waren te dik voor het fijne werk.',
    'Meer korte overdrachten bij de dienstwissel, we missen informatie tussen de diensten.',
    'De kantine is ’s nachts dicht, een automaat met warm eten zou helpen.'
  ],
  en: [
    'The roster for next month comes out too late to plan childcare.',
    'Good that we got new gloves, the old ones were too thick for fine adjustments.',
    'More short handovers at shift change, we lose information between shifts.',
    'The break room on nights needs a working microwave.'
  ]
};

const REPLIES: Record<'sv' | 'nl' | 'en', string> = {
  sv: 'Tack för att du skriver! Vi tar upp det på nästa ledningsmöte och återkommer här.',
  nl: 'Dank voor je reactie! We bespreken het in het volgende MT-overleg en komen hier op terug.',
  en: 'Thanks for writing this! We will take it to the next leadership meeting and reply here.'
};

const ANSWERS_BACK: Record<'sv' | 'nl' | 'en', string> = {
  sv: 'Tack för svaret. Det gäller mest nattskiftet.',
  nl: 'Dank voor het antwoord. Het gaat vooral om de nachtdienst.',
  en: 'Thanks for the answer. It is mostly the night shift.'
};

/** The crew check-in: shorter, about the crew and its leader, with the comment question. */
const CHECK_IN_KEYS = ['part-of-team', 'safe-to-speak-up', 'leader-listens', 'learned-something-new', 'recommend-workplace', 'one-thing-better'];

/** The operator persona's comment on the crew check-in (Swedish, her language): no reply is seeded, her leader writes one. */
export const OPERATOR_CHECK_IN_COMMENT = 'Robotcellen står still varje gång fixturen byts. Med en andra fixtur kunde vi byta medan roboten svetsar.';

/** The check-in comments on swapping shifts (the last of each language), which the crew's plan quotes. */
const SHIFT_SWAP_COMMENTS: readonly string[] = [
  'Att byta ett skift betyder att jaga tre personer och fylla i en pappersblankett.',
  'Een dienst ruilen betekent drie mensen achterna zitten en een papieren formulier invullen.',
  'Swapping a shift means chasing three people and filling in a paper form.'
];

const CHECK_IN_COMMENTS: Record<'sv' | 'nl' | 'en', readonly string[]> = {
  sv: [
    'Bra genomgång efter ombyggnaden, men vi behöver mer tid att öva på det nya svetsprogrammet.',
    'Utsuget vid den manuella svetsplatsen räcker inte när båda cellerna kör.',
    'Att byta ett skift betyder att jaga tre personer och fylla i en pappersblankett.'
  ],
  nl: [
    'Goede uitleg na de verbouwing, maar we hebben meer tijd nodig om met het nieuwe lasprogramma te oefenen.',
    'De afzuiging bij de handmatige lasplek is te zwak als beide cellen draaien.',
    'Een dienst ruilen betekent drie mensen achterna zitten en een papieren formulier invullen.'
  ],
  en: [
    'Good walkthrough after the rebuild, but we need more time to practise the new welding program.',
    'The extraction at the manual welding station is too weak when both cells run.',
    'Swapping a shift means chasing three people and filling in a paper form.'
  ]
};

/** The thresholds HR keeps on every seeded survey and round (the product's floor). */
const THRESHOLDS = { MinGroupSize: 5, MinCommentGroupSize: 10 } as const;

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

function isoDay(date: Date): string {
  return `${date.toISOString().slice(0, 10)}T00:00:00Z`;
}

/** What every seeded round's answers are written with. */
interface PulseSetting {
  readonly context: HistoryContext;
  readonly keys: PulseKeyring;
  readonly plantMap: PlantMap;
  readonly known: ReadonlyMap<string, QuestionInfo>;
  readonly hr: Person;
}

/** A survey as HR saved it; its id. */
function addSurvey(setting: PulseSetting, title: string, definition: object, status: string, cadence: string, created: Date): number {
  return setting.context.add(
    'SE_Surveys',
    { Title: title, Definition: JSON.stringify(definition), Status: status, Cadence: cadence, ...THRESHOLDS },
    setting.hr.spUserId,
    created
  );
}

interface SeededRound {
  readonly surveyId: number;
  readonly roundId: number;
  readonly opensAt: Date;
  readonly closesAt: Date;
}

/** A round HR put in, thresholds locked: opening at 04:00 UTC on the day of `opens`, closing at 22:00 UTC on the day of `closes`. */
function addRound(setting: PulseSetting, surveyId: number, number: number, opens: Date, closes: Date, status: string): SeededRound {
  const opensAt = new Date(Date.UTC(opens.getUTCFullYear(), opens.getUTCMonth(), opens.getUTCDate(), 4));
  const closesAt = new Date(Date.UTC(closes.getUTCFullYear(), closes.getUTCMonth(), closes.getUTCDate(), 22));
  const key = roundKey(surveyId, number);
  const roundId = setting.context.add(
    'SE_SurveyRounds',
    {
      Title: key,
      SurveyId: surveyId,
      RoundNumber: number,
      RoundKey: key,
      OpensAt: spDate(opensAt),
      ClosesAt: spDate(closesAt),
      Status: status,
      ThresholdsLocked: true,
      ...THRESHOLDS
    },
    setting.hr.spUserId,
    new Date(opensAt.getTime() - 2 * DAY_MS)
  );
  return { surveyId, roundId, opensAt, closesAt };
}

/** A respondent's comment: its text, and the guid its token is made from (drawn where the comment's other draws are). */
interface SeededComment {
  readonly guid: string;
  readonly text: string;
}

interface RoundAnswers {
  readonly questionKeys: readonly string[];
  /** A respondent's usual answer on the five-point scale (their crew's climate). */
  meanOf(person: Person): number;
  /** What a respondent wrote to the text question, if anything; asked once per respondent, in order. */
  commentOf(person: Person): SeededComment | undefined;
}

/**
 * The answers of a round's `participants`, written as the relay leaves them: who answered (never
 * what), counted, in a shuffled order; what was answered (never who) in the encrypted ballot
 * boxes; comments apart from the scores with their author's tag. Returns the comment entries.
 */
function writeAnswers(setting: PulseSetting, rng: Random, round: SeededRound, participants: readonly Person[], answers: RoundAnswers): CommentEntry[] {
  const { context, keys, known } = setting;
  const { roundId, opensAt } = round;
  const lastDay = Math.min(round.closesAt.getTime(), context.today.getTime() - DAY_MS);
  const days = Math.max(1, Math.floor((lastDay - opensAt.getTime()) / DAY_MS) + 1);
  const dayOf = new Map<Person, Date>();
  for (const person of participants) {
    dayOf.set(person, new Date(opensAt.getTime() + rng.int(0, days - 1) * DAY_MS));
  }
  // Who answered (never what): counted, no token, written by the relay in a shuffled order…
  for (const person of rng.shuffle(participants)) {
    const pkey = participationKey(roundId, person.spUserId);
    const day = new Date(isoDay(dayOf.get(person) ?? opensAt));
    context.add(
      'SE_Participation',
      { Title: pkey, RoundId: roundId, ParticipantId: person.spUserId, ParticipationKey: pkey, Status: 'counted' },
      context.relaySpUserId,
      day
    );
  }
  // …and what was answered (never who): entries in the relay's encrypted ballot boxes, sealed
  // with the local relay's key, exactly as the relay's own writes leave them.
  const entries: BallotEntry[] = participants.map((person) => {
    const mean = answers.meanOf(person);
    const scores: Record<string, number> = {};
    for (const questionKey of answers.questionKeys) {
      const question = known.get(questionKey);
      const noise = (rng.next() + rng.next() - 1) * 2;
      if (question?.kind === 'likert5') {
        scores[questionKey] = clamp(Math.round(mean + noise), 1, 5);
      } else if (question?.kind === 'enps11') {
        scores[questionKey] = clamp(Math.round(((mean - 1) / 4) * 10 + noise * 1.5), 0, 10);
      }
    }
    const crewKeys = person.crewKey ? [teamIdOf(person.crewKey)] : [];
    const groups = groupAttributes(
      { siteCode: person.siteCode, department: person.department, crewKeys, employmentType: person.employeeType },
      { plantMap: setting.plantMap, hireDate: person.employeeHireDate, now: dayOf.get(person) ?? opensAt }
    );
    return { kind: 'answers', token: keys.token(roundId, rng.guid()), day: isoDay(dayOf.get(person) ?? opensAt).slice(0, 10), groups, answers: scores };
  });
  // Comments, kept apart from their scores with their author tag.
  const textKey = answers.questionKeys.find((key) => known.get(key)?.kind === 'text');
  if (textKey) {
    participants.forEach((person, index) => {
      const comment = answers.commentOf(person);
      if (!comment) {
        return;
      }
      entries.push({
        kind: 'comment',
        token: keys.token(roundId, comment.guid),
        groups: entries[index].groups,
        questionKey: textKey,
        text: comment.text,
        author: keys.authorTag(roundId, person.id)
      });
    });
  }
  for (const box of packRound(keys, roundId, entries, () => rng.next())) {
    // A box's Created is the round's opening day: nothing in it dates an answer.
    context.add(
      'SE_Responses',
      { Title: box.title, RoundId: roundId, SurveyId: round.surveyId, BoxKey: box.boxKey, Envelope: box.envelope },
      context.relaySpUserId,
      new Date(isoDay(opensAt))
    );
  }
  return entries.filter((entry): entry is CommentEntry => entry.kind === 'comment');
}

export function seedPulse(context: HistoryContext, questions: readonly QuestionInfo[]): void {
  const { rng, today } = context;
  const known = new Map(questions.map((q) => [q.key, q]));
  const setting: PulseSetting = {
    context,
    keys: pulseKeyring(localPulseKeys()),
    plantMap: parsePlantMap(JSON.stringify(plantMapSetting())),
    known,
    hr: context.hrAt('GOT')
  };
  const questionKeys = PULSE_KEYS.filter((key) => known.has(key));
  const surveyId = addSurvey(
    setting,
    'Monthly pulse',
    { questionKeys, languages: ['en-us', 'nl-nl', 'sv-se'], audience: { siteCodes: ['GOT', 'EIN'] }, roundLengthDays: 14 },
    'open',
    'monthly',
    new Date(today.getTime() - 70 * DAY_MS)
  );
  addSurvey(
    setting,
    'Onboarding check-in',
    {
      questionKeys: ['part-of-team', 'learned-something-new', 'safe-to-speak-up'].filter((key) => known.has(key)),
      languages: ['en-us', 'nl-nl', 'sv-se'],
      audience: {},
      roundLengthDays: 14
    },
    'draft',
    'once',
    new Date(today.getTime() - 10 * DAY_MS)
  );

  const rounds = [
    { number: 1, opens: new Date(today.getTime() - 35 * DAY_MS), closes: new Date(today.getTime() - 21 * DAY_MS), status: 'closed', rate: 0.72 },
    { number: 2, opens: new Date(today.getTime() - 6 * DAY_MS), closes: new Date(today.getTime() + 8 * DAY_MS), status: 'open', rate: 0.38 }
  ];
  const audience = context.people.filter((p) => p.crewKey !== undefined);
  const quietCrew = context.crews.length > 0 ? context.crews[context.crews.length - 1].crew.key : undefined;
  const climate = new Map<string, number>();
  for (const crew of context.crews) {
    climate.set(crew.crew.key, 3.1 + rng.next() * 1.2);
  }

  const roundIds: number[] = [];
  const commentsByRound = new Map<number, CommentEntry[]>();
  for (const round of rounds) {
    const seeded = addRound(setting, surveyId, round.number, round.opens, round.closes, round.status);
    roundIds.push(seeded.roundId);
    // One crew hardly answers (a night crew that was on a shutdown): too few to show on its own.
    const participants = audience.filter((person) => rng.chance(person.crewKey !== undefined && person.crewKey === quietCrew ? round.rate / 3 : round.rate));
    // About one in five also wrote a comment.
    const commentRng = rng.fork(`pulse-comments-${round.number}`);
    const comments = writeAnswers(setting, rng, seeded, participants, {
      questionKeys,
      meanOf: (person) => climate.get(person.crewKey ?? '') ?? 3.6,
      commentOf: (person) => {
        if (!commentRng.chance(0.2)) {
          return undefined;
        }
        const language = commentRng.chance(0.2) ? 'en' : seedLanguageOf(person.preferredLanguage);
        const guid = commentRng.guid();
        return { guid, text: COMMENTS[language][commentRng.int(0, COMMENTS[language].length - 1)] };
      }
    });
    commentsByRound.set(seeded.roundId, comments);
  }

  seedThreads(context, setting.keys, roundIds[0], commentsByRound.get(roundIds[0]) ?? []);
  const checkIn = seedCrewCheckIn(setting, climate);
  // The crew's leader quotes the check-in's comment on swapping shifts, by its thread.
  const swap = checkIn?.comments.find((entry) => SHIFT_SWAP_COMMENTS.indexOf(entry.text) >= 0);
  seedPublishedPlans(
    context,
    { surveyId, roundId: roundIds[0] },
    checkIn && swap ? { surveyId: checkIn.surveyId, roundId: checkIn.roundId, teamId: checkIn.teamId, threadId: threadIdOf(setting.keys, checkIn.roundId, swap) } : undefined
  );
}

/**
 * A crew check-in HR sent to the operator persona's crew by name (its Teams team in the audience),
 * `once`, its one round closed before the monthly pulse's first opened (so the monthly pulse stays
 * the newest round with results). Naming the crew makes its team owners its leaders for the pulse;
 * with at least the comment minimum answering, the crew's comments show to them. The operator and
 * three colleagues commented, and nobody has replied yet.
 */
function seedCrewCheckIn(
  setting: PulseSetting,
  climate: ReadonlyMap<string, number>
): { readonly surveyId: number; readonly roundId: number; readonly teamId: string; readonly comments: readonly CommentEntry[] } | undefined {
  const { context } = setting;
  const { today } = context;
  const rng = context.rng.fork('pulse-crew-check-in');
  const operator = personas(context.directory).find((choice) => choice.key === 'operator')?.person;
  const crew = operator?.crewKey ? context.crewByKey.get(operator.crewKey) : undefined;
  if (!operator || !crew) {
    return undefined;
  }
  const questionKeys = CHECK_IN_KEYS.filter((key) => setting.known.has(key));
  const surveyId = addSurvey(
    setting,
    `${crew.crew.line.label} ${crew.crew.letter} check-in`,
    { questionKeys, languages: ['en-us', 'nl-nl', 'sv-se'], audience: { crewKeys: [crew.teamId] }, roundLengthDays: 7 },
    'closed',
    'once',
    new Date(today.getTime() - 52 * DAY_MS)
  );
  const round = addRound(setting, surveyId, 1, new Date(today.getTime() - 45 * DAY_MS), new Date(today.getTime() - 38 * DAY_MS), 'closed');
  // Everyone on the crew when the round opened answered, but one on leave when the crew can spare
  // one and still reach the comment minimum (a smaller crew's comments stay too few to show).
  const opened = isoDay(round.opensAt).slice(0, 10);
  const onCrew = crew.everyone.filter((person) => person.employeeHireDate <= opened);
  const away = onCrew.length > THRESHOLDS.MinCommentGroupSize ? rng.pick(onCrew.filter((person) => person.id !== operator.id)) : undefined;
  const participants = onCrew.filter((person) => person !== away);
  const writers = new Set(rng.shuffle(participants.filter((person) => person.id !== operator.id)).slice(0, 3));
  let written = 0;
  const comments = writeAnswers(setting, rng, round, participants, {
    questionKeys,
    meanOf: () => climate.get(crew.crew.key) ?? 3.6,
    commentOf: (person) => {
      if (person.id === operator.id) {
        return { guid: rng.guid(), text: OPERATOR_CHECK_IN_COMMENT };
      }
      if (!writers.has(person)) {
        return undefined;
      }
      const texts = CHECK_IN_COMMENTS[seedLanguageOf(person.preferredLanguage)];
      written += 1;
      return { guid: rng.guid(), text: texts[(written - 1) % texts.length] };
    }
  });
  return { surveyId, roundId: round.roundId, teamId: crew.teamId, comments };
}

/**
 * Threads on the closed round's comments, as the relay keeps them: each message one SE_Comments
 * item with only its Title, round and a sealed Body (thread, role, kind and text inside the
 * encryption), written by the relay. Replies from HR and a line's leader, an author's answer back,
 * and a comment HR hid.
 */
function seedThreads(context: HistoryContext, keys: PulseKeyring, roundId: number | undefined, comments: readonly CommentEntry[]): void {
  if (roundId === undefined || comments.length < 4) {
    return;
  }
  const { rng, today } = context;
  const write = (comment: CommentEntry, message: Omit<SealedMessage, 'threadId'>, daysAgo: number): void => {
    const item = sealedMessageItem(keys, roundId, rng.guid(), { ...message, threadId: threadIdOf(keys, roundId, comment) });
    context.add('SE_Comments', item, context.relaySpUserId, new Date(today.getTime() - daysAgo * DAY_MS));
  };
  const languageOf = (comment: CommentEntry): 'sv' | 'nl' | 'en' => (comment.groups.site.toLowerCase() === 'got' ? 'sv' : comment.groups.site.toLowerCase() === 'ein' ? 'nl' : 'en');
  const [first, second, third, fourth] = comments;
  write(first, { kind: 'reply', role: 'hr', text: REPLIES[languageOf(first)] }, 18);
  write(first, { kind: 'answer', role: 'employee', text: ANSWERS_BACK[languageOf(first)] }, 16);
  write(second, { kind: 'reply', role: 'leader', text: REPLIES[languageOf(second)] }, 17);
  write(third, { kind: 'reply', role: 'hr', text: REPLIES[languageOf(third)] }, 15);
  write(fourth, { kind: 'hidden', role: 'hr', text: '' }, 19);
}
