/**
 * A report of a recognition, recorded with the relay's identity: the report (with the reporter,
 * readable by HR only) goes into SE_Reports, then the post's Status becomes `reported`, which
 * takes it off every wall until HR decides. Idempotent: the same person reporting again changes
 * nothing but still makes sure the post is hidden (a retry after a half-done report finishes it).
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';

import { isDuplicateError } from '../../src/connectors/sharepoint/recognitionErrors';
import { httpStatusOf } from '../../src/connectors/sharepoint/httpErrors';
import { reportKey } from '../../src/core/models/keys';
import { parseReportInput, type ReportOutcome } from '../../src/core/recognition/moderation';
import { LISTS } from '../../src/core/schema/lists';
import type { Caller } from './auth';

export interface RelayAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface ReportAnswerBody {
  readonly outcome: ReportOutcome;
  /** This person had reported the post before. */
  readonly alreadyReported: boolean;
}

const RECOGNITIONS = LISTS.recognitions;
const REPORTS = LISTS.reports;

/** Posts that can still be reported: on the wall, or already hidden by another report. */
const REPORTABLE = new Set(['published', 'reported']);

function problem(status: number, code: string, message: string, field?: string): RelayAnswer {
  return { status, body: { error: { code, message, ...(field ? { field } : {}) } } };
}

export async function reportRecognition(sp: SPFI, caller: Caller, input: unknown): Promise<RelayAnswer> {
  const parsed = parseReportInput(input);
  if (!parsed.ok) {
    return problem(400, 'invalidInput', `The report is not valid (${parsed.error}).`, parsed.error);
  }
  const recognitions = sp.web.lists.getByTitle(RECOGNITIONS.title);
  let status: string;
  try {
    const row = await recognitions.items.getById(parsed.recognitionId).select(RECOGNITIONS.fields.id, RECOGNITIONS.fields.status)<Record<string, unknown>>();
    status = typeof row[RECOGNITIONS.fields.status] === 'string' ? (row[RECOGNITIONS.fields.status] as string) : '';
  } catch (error) {
    if (httpStatusOf(error) === 404) {
      return problem(404, 'notFound', 'The recognition does not exist.');
    }
    throw error;
  }
  if (!REPORTABLE.has(status)) {
    return problem(404, 'notFound', 'The recognition is no longer on the wall.');
  }

  const reporter = await sp.web.ensureUser(`i:0#.f|membership|${caller.userPrincipalName}`);
  const key = reportKey(parsed.recognitionId, reporter.Id);
  let alreadyReported = false;
  try {
    await sp.web.lists.getByTitle(REPORTS.title).items.add({
      Title: key,
      [REPORTS.fields.recognitionId]: parsed.recognitionId,
      [REPORTS.fields.reason]: parsed.reason,
      [REPORTS.fields.status]: 'open',
      [REPORTS.fields.reportKey]: key,
      [`${REPORTS.fields.reporter}Id`]: reporter.Id
    });
  } catch (error) {
    if (!isDuplicateError(error)) {
      throw error;
    }
    alreadyReported = true;
  }
  if (status === 'published') {
    await recognitions.items.getById(parsed.recognitionId).update({ [RECOGNITIONS.fields.status]: 'reported' });
  }
  const body: ReportAnswerBody = { outcome: 'hiddenForEveryone', alreadyReported };
  return { status: 200, body };
}
