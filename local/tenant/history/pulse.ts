/**
 * Pulse history: a monthly pulse with one closed and one open round, participation (counted, in
 * a shuffled order) and answers in the relay's encrypted ballot boxes (sealed with the local
 * relay's key through `packRound`, as the relay's own writes leave them; site user 9, never the
 * respondent), anonymous comment threads with replies, and "you said, we did" action plans.
 */
import { participationKey, roundKey } from '../../../src/core/models/keys';
import { parsePlantMap } from '../../../src/core/plant/plantMap';
import { groupAttributes } from '../../../src/core/pulse/audience';
import type { BallotEntry, CommentEntry } from '../../../src/core/pulse/ballot';
import { type PulseKeyring, pulseKeyring } from '../../../relay/src/pulse/envelope';
import { type SealedMessage, sealedMessageItem, threadIdOf } from '../../../relay/src/pulse/threadsStore';
import { packRound } from '../../../relay/src/pulse/pack';
import { localPulseKeys } from '../../relay/pulseKeys';
import type { Person } from '../directory';
import { plantMapSetting } from '../plantModel';
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

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

function isoDay(date: Date): string {
  return `${date.toISOString().slice(0, 10)}T00:00:00Z`;
}

export function seedPulse(context: HistoryContext, questions: readonly QuestionInfo[]): void {
  const { rng, today } = context;
  const hr = context.hrAt('GOT');
  const known = new Map(questions.map((q) => [q.key, q]));
  const questionKeys = PULSE_KEYS.filter((key) => known.has(key));
  const textKey = questionKeys.find((key) => known.get(key)?.kind === 'text');
  const createdAt = new Date(today.getTime() - 70 * DAY_MS);
  const keys = pulseKeyring(localPulseKeys());
  const plantMap = parsePlantMap(JSON.stringify(plantMapSetting()));

  const surveyId = context.add(
    'SE_Surveys',
    {
      Title: 'Monthly pulse',
      Definition: JSON.stringify({
        questionKeys,
        languages: ['en-us', 'nl-nl', 'sv-se'],
        audience: { siteCodes: ['GOT', 'EIN'] },
        roundLengthDays: 14
      }),
      Status: 'open',
      Cadence: 'monthly',
      MinGroupSize: 5,
      MinCommentGroupSize: 10
    },
    hr.spUserId,
    createdAt
  );
  context.add(
    'SE_Surveys',
    {
      Title: 'Onboarding check-in',
      Definition: JSON.stringify({
        questionKeys: ['part-of-team', 'learned-something-new', 'safe-to-speak-up'].filter((key) => known.has(key)),
        languages: ['en-us', 'nl-nl', 'sv-se'],
        audience: {},
        roundLengthDays: 14
      }),
      Status: 'draft',
      Cadence: 'once',
      MinGroupSize: 5,
      MinCommentGroupSize: 10
    },
    hr.spUserId,
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
    const opensAt = new Date(Date.UTC(round.opens.getUTCFullYear(), round.opens.getUTCMonth(), round.opens.getUTCDate(), 4));
    const closesAt = new Date(Date.UTC(round.closes.getUTCFullYear(), round.closes.getUTCMonth(), round.closes.getUTCDate(), 22));
    const key = roundKey(surveyId, round.number);
    const roundId = context.add(
      'SE_SurveyRounds',
      {
        Title: key,
        SurveyId: surveyId,
        RoundNumber: round.number,
        RoundKey: key,
        OpensAt: spDate(opensAt),
        ClosesAt: spDate(closesAt),
        Status: round.status,
        ThresholdsLocked: true,
        MinGroupSize: 5,
        MinCommentGroupSize: 10
      },
      hr.spUserId,
      new Date(opensAt.getTime() - 2 * DAY_MS)
    );
    roundIds.push(roundId);

    const lastDay = Math.min(closesAt.getTime(), today.getTime() - DAY_MS);
    const days = Math.max(1, Math.floor((lastDay - opensAt.getTime()) / DAY_MS) + 1);
    // One crew hardly answers (a night crew that was on a shutdown): too few to show on its own.
    const participants = audience.filter((person) => rng.chance(person.crewKey !== undefined && person.crewKey === quietCrew ? round.rate / 3 : round.rate));
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
      const mean = climate.get(person.crewKey ?? '') ?? 3.6;
      const answers: Record<string, number> = {};
      for (const questionKey of questionKeys) {
        const question = known.get(questionKey);
        const noise = (rng.next() + rng.next() - 1) * 2;
        if (question?.kind === 'likert5') {
          answers[questionKey] = clamp(Math.round(mean + noise), 1, 5);
        } else if (question?.kind === 'enps11') {
          answers[questionKey] = clamp(Math.round(((mean - 1) / 4) * 10 + noise * 1.5), 0, 10);
        }
      }
      const crewKeys = person.crewKey ? [teamIdOf(person.crewKey)] : [];
      const groups = groupAttributes(
        { siteCode: person.siteCode, department: person.department, crewKeys, employmentType: person.employeeType },
        { plantMap, hireDate: person.employeeHireDate, now: dayOf.get(person) ?? opensAt }
      );
      return { kind: 'answers', token: keys.token(roundId, rng.guid()), day: isoDay(dayOf.get(person) ?? opensAt).slice(0, 10), groups, answers };
    });
    // About one in five also wrote a comment, kept apart from their scores with their author tag.
    const commentRng = rng.fork(`pulse-comments-${round.number}`);
    if (textKey) {
      participants.forEach((person, index) => {
        if (!commentRng.chance(0.2)) {
          return;
        }
        const language = commentRng.chance(0.2) ? 'en' : seedLanguageOf(person.preferredLanguage);
        entries.push({
          kind: 'comment',
          token: keys.token(roundId, commentRng.guid()),
          groups: entries[index].groups,
          questionKey: textKey,
          text: COMMENTS[language][commentRng.int(0, COMMENTS[language].length - 1)],
          author: keys.authorTag(roundId, person.id)
        });
      });
    }
    commentsByRound.set(roundId, entries.filter((entry): entry is CommentEntry => entry.kind === 'comment'));
    for (const box of packRound(keys, roundId, entries, () => rng.next())) {
      // A box's Created is the round's opening day: nothing in it dates an answer.
      context.add(
        'SE_Responses',
        { Title: box.title, RoundId: roundId, SurveyId: surveyId, BoxKey: box.boxKey, Envelope: box.envelope },
        context.relaySpUserId,
        new Date(isoDay(opensAt))
      );
    }
  }

  seedThreads(context, keys, roundIds[0], commentsByRound.get(roundIds[0]) ?? []);
  seedPublishedPlans(context, { surveyId, roundId: roundIds[0] });
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
