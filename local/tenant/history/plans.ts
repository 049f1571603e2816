/**
 * The demo plant's published action plans ("you said, we did"), written as the relay writes them:
 * each plan checked by the core's rules for its writer (HR for the plant and a line, the crew's
 * leader for their crew), its columns made by the relay's own mapping (`fieldValues` in
 * relay/src/pulse/plansStore.ts), and the relay (site user 9) as author and editor, so the relay's
 * routes count them like any plan it stored. A plant writes in its own languages: Eindhoven's
 * moulding line in Dutch, a Gothenburg weld crew in Swedish, the whole plant in English.
 */
import { fieldValues } from '../../../relay/src/pulse/plansStore';
import type { PlanWriter } from '../../../src/core/pulse/plans/scope';
import type { PlanFields } from '../../../src/core/pulse/plans/types';
import { checkPlan } from '../../../src/core/pulse/plans/validate';
import { LISTS } from '../../../src/core/schema/lists';
import type { Person } from '../directory';
import { addDays, localDayOf } from '../time';
import { DAY_MS, type HistoryContext, spDate } from './common';

const F = LISTS.actionPlans.fields;

const isoDay = (day: { year: number; month: number; day: number }): string =>
  `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;

interface SeedPlan {
  readonly writer: PlanWriter;
  readonly owner: Person;
  readonly timeZone: string;
  /** Days before today it was published; days after today it is due. */
  readonly publishedDaysAgo: number;
  readonly dueInDays: number;
  readonly fields: Omit<PlanFields, 'owner' | 'dueDate' | 'roundId'>;
  /** The round the plan came from, when not the monthly pulse's. */
  readonly round?: { readonly surveyId: number; readonly roundId: number };
}

/** A released comment a crew's plan quotes: its round, its crew's team and its thread (never its words). */
export interface QuotedComment {
  readonly surveyId: number;
  readonly roundId: number;
  readonly teamId: string;
  readonly threadId: string;
}

/**
 * Adds three published plans for `round` of `surveyId` (the round the plans came from), as the
 * relay stores them; returns their ids. The weld crew's plan quotes `quoted`, a comment of the
 * crew's check-in (by its thread: the relay reads the words from the comment while HR and leaders
 * are shown it), and comes from that round. Throws when a plan breaks the core's rules (the seed
 * must write only what the relay would accept).
 */
export function seedPublishedPlans(context: HistoryContext, round: { readonly surveyId: number; readonly roundId: number }, quoted?: QuotedComment): number[] {
  const weldCrew =
    (quoted ? context.crews.find((crew) => crew.teamId.toLowerCase() === quoted.teamId.toLowerCase()) : undefined) ??
    context.crews.find((crew) => crew.crew.line.code === 'GOT-WELD2') ??
    context.crews[0];
  const mouldManager = context.people.find((p) => p.role === 'manager' && p.lineCode === 'EIN-MOULD') ?? context.hrAt('EIN');
  const plans: SeedPlan[] = [
    {
      writer: { role: 'hr' },
      owner: mouldManager,
      timeZone: 'Europe/Amsterdam',
      publishedDaysAgo: 9,
      dueInDays: 21,
      fields: {
        headline: 'Overdracht bij elke ploegwissel',
        driver: 'leadership',
        source: { kind: 'driver' },
        youSaid: 'Bij de ploegwissel gaat informatie verloren: storingen en afkeur worden niet doorgegeven.',
        weWillDo: 'Vijf minuten overdracht aan het lijnbord bij elke wissel, begonnen bij ploeg A en B; de teamleiders vullen samen het overdrachtsblad in.',
        status: 'in-progress',
        groupKey: 'line=ein-mould'
      }
    },
    {
      writer: { role: 'leader', crews: [weldCrew.teamId] },
      owner: weldCrew.leader,
      timeZone: weldCrew.crew.site.timeZone,
      publishedDaysAgo: 12,
      dueInDays: 2,
      fields: {
        headline: 'Byta skift i Teams Shifts',
        driver: 'schedule-influence',
        source: quoted ? { kind: 'comment', threadId: quoted.threadId } : { kind: 'driver' },
        youSaid: 'Det tar för lång tid att byta skift, och det kräver en blankett på papper.',
        weWillDo: 'Skiftbyten begärs och godkänns nu i Teams Shifts, och lagledaren svarar inom ett dygn.',
        status: 'done',
        groupKey: `crew=${weldCrew.teamId.toLowerCase()}`
      },
      ...(quoted ? { round: { surveyId: quoted.surveyId, roundId: quoted.roundId } } : {})
    },
    {
      writer: { role: 'hr' },
      owner: context.hrAt('GOT'),
      timeZone: 'Europe/Stockholm',
      publishedDaysAgo: 5,
      dueInDays: 30,
      fields: {
        headline: 'Recognition at every shift briefing',
        driver: 'recognition',
        source: { kind: 'driver' },
        youSaid: 'Good work on the night shifts goes unnoticed.',
        weWillDo: 'Every shift briefing starts with one recognition from the last shift, nights included; leaders get a reminder in Teams.',
        status: 'planned',
        groupKey: 'plant'
      }
    }
  ];
  return plans.map((plan, index) => {
    const today = localDayOf(plan.timeZone, context.today);
    const input: PlanFields = {
      ...plan.fields,
      owner: { name: plan.owner.displayName, login: plan.owner.userPrincipalName },
      dueDate: isoDay(addDays(today, plan.dueInDays)),
      roundId: (plan.round ?? round).roundId
    };
    const check = checkPlan(input, { today: isoDay(today), writer: plan.writer, purpose: 'publish' });
    if (!check.ok) {
      throw new Error(`The seeded plan "${plan.fields.headline}" breaks the plan rules: ${check.errors.map((e) => e.code).join(', ')}.`);
    }
    const published = new Date(context.today.getTime() - plan.publishedDaysAgo * DAY_MS);
    return context.add(
      LISTS.actionPlans.title,
      {
        ...fieldValues(check.fields, plan.owner.spUserId),
        [F.surveyId]: (plan.round ?? round).surveyId,
        [F.planKey]: `seed-plan-${round.roundId}-${index + 1}`.padEnd(16, '0'),
        [F.publishedAt]: spDate(published)
      },
      context.relaySpUserId,
      new Date(published.getTime() - DAY_MS)
    );
  });
}
