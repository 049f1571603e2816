/**
 * The learning timer's renewal step (docs/learning.md "Expiry and renewal", docs/relay.md "The
 * learning timer"): before a skill ends, the renewal path is assigned and the person and their
 * manager are told, each once. What to do for one skill is `renewalFor`
 * (`src/core/learning/expiry.ts`); this file gathers what it needs and writes it:
 *
 * - nothing before Engage Setup has made SE_Assignments, SE_Progress and SE_Skills the relay's
 *   (`gate`): a member could otherwise write a skill that makes the relay notify anyone;
 * - the paths (SE_LearningPaths) and skills (SE_Skills) that count (`trustedConfig.ts`): only
 *   skills ending within the longest lead time (`ExpiresAt`, indexed), or every skill when a path
 *   lapses unpractised (paged by ID). Use it or lose it counts from `LastPractisedAt` (else
 *   `AssessedAt`), as the sign-off or the timer's practice step (`practiceStep.ts`) wrote it;
 * - the person (site user → user principal name) and their manager in Entra ID (Graph);
 * - the renewal path's assignment of the person (`AssignmentKey` `pathId:userId`): whether it is
 *   open and which notices went (`src/core/learning/renewalRecord.ts`).
 *
 * **Once.** The assignment and the notice keys are written in one write of that row, added under
 * its unique key or changed with the ETag read (`settleKeyedRow`, `store.ts`), before anything is
 * sent; only the run whose write went through sends. Two runs at once write one row and send each
 * notice once; a crash between write and send loses those notices rather than sending them twice.
 * A notice Graph refuses (4xx) has its key removed again, so the next run tries it again.
 *
 * **Without the Graph permissions** (401/403: `User.Read.All` not granted, or the pulse Teams app
 * not installed for a recipient): notifying ends for the run, its unsent keys are removed, and the
 * step goes on assigning renewals without notices (`notGranted`).
 *
 * **Who leads.** The person's manager in Entra ID, as for the learning routes: an owner of a Teams
 * team the person is in is nobody's leader here, since anyone can make a team
 * (docs/learning.md, "Who leads").
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { renewalFor, skillValidity, type RenewalDecision, type RenewalNotice as NoticeToSend } from '../../../src/core/learning/expiry';
import { noticeKeysOf, renewalOpen, withNoticeKeys, withoutNoticeKeys } from '../../../src/core/learning/renewalRecord';
import { memberLogin } from '../../../src/core/people/claims';
import { LISTS } from '../../../src/core/schema/lists';
import { GraphCallError } from '../directory';
import { EDITOR, EDITOR_COLUMNS, trustedRows } from '../pulse/trustedConfig';
import type { SetupGate } from '../setupGate';
import { ensuredUserId } from '../sharepoint';
import { renewalPreview, type RenewalGraph, type RenewalRecipient } from './renewalNotices';
import { settleKeyedRow, type Row } from './store';

const PATHS = LISTS.learningPaths;
const SKILLS = LISTS.skills;
const ASSIGNMENTS = LISTS.assignments;

/** What the renewal step did this run, or why it did nothing. */
export interface RenewalsReport {
  /** `notGranted`: Graph refused the relay (renewals assigned, no notice); `failed`: the step stopped (logged). */
  readonly status: 'done' | 'notSetUp' | 'notGranted' | 'failed';
  /** The assignments written this run (`AssignmentKey`). */
  readonly assigned: readonly string[];
  /** The notices sent this run (notice keys). */
  readonly notified: readonly string[];
  readonly message?: string;
}

/** The renewal step: given the site and the instant, assigns and tells what is due. */
export type RenewalStep = (sp: SPFI, now: Date) => Promise<RenewalsReport>;

export interface RenewalStepOptions {
  /** SE_Assignments, SE_Progress and SE_Skills secured by Engage Setup. */
  readonly gate: SetupGate;
  readonly graph: RenewalGraph;
  /** The plant's IANA time zone: lead days, due dates and the notices' end day are its local days. */
  readonly timeZone: string;
  /** Where a notice leads: a Teams link (Graph requires one for a text topic). */
  readonly webUrl: string;
  readonly log?: (line: string) => void;
}

/** The lead time of a path that does not set one (docs/learning.md). */
export const DEFAULT_RENEWAL_LEAD_DAYS = 30;
const DAY_MS = 24 * 60 * 60_000;
const PAGE = 5000;

