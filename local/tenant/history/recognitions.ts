/**
 * Eight weeks of the recognition wall: peer and leader recognitions, crew awards (one item per
 * member, one BatchId), milestones and service anniversaries, reactions (one per person),
 * privacy preferences and one reported recognition.
 */
import { reactionKey, recognitionRequestKey, personKey, reportKey } from '../../../src/core/models/keys';
import { REACTION_KINDS } from '../../../src/core/models/recognition';
import type { Person } from '../directory';
import { teamIdOf } from '../rosters';
import { CrewPeople, DAY_MS, HistoryContext, momentOnShift, spDate } from './common';
import { CREW_AWARDS, fill, IMPACTS, MESSAGES, MILESTONES, seedLanguageOf } from './messages';

const RECOGNITIONS = 'SE_Recognitions';
const WINDOW_DAYS = 56;

interface RecognitionInput {
  recipient: Person;
  giver: Person | undefined;
  kind: string;
  valueKey: string;
  message: string;
  impact?: string;
  at: Date;
  shift?: string;
  visibility?: string;
  status?: string;
  batchId?: string;
  milestoneKind?: string;
  requestId?: string;
  crew?: CrewPeople;
}

interface Written {
  readonly id: number;
  readonly recipient: Person;
  readonly giverId: number;
  readonly created: Date;
  readonly visibility: string;
  readonly crew?: CrewPeople;
  readonly status: string;
}

export interface RecognitionHistory {
  readonly recognitionIds: readonly number[];
  readonly reportedId?: number;
}

