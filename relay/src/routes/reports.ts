/**
 * POST /api/reports  {recognitionId, reason}  → 200 {outcome, alreadyReported}
 *
 * A report of a recognition, recorded with the relay's identity: the report (with the reporter,
 * readable by HR only) goes into SE_Reports, then the post's Status becomes `reported`, which
 * takes it off every wall until HR decides.
 *
 * - Only someone who may read the post can report it (asked of SharePoint for the caller), and
 *   a post the caller cannot see answers like one that does not exist.
 * - Idempotent: the same person reporting again while the report is open changes nothing but
 *   makes sure the post is hidden (a retry after a half-done report finishes it). One report per
 *   person and post is kept by key (`settleKeyedRows`), not by a unique column.
 * - Reporting again after HR dismissed the person's report opens it again with the new reason,
 *   so HR sees the repeat in the queue, but does not hide the post: it stays on the wall until HR
 *   decides again (a person cannot overrule HR by reporting once more). The reopened report
 *   keeps HR's earlier decision (DecidedBy, DecidedAt, DecisionNote): an open report with a
 *   decision is such a repeat, and a retry of it hides nothing either. After HR upheld a report
 *   (the post removed, yet somehow back on the wall) a new report hides the post again.
 * - Refused with 409 `notSetUp` until Engage Setup has run (`setupGate`): before it, everyone
 *   could read who reported whom.
 * - Rate limited per person (RATE_LIMITS.reports): only a call that takes a post off the wall
 *   counts; over the limit the router answers 429 before anything is read or written.
 * - A report row someone forged under the caller's key (written by another person, not by the
 *   relay or the caller) is replaced by the caller's own.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import type { IItem } from '@pnp/sp/items';
import '@pnp/sp/lists';
import { PermissionKind } from '@pnp/sp/security';
import '@pnp/sp/security/item';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { settleKeyedRows } from '../../../src/core/keyedRows';
import { reportKey } from '../../../src/core/models/keys';
import { isAppLogin, memberLogin } from '../../../src/core/people/claims';
import { parseReportInput, type ReportOutcome } from '../../../src/core/recognition/moderation';
import { odataString } from '../../../src/core/odata';
import { LISTS } from '../../../src/core/schema/lists';
import { type Caller, RELAY_SCOPE } from '../auth';
import { RATE_LIMITS } from '../rateLimits';
import { problem, type RelayAnswer, type UserRoute } from '../router';
import type { SetupGate } from '../setupGate';
import { deleteIfThere, ensuredUserId, NOT_A_SITE_USER, sharePointProblem } from '../sharepoint';

export interface ReportAnswerBody {
  /**
   * `hiddenForEveryone`: the post is off the wall until HR decides. `sentToHr`: the report is
   * with HR but the post stays on the wall (a repeat after HR dismissed this person's report);
   * the page hides it from the reporter only.
   */
  readonly outcome: ReportOutcome;
  /** This person had an open report of the post already. */
  readonly alreadyReported: boolean;
}

const RECOGNITIONS = LISTS.recognitions;
const REPORTS = LISTS.reports;

/** Posts that can still be reported: on the wall, or already hidden by another report. */
const REPORTABLE = new Set(['published', 'reported']);

/** A report found under a report key. */
interface KeyedReport {
  readonly ID: number;
  readonly Status?: string;
  /** Set on an open report: a repeat after HR dismissed it (SharePoint answers null when empty). */
  readonly DecidedAt?: unknown;
  readonly Author?: { readonly Name?: string };
}

const NOT_ON_WALL = (): RelayAnswer => problem(404, 'notFound', 'The recognition is not on the wall.');

/** The route, on the engagement site with the relay's app-only identity (`site`). */
export function reportsRoute(site: () => SPFI, gate: SetupGate): UserRoute {
  return {
    method: 'POST',
    path: '/api/reports',
    userToken: { scope: RELAY_SCOPE },
    body: { maxCharacters: 16 * 1024 },
    rateLimit: RATE_LIMITS.reports,
    handle: async ({ caller, body }) => {
      try {
        return await reportRecognition(site, gate, caller, body);
      } catch (error) {
        throw sharePointProblem(error, 'record the report');
      }
    }
  };
}