interface RenewalPathRow {
  readonly id: number;
  readonly isActive: boolean;
  readonly lapseDays: number;
  readonly renewalPathId?: number;
  readonly renewalLeadDays: number;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const dateOf = (value: unknown): Date | undefined => {
  const at = typeof value === 'string' ? new Date(value) : undefined;
  return at && !isNaN(at.getTime()) ? at : undefined;
};
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function refused(error: unknown): boolean {
  const status = error instanceof GraphCallError ? error.status : httpStatusOf(error);
  return status === 401 || status === 403;
}

async function readPaths(sp: SPFI, log: (line: string) => void): Promise<Map<number, RenewalPathRow>> {
  const columns = ['ID', PATHS.fields.isActive, PATHS.fields.lapseDays, PATHS.fields.renewalPathId, PATHS.fields.renewalLeadDays, ...EDITOR_COLUMNS];
  const read = await sp.web.lists.getByTitle(PATHS.title).items.select(...columns).expand(EDITOR).top(PAGE)<Row[]>();
  const rows = await trustedRows(sp, PATHS.title, read, log);
  return new Map(
    rows.map((row) => {
      const renewalPathId = num(row[PATHS.fields.renewalPathId]);
      const lead = num(row[PATHS.fields.renewalLeadDays]);
      const path: RenewalPathRow = {
        id: Number(row.ID),
        isActive: row[PATHS.fields.isActive] === true,
        lapseDays: num(row[PATHS.fields.lapseDays]) ?? 0,
        ...(renewalPathId !== undefined && renewalPathId >= 1 ? { renewalPathId } : {}),
        renewalLeadDays: lead !== undefined && lead >= 0 ? lead : DEFAULT_RENEWAL_LEAD_DAYS
      };
      return [path.id, path];
    })
  );
}

const SKILL_COLUMNS = [
  'ID',
  'Title',
  `${SKILLS.fields.person}Id`,
  SKILLS.fields.station,
  SKILLS.fields.expiresAt,
  SKILLS.fields.assessedAt,
  SKILLS.fields.lastPractisedAt,
  SKILLS.fields.pathId,
  SKILLS.fields.skillKey,
  SKILLS.fields.crewKey,
  ...EDITOR_COLUMNS
];

/**
 * The skills that may be due: ending by expiry within the longest lead time (a filter on the
 * indexed `ExpiresAt`), or all of them when a path lapses unpractised (paged by ID, which never
 * meets the list view threshold).
 */
async function readCandidateSkills(sp: SPFI, paths: ReadonlyMap<number, RenewalPathRow>, now: Date, log: (line: string) => void): Promise<Row[]> {
  const list = sp.web.lists.getByTitle(SKILLS.title);
  const out: Row[] = [];
  if ([...paths.values()].some((p) => p.lapseDays > 0)) {
    for (let after = 0; ; ) {
      const page = await list.items.select(...SKILL_COLUMNS).expand(EDITOR).filter(`ID gt ${after}`).orderBy('ID').top(PAGE)<Row[]>();
      out.push(...(await trustedRows(sp, SKILLS.title, page, log)));
      if (page.length < PAGE) break;
      after = Number(page[page.length - 1].ID);
    }
    return out;
  }
  const longest = Math.max(DEFAULT_RENEWAL_LEAD_DAYS, ...[...paths.values()].map((p) => p.renewalLeadDays));
  // A day more than the lead: local days across a clock change are 23 or 25 hours long.
  const horizon = new Date(now.getTime() + (longest + 1) * DAY_MS);
  for (let after = 0; ; ) {
    const page = await list.items
      .select(...SKILL_COLUMNS)
      .expand(EDITOR)
      .filter(`${SKILLS.fields.expiresAt} gt datetime'${now.toISOString()}' and ${SKILLS.fields.expiresAt} le datetime'${horizon.toISOString()}' and ID gt ${after}`)
      .orderBy('ID')
      .top(PAGE)<Row[]>();
    out.push(...(await trustedRows(sp, SKILLS.title, page, log)));
    if (page.length < PAGE) break;
    after = Number(page[page.length - 1].ID);
  }
  return out;
}

/** A site user's user principal name (from their claims login) and display name. */
async function siteUser(sp: SPFI, id: number): Promise<{ upn: string; name: string } | undefined> {
  try {
    const user = await sp.web.siteUsers.getById(id).select('Title', 'LoginName')<{ Title?: string; LoginName?: string }>();
    const login = str(user.LoginName) ?? '';
    const bar = login.lastIndexOf('|');
    const upn = bar >= 0 ? login.slice(bar + 1) : '';
    return upn.indexOf('@') > 0 ? { upn, name: str(user.Title) ?? upn } : undefined;
  } catch (error) {
    if (httpStatusOf(error) === 404) return undefined;
    throw error;
  }
}

const ASSIGNMENT_COLUMNS = ['ID', ASSIGNMENTS.fields.dueDate, ASSIGNMENTS.fields.assignedVia, ASSIGNMENTS.fields.created, ASSIGNMENTS.fields.renewalNotices, ...EDITOR_COLUMNS];

/** One skill that may be due, with everything its decision takes. */
interface DueSkill {
  readonly skillKey: string;
  readonly personId: number;
  readonly station: string;
  readonly crewKey?: string;
  readonly assessedAt?: Date;
  readonly validUntil: Date;
  readonly decide: (open: boolean, leaderIds: readonly number[], sent: readonly string[]) => RenewalDecision;
}

export function renewalStep(options: RenewalStepOptions): RenewalStep {
  const log = options.log ?? ((): void => undefined);
  const zone = options.timeZone;

  /** The skill's decision inputs; undefined when nothing can be due for it (no path, ended, no end). */
  function dueSkill(row: Row, paths: ReadonlyMap<number, RenewalPathRow>, now: Date): DueSkill | undefined {
    const personId = num(row[`${SKILLS.fields.person}Id`]);
    const skillKey = str(row[SKILLS.fields.skillKey]);
    const path = paths.get(num(row[SKILLS.fields.pathId]) ?? 0);
    if (personId === undefined || !skillKey || !path) {
      return undefined;
    }
    const assessedAt = dateOf(row[SKILLS.fields.assessedAt]);
    const validity = skillValidity(
      { expiresAt: dateOf(row[SKILLS.fields.expiresAt]), lastPractice: dateOf(row[SKILLS.fields.lastPractisedAt]) ?? assessedAt, lapseDays: path.lapseDays, warnDays: path.renewalLeadDays },
      now,
      zone
    );
    if (!validity.validUntil) {
      return undefined;
    }
    const decide = (open: boolean, leaderIds: readonly number[], sent: readonly string[]): RenewalDecision =>
      renewalFor(
        { skill: { skillKey, person: { id: personId } }, validity, path, openAssignmentPathIds: open ? [path.renewalPathId ?? path.id] : [], leaderIds, sentNoticeKeys: sent },
        now,
        zone
      );
    // Not due yet (or ended): no directory read, no write.
    if (!decide(false, [], []).assign) {
      return undefined;
    }
    const station = str(row.Title) ?? str(row[SKILLS.fields.station]) ?? skillKey;
    const crewKey = str(row[SKILLS.fields.crewKey]);
    return { skillKey, personId, station, ...(crewKey ? { crewKey } : {}), ...(assessedAt ? { assessedAt } : {}), validUntil: validity.validUntil, decide };
  }

  return async (sp, now) => {
    if (await options.gate.refusal()) {
      log('renewals: Engage Setup has not secured the learning lists on this site; no renewal is assigned and no one told.');
      return { status: 'notSetUp', assigned: [], notified: [] };
    }
    const paths = await readPaths(sp, log);
    const assigned: string[] = [];
    const notified: string[] = [];
    // Set by the first refusal: notifying ends for the run.
    const refusals: string[] = [];

    const skills = (await readCandidateSkills(sp, paths, now, log)).map((row) => dueSkill(row, paths, now)).filter((s): s is DueSkill => s !== undefined);
    for (const skill of skills) {
      const path = paths.get(skill.decide(false, [], []).assign?.pathId ?? 0);
      if (!path || !path.isActive) {
        log(`renewals: ${skill.skillKey}: its renewal path is not an active path that counts; nothing assigned.`);
        continue;
      }
      const user = await siteUser(sp, skill.personId);
      if (!user) {
        log(`renewals: ${skill.skillKey}: the person is not a site user with a user principal name; nothing assigned.`);
        continue;
      }
      // Whom to tell, by site user id (the notice keys) and directory entry (the send).
      const recipients = new Map<number, RenewalRecipient>();
      if (refusals.length === 0) {
        try {
          const person = await options.graph.person(user.upn);
          const manager = await options.graph.manager(user.upn);
          if (person) recipients.set(skill.personId, person);
          const managerId = manager?.userPrincipalName ? await ensuredUserId(sp, memberLogin(manager.userPrincipalName)) : undefined;
          if (manager && managerId !== undefined) recipients.set(managerId, manager);
        } catch (error) {
          if (!refused(error)) throw error;
          refusals.push(`Microsoft Graph refused the relay (${message(error)}): grant its identity User.Read.All (docs/relay.md). Renewals are assigned; no one is told.`);
          log(`renewals: ${refusals[0]}`);
        }
      }
      const leaderIds = [...recipients.keys()].filter((id) => id !== skill.personId);
      const key = `${path.id}:${skill.personId}`;
      // One write of the row: the assignment (when it is not open) and the notice keys to send.
      const written = await settleKeyedRow<{ decision: RenewalDecision; wrote: boolean }>(sp, {
        list: ASSIGNMENTS.title,
        keyColumn: ASSIGNMENTS.fields.assignmentKey,
        key,
        columns: ASSIGNMENT_COLUMNS,
        log,
        decide: (row) => {
          const open = renewalOpen(
            row ? { created: str(row[ASSIGNMENTS.fields.created]), dueDate: str(row[ASSIGNMENTS.fields.dueDate]), assignedVia: str(row[ASSIGNMENTS.fields.assignedVia]) } : undefined,
            skill.skillKey,
            skill.assessedAt,
            skill.validUntil
          );
          const decided = skill.decide(open, leaderIds, noticeKeysOf(row?.[ASSIGNMENTS.fields.renewalNotices]));
          // Only those the directory found are told (and recorded); none once Graph refused.
          const notify = refusals.length > 0 ? [] : decided.notify.filter((n) => recipients.has(n.recipientId));
          const decision: RenewalDecision = { ...decided, notify };
          const write: Record<string, unknown> = {};
          if (decision.assign) {
            Object.assign(write, {
              [`${ASSIGNMENTS.fields.learner}Id`]: skill.personId,
              [ASSIGNMENTS.fields.pathId]: decision.assign.pathId,
              [ASSIGNMENTS.fields.reason]: decision.assign.reason,
              [ASSIGNMENTS.fields.dueDate]: decision.assign.dueDate,
              [ASSIGNMENTS.fields.assignedVia]: decision.assign.assignedVia,
              ...(skill.crewKey ? { [ASSIGNMENTS.fields.crewKey]: skill.crewKey } : {})
            });
          }
          if (notify.length > 0 || decision.assign) {
            // A row that does not count keeps none of its keys: they are written anew.
            write[ASSIGNMENTS.fields.renewalNotices] = withNoticeKeys(row?.[ASSIGNMENTS.fields.renewalNotices], notify.map((n) => n.noticeKey));
          }
          return Object.keys(write).length > 0 ? { write, result: { decision, wrote: true } } : { result: { decision, wrote: false } };
        }
      });
      if (!written.wrote) {
        continue;
      }
      if (written.decision.assign) {
        assigned.push(key);
      }
      const unsent = await send(written.decision.notify, skill, user.name, recipients, notified);
      if (unsent.keys.length > 0) {
        await forget(sp, key, unsent.keys);
      }
      if (unsent.refusal && refusals.length === 0) {
        refusals.push(unsent.refusal);
        log(`renewals: ${unsent.refusal}`);
      }
    }
    return refusals.length > 0 ? { status: 'notGranted', assigned, notified, message: refusals[0] } : { status: 'done', assigned, notified };
  };

  /**
   * Sends the notices in order; the keys of those not sent for sure (Graph refused them), and the
   * refusal that ends notifying for the run. No answer at all (network, 5xx, 429): it may have
   * been sent, so its key stays.
   */
  async function send(
    notices: readonly NoticeToSend[],
    skill: DueSkill,
    name: string,
    recipients: ReadonlyMap<number, RenewalRecipient>,
    notified: string[]
  ): Promise<{ keys: string[]; refusal?: string }> {
    const keys: string[] = [];
    for (let i = 0; i < notices.length; i += 1) {
      const notice = notices[i];
      const recipient = recipients.get(notice.recipientId) as RenewalRecipient;
      const preview = renewalPreview({ role: notice.role, language: recipient.preferredLanguage, station: skill.station, name, validUntil: skill.validUntil, timeZone: zone });
      try {
        await options.graph.notify(recipient.id, { station: skill.station, preview, webUrl: options.webUrl });
        notified.push(notice.noticeKey);
      } catch (error) {
        const status = error instanceof GraphCallError ? error.status : undefined;
        if (status !== undefined && status < 500 && status !== 429) {
          keys.push(notice.noticeKey);
        }
        if (refused(error)) {
          notices.slice(i + 1).forEach((rest) => keys.push(rest.noticeKey));
          return {
            keys,
            refusal: `Microsoft Graph refused the renewal notice (${message(error)}): install the Shopfloor Engage pulse Teams app for the people and their leaders; it names the relay's identity and grants it TeamsActivity.Send.User (docs/teams-app.md). Renewals are still assigned.`
          };
        }
        log(`renewals: a notice was not sent: ${message(error)}`);
      }
    }
    return { keys };
  }

  /** Takes keys of notices not sent off the row again, with its ETag, so a later run may send them. */
  async function forget(sp: SPFI, key: string, keys: readonly string[]): Promise<void> {
    await settleKeyedRow<void>(sp, {
      list: ASSIGNMENTS.title,
      keyColumn: ASSIGNMENTS.fields.assignmentKey,
      key,
      columns: ASSIGNMENT_COLUMNS,
      log,
      decide: (row) => {
        const stored = row?.[ASSIGNMENTS.fields.renewalNotices];
        return row && noticeKeysOf(stored).some((k) => keys.indexOf(k) >= 0) ? { write: { [ASSIGNMENTS.fields.renewalNotices]: withoutNoticeKeys(stored, keys) }, result: undefined } : { result: undefined };
      }
    });
  }
}