export function seedRecognitions(context: HistoryContext, valueKeys: readonly string[]): RecognitionHistory {
  const { rng } = context;
  const written: Written[] = [];

  const write = (input: RecognitionInput): number => {
    const requestId = input.requestId ?? rng.guid();
    const clientRequestId = recognitionRequestKey(requestId, input.recipient.spUserId);
    const visibility = input.visibility ?? 'everyone';
    const giverId = input.giver ? input.giver.spUserId : context.relaySpUserId;
    const values: Record<string, unknown> = {
      Title: clientRequestId,
      RecipientId: input.recipient.spUserId,
      Kind: input.kind,
      ValueKey: input.valueKey,
      Message: input.message,
      SiteCode: input.recipient.siteCode,
      Visibility: visibility,
      Status: input.status ?? 'published',
      ClientRequestId: clientRequestId
    };
    if (input.impact) {
      values.Impact = input.impact;
    }
    if (input.recipient.lineCode) {
      values.LineCode = input.recipient.lineCode;
    }
    if (input.shift) {
      values.ShiftCode = input.shift;
    }
    if (input.recipient.crewKey) {
      // The crew's Teams team id, as the product writes it (the seed's crew key is its own name).
      values.CrewKey = teamIdOf(input.recipient.crewKey);
    }
    if (input.batchId) {
      values.BatchId = input.batchId;
    }
    if (input.milestoneKind) {
      values.MilestoneKind = input.milestoneKind;
    }
    if (input.giver) {
      values.GiverId = giverId;
    }
    // Written by the relay, as the product writes every post; the giver is in Giver.
    const id = context.add(RECOGNITIONS, values, context.relaySpUserId, input.at);
    written.push({
      id,
      recipient: input.recipient,
      giverId,
      created: input.at,
      visibility,
      crew: input.crew,
      status: input.status ?? 'published'
    });
    return id;
  };

  // Collected first, then written in time order so item ids grow with Created, as on a real wall.
  const pending: RecognitionInput[] = [];
  const schedule = (input: RecognitionInput): void => {
    pending.push(input);
  };

  const pickValue = (): string => rng.pick(valueKeys);
  const message = (giver: Person, valueKey: string, recipient: Person): { message: string; impact?: string } => {
    const language = seedLanguageOf(giver.preferredLanguage);
    const texts = MESSAGES[valueKey] ?? MESSAGES.quality;
    const impacts = IMPACTS[valueKey] ?? IMPACTS.quality;
    return {
      message: fill(rng.pick(texts[language]), { name: recipient.givenName }),
      impact: rng.chance(0.55) ? rng.pick(impacts[language]) : undefined
    };
  };

  // Peer and leader recognitions: ~330 over eight weeks.
  for (let i = 0; i < 330; i += 1) {
    const crew = rng.pick(context.crews);
    const leaderGives = rng.chance(0.22);
    const giver = leaderGives ? crew.leader : rng.pick(crew.operators);
    const sameLine = context.crews.filter((c) => c.crew.line.code === crew.crew.line.code);
    const recipientCrew = !leaderGives && rng.chance(0.15) ? rng.pick(sameLine) : crew;
    const candidates = (leaderGives ? recipientCrew.operators : recipientCrew.everyone).filter((p) => p.id !== giver.id);
    if (candidates.length === 0) {
      continue;
    }
    const recipient = rng.pick(candidates);
    const moment = momentOnShift(context, recipientCrew.crew, rng.int(1, WINDOW_DAYS - 8));
    if (!moment) {
      continue;
    }
    const valueKey = pickValue();
    const text = message(giver, valueKey, recipient);
    const roll = rng.next();
    const visibility = roll < 0.86 ? 'everyone' : roll < 0.95 ? 'crew' : 'private';
    schedule(
      {
        recipient,
        giver,
        kind: leaderGives ? 'leader' : 'peer',
        valueKey,
        message: text.message,
        impact: text.impact,
        at: moment.at,
        shift: moment.shift,
        visibility,
        crew: recipientCrew
      });
  }

  // Crew awards: one item per member, one BatchId and one request id.
  for (let i = 0; i < 7; i += 1) {
    const crew = rng.pick(context.crews);
    const moment = momentOnShift(context, crew.crew, rng.int(2, WINDOW_DAYS - 8));
    if (!moment) {
      continue;
    }
    const giver = rng.chance(0.5) ? crew.leader : context.directory.byId(crew.leader.managerId ?? '') ?? crew.leader;
    const text = rng.pick(CREW_AWARDS[seedLanguageOf(giver.preferredLanguage)]);
    const batchId = rng.guid();
    const requestId = rng.guid();
    const valueKey = rng.pick(['team-spirit', 'quality', 'safety'].filter((k) => valueKeys.includes(k)).concat(valueKeys.slice(0, 1)));
    for (const recipient of crew.everyone.filter((p) => p.id !== giver.id)) {
      schedule({ recipient, giver, kind: 'crew', valueKey, message: text, at: moment.at, shift: moment.shift, batchId, requestId, crew });
    }
  }

  // Crew milestones (safety and zero-defect streaks), created by the product's rules (the relay account).
  for (let i = 0; i < 4; i += 1) {
    const crew = rng.pick(context.crews);
    const milestoneKind = i % 2 === 0 ? 'safety-streak' : 'zero-defect-streak';
    const at = new Date(context.today.getTime() - rng.int(2, WINDOW_DAYS - 2) * DAY_MS);
    const batchId = rng.guid();
    const requestId = rng.guid();
    const language = seedLanguageOf(crew.crew.site.language);
    for (const recipient of crew.everyone) {
      schedule(
        {
          recipient,
          giver: undefined,
          kind: 'milestone',
          valueKey: milestoneKind === 'safety-streak' ? 'safety' : 'quality',
          message: MILESTONES[milestoneKind][language][0],
          at,
          batchId,
          requestId,
          milestoneKind,
          crew
        });
    }
  }

  // Service anniversaries that fell in the window.
  for (const person of context.people) {
    const hired = new Date(`${person.employeeHireDate}T00:00:00Z`);
    const years = context.today.getUTCFullYear() - hired.getUTCFullYear();
    const anniversary = new Date(Date.UTC(context.today.getUTCFullYear(), hired.getUTCMonth(), hired.getUTCDate(), 7));
    const age = (context.today.getTime() - anniversary.getTime()) / DAY_MS;
    if (years >= 1 && age > 0 && age < WINDOW_DAYS) {
      const language = seedLanguageOf(person.preferredLanguage);
      schedule(
        {
          recipient: person,
          giver: undefined,
          kind: 'anniversary',
          valueKey: 'team-spirit',
          message: fill(MILESTONES['service-anniversary'][language][0], { years, name: person.givenName }),
          at: anniversary,
          milestoneKind: 'service-anniversary',
          crew: person.crewKey ? context.crewByKey.get(person.crewKey) : undefined
        });
    }
  }

  pending.sort((a, b) => a.at.getTime() - b.at.getTime());
  // Moderation history: one recognition reported and waiting for a decision, one hidden after an upheld report.
  const moderatable = pending.filter((p) => (p.kind === 'peer' || p.kind === 'leader') && p.visibility === 'everyone');
  if (moderatable.length >= 2) {
    moderatable[Math.floor(moderatable.length * 0.85)].status = 'reported';
    moderatable[Math.floor(moderatable.length * 0.4)].status = 'hidden';
  }
  for (const input of pending) {
    write(input);
  }

  seedReactions(context, written);
  const reportedId = seedReports(context, written);
  seedPreferences(context);
  return { recognitionIds: written.map((w) => w.id), reportedId };
}