async function reportRecognition(site: () => SPFI, gate: SetupGate, caller: Caller, input: unknown): Promise<RelayAnswer> {
  const parsed = parseReportInput(input);
  if (!parsed.ok) {
    return problem(400, 'invalidInput', `The report is not valid (${parsed.error}).`, { field: parsed.error });
  }
  const refusal = await gate.refusal();
  if (refusal) {
    return refusal;
  }
  const sp = site();
  const login = memberLogin(caller.userPrincipalName);
  const recognitions = sp.web.lists.getByTitle(RECOGNITIONS.title);
  const post = recognitions.items.getById(parsed.recognitionId);
  let status: string;
  try {
    const row = await post.select(RECOGNITIONS.fields.id, RECOGNITIONS.fields.status)<Record<string, unknown>>();
    status = typeof row[RECOGNITIONS.fields.status] === 'string' ? (row[RECOGNITIONS.fields.status] as string) : '';
    if (!REPORTABLE.has(status) || !(await post.userHasPermissions(login.replace(/'/g, "''"), PermissionKind.ViewListItems))) {
      return NOT_ON_WALL();
    }
  } catch (error) {
    if (httpStatusOf(error) === 404) {
      return NOT_ON_WALL();
    }
    throw error;
  }

  const reporterId = await ensuredUserId(sp, login);
  if (reporterId === undefined) {
    return NOT_A_SITE_USER();
  }

  const reports = sp.web.lists.getByTitle(REPORTS.title);
  const key = reportKey(parsed.recognitionId, reporterId);
  const values = {
    Title: key,
    [REPORTS.fields.recognitionId]: parsed.recognitionId,
    [REPORTS.fields.reason]: parsed.reason,
    [REPORTS.fields.status]: 'open',
    [REPORTS.fields.reportKey]: key,
    [`${REPORTS.fields.reporter}Id`]: reporterId
  };
  // One report per person and post, kept without a unique column (SharePoint refuses one in a
  // list read as own items only): read the key, add when nothing trusted is there, settle again.
  const trusted = (author: string): boolean => isAppLogin(author) || author.toLowerCase() === login.toLowerCase();
  const readKey = async (): Promise<KeyedReport[]> =>
    reports.items
      .select('ID', REPORTS.fields.status, REPORTS.fields.decidedAt, 'Author/Name')
      .expand('Author')
      .filter(`${REPORTS.fields.reportKey} eq ${odataString(key)}`)
      .orderBy('ID', true)
      .top(100)<KeyedReport[]>();
  const settle = async (rows: readonly KeyedReport[]): Promise<number | undefined> => {
    const plan = settleKeyedRows(rows.map((row) => ({ id: row.ID, trusted: trusted(row.Author?.Name ?? '') })));
    for (const id of plan.drop) {
      await deleteIfThere(reports.items.getById(id));
    }
    return plan.keep;
  };

  let alreadyReported = false;
  /** A repeat of a report HR dismissed: back in HR's queue, the post stays on the wall. */
  let repeat = false;
  const found = await readKey();
  const kept = await settle(found);
  const existing = found.find((row) => row.ID === kept);
  if (!existing) {
    await reports.items.add(values);
    // A retry, or the same report sent twice at once, may have added one too: the oldest stays.
    await settle(await readKey());
  } else if (existing.Status === 'open') {
    alreadyReported = true;
    repeat = Boolean(existing.DecidedAt);
  } else if (existing.Status === 'dismissed') {
    // HR's earlier decision stays on the report: it marks the report as a repeat.
    repeat = true;
    await reports.items.getById(existing.ID).update({ [REPORTS.fields.reason]: parsed.reason, [REPORTS.fields.status]: 'open' });
  } else {
    // HR upheld an earlier report of this person, yet the post is on the wall: a new concern.
    await reports.items.getById(existing.ID).update({
      [REPORTS.fields.reason]: parsed.reason,
      [REPORTS.fields.status]: 'open',
      [`${REPORTS.fields.decidedBy}Id`]: null,
      [REPORTS.fields.decidedAt]: null,
      [REPORTS.fields.decisionNote]: null
    });
  }
  const tookOff = repeat ? false : await hide(post);
  // A repeat after HR kept the post: with HR again, still on the wall for everyone else.
  const outcome: ReportOutcome = repeat && status !== 'reported' ? 'sentToHr' : 'hiddenForEveryone';
  const body: ReportAnswerBody = { outcome, alreadyReported };
  return { status: 200, body, counted: tookOff };
}

/**
 * Takes a published post off the wall, read and written with its ETag: HR may decide, or the
 * post change, between the relay's first read and this write. A post HR put back while the
 * report was being written is hidden again (its report is open); a post removed meanwhile stays
 * removed. True when this call took the post off the wall.
 */
async function hide(post: IItem): Promise<boolean> {
  for (let attempt = 1; ; attempt += 1) {
    const row = await post.select(RECOGNITIONS.fields.status)<Record<string, unknown>>();
    if (row[RECOGNITIONS.fields.status] !== 'published') {
      return false;
    }
    try {
      await post.update({ [RECOGNITIONS.fields.status]: 'reported' }, typeof row['odata.etag'] === 'string' ? row['odata.etag'] : '*');
      return true;
    } catch (error) {
      if (httpStatusOf(error) !== 412 || attempt >= 3) {
        throw error;
      }
    }
  }
}
