/**
 * The learning rows the timer's roster steps read and change (crew moves, practice), with the
 * relay's identity:
 *
 * - **Read by ID in pages of 5,000**, with an indexed filter when there is one (a person's
 *   `LearnerId`, a `Station`), never a threshold error on a list of a plant's history.
 * - **Only rows that count** (`trustedRows`: last written by the relay, HR or a site owner).
 * - **Whose row**: the person's claims login (`Learner/Name`, `Person/Name`) holds their user
 *   principal name, which the roster's people are known by.
 * - **Changed only by the relay's own rows.** A row the relay wrote last is changed with the ETag
 *   read (a row changed since, 412, is left for the next run). A row HR or a site owner changed
 *   by hand last is HR's: it is left as it is and reported (docs/learning.md, "Assignment").
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { GraphCallError } from '../directory';
import type { SetupGate } from '../setupGate';
import type { LearningRoster } from './crewMovesRoster';
import { relayLogin } from '../pulse/ownIdentity';
import { EDITOR, EDITOR_COLUMNS, editorOf, trustedRows } from '../pulse/trustedConfig';
import type { Row } from './store';

const PAGE = 5000;

/** What a roster step did this run, or why it did nothing. */
export interface RosterStepStatus {
  /** `notGranted`: Graph refused the relay (nothing changed); `failed`: the step stopped (logged). */
  readonly status: 'done' | 'notSetUp' | 'notGranted' | 'failed';
  /** Keys of the rows left as HR or a site owner wrote them by hand. */
  readonly handWritten: readonly string[];
  readonly message?: string;
}

/** What each roster step is built with. */
export interface RosterStepOptions {
  /** SE_Assignments, SE_Progress and SE_Skills secured by Engage Setup. */
  readonly gate: SetupGate;
  /** The roster, read once a run for both steps. */
  readonly roster: LearningRoster;
  readonly log?: (line: string) => void;
}

/** Every row of `list` matching `filter` (all rows without one) that counts, read by ID in pages. */
export async function pagedRows(sp: SPFI, list: string, columns: readonly string[], expand: readonly string[], filter: string | undefined, log: (line: string) => void): Promise<Row[]> {
  const items = sp.web.lists.getByTitle(list).items;
  const out: Row[] = [];
  for (let after = 0; ; ) {
    const page = await items
      .select('ID', ...columns, ...EDITOR_COLUMNS)
      .expand(EDITOR, ...expand)
      .filter(filter ? `${filter} and ID gt ${after}` : `ID gt ${after}`)
      .orderBy('ID')
      .top(PAGE)<Row[]>();
    out.push(...(await trustedRows(sp, list, page, log)));
    if (page.length < PAGE) return out;
    after = Number(page[page.length - 1].ID);
  }
}

/** The user principal name (lower case) in a person field's expanded claims login (`<field>/Name`). */
export function personUpn(row: Row, field: string): string | undefined {
  const login = String((row[field] as { Name?: unknown } | undefined)?.Name ?? '').toLowerCase();
  const upn = login.slice(login.lastIndexOf('|') + 1);
  return upn.indexOf('@') > 0 ? upn : undefined;
}

/** Whether the relay's own identity wrote the row last (the rows it may change). */
export async function relayWrote(sp: SPFI): Promise<(row: Row) => boolean> {
  const own = await relayLogin(sp);
  return (row) => editorOf(row) === own;
}

/** Changes a row the relay wrote with the ETag read; false when it changed since (412). */
export async function updateWithEtag(sp: SPFI, list: string, row: Row, write: Record<string, unknown>): Promise<boolean> {
  const etag = typeof row['odata.etag'] === 'string' ? row['odata.etag'] : '*';
  try {
    await sp.web.lists.getByTitle(list).items.getById(Number(row.ID)).update(write, etag);
    return true;
  } catch (error) {
    if (httpStatusOf(error) === 412) return false;
    throw error;
  }
}

/** Whether Graph refused the relay (a grant missing). */
export function graphRefused(error: unknown): boolean {
  const status = error instanceof GraphCallError ? error.status : httpStatusOf(error);
  return status === 401 || status === 403;
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