function seedReactions(context: HistoryContext, written: readonly Written[]): void {
  const { rng } = context;
  for (const item of written) {
    if (item.visibility === 'private' || !item.crew) {
      continue;
    }
    const pool = item.crew.everyone;
    const count = Math.min(pool.length, rng.int(0, 5));
    for (const reactor of rng.shuffle(pool).slice(0, count)) {
      const key = reactionKey(item.id, reactor.spUserId);
      const at = new Date(Math.min(context.today.getTime() - 60000, item.created.getTime() + rng.int(5, 60 * 30) * 60000));
      context.add('SE_Reactions', { Title: key, RecognitionId: item.id, Kind: rng.pick(REACTION_KINDS), ReactionKey: key }, reactor.spUserId, at);
    }
  }
}

/** An open report on the `reported` recognition and an upheld one on the `hidden` recognition, as the relay writes them. */
function seedReports(context: HistoryContext, written: readonly Written[]): number | undefined {
  const { rng } = context;
  let reportedId: number | undefined;
  for (const item of written.filter((w) => w.status === 'reported' || w.status === 'hidden')) {
    const reporter = rng.pick(
      (item.crew?.everyone ?? context.people).filter((p) => p.spUserId !== item.giverId && p.id !== item.recipient.id)
    );
    const key = reportKey(item.id, reporter.spUserId);
    const reportedAt = new Date(Math.min(context.today.getTime() - 3600000, item.created.getTime() + 6 * 3600000));
    const language = seedLanguageOf(reporter.preferredLanguage);
    const values: Record<string, unknown> = {
      Title: key,
      RecognitionId: item.id,
      Reason: {
        sv: 'Meddelandet hänger ut en kollega.',
        nl: 'Dit bericht zet een collega op een vervelende manier te kijk.',
        en: 'The message singles out a colleague in an unkind way.'
      }[language],
      Status: item.status === 'reported' ? 'open' : 'upheld',
      ReportKey: key,
      ReporterId: reporter.spUserId
    };
    if (item.status === 'hidden') {
      const hr = context.hrAt(item.recipient.siteCode);
      values.DecidedById = hr.spUserId;
      values.DecidedAt = spDate(new Date(Math.min(context.today.getTime() - 60000, reportedAt.getTime() + DAY_MS)));
      values.DecisionNote = 'Hidden after talking with both colleagues.';
    } else {
      reportedId = item.id;
    }
    // Reports come through the relay: its identity is the Author, the reporter is in Reporter.
    context.add('SE_Reports', values, context.relaySpUserId, reportedAt);
  }
  return reportedId;
}

function seedPreferences(context: HistoryContext): void {
  const { rng } = context;
  const chosen = rng.shuffle(context.people.filter((p) => p.role === 'operator')).slice(0, 9);
  chosen.forEach((person, index) => {
    const values: Record<string, unknown> = {
      Title: personKey(person.loginName),
      PersonId: person.spUserId,
      PersonKey: personKey(person.loginName),
      HideFromPublicWall: index < 5,
      NotifyOnRecognition: index !== 5 && index !== 6
    };
    if (index >= 6) {
      values.PreferredLanguage = person.preferredLanguage.toLowerCase();
    }
    if (index === 7 || index === 8) {
      values.QuietHours = JSON.stringify({ from: '22:00', to: '06:00' });
    }
    context.add('SE_Preferences', values, person.spUserId, new Date(context.today.getTime() - rng.int(3, 50) * DAY_MS));
  });
}
