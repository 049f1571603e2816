/**
 * The permission matrix: what each kind of person (and the relay) may do with each product list,
 * tried over real REST against the local tenant, and written as a compact text table a planner
 * can read and paste.
 *
 * A cell is `<read> C<create> U<own><others> D<own><others>`, e.g. `own C+ U+- D+-`:
 *   read  `all` every item, `own` only items the person created, `none` not even those;
 *   C     create an item;
 *   U     update an item the person created, then one someone else created;
 *   D     delete an item the person created, then one someone else created;
 *   `+` allowed, `-` denied.
 * An observation that fits none of these (an unexpected status, an answer the store does not
 * bear out, a query and a read by id that disagree) keeps its detail in brackets, so it never
 * equals an expected cell.
 */
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { RELAY } from '../../local/tenant/plantModel';

export const GROUPS = ['members', 'hr', 'owner', 'relay'] as const;
export type Group = (typeof GROUPS)[number];

/** One list's row: a cell per group. */
export type MatrixRow = { readonly [group in Group]: string };
/** Rows by list title, in the table's order. */
export type Matrix = ReadonlyMap<string, MatrixRow>;

const CELL = /^(all|own|none) C[+-] U[+-]{2} D[+-]{2}$/;

export const LEGEND = [
  'read: all = every item, own = only items the person created, none = not even those',
  'C create · U update own, others · D delete own, others · + allowed, - denied'
];

/**
 * Reads a table written as `list | members | hr | owner | relay` lines (the first line is the
 * heading). Throws on a line or cell that does not fit, so a typo cannot pass as a rule.
 */
export function parseMatrix(text: string): Matrix {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const [heading, ...rows] = lines;
  const headings = (heading ?? '').split('|').map((cell) => cell.trim());
  if (headings.join('|') !== ['list', ...GROUPS].join('|')) {
    throw new Error(`A permission matrix starts with "list | ${GROUPS.join(' | ')}", not "${heading ?? ''}"`);
  }
  const matrix = new Map<string, MatrixRow>();
  for (const line of rows) {
    const [list, ...cells] = line.split('|').map((cell) => cell.trim().replace(/\s+/g, ' '));
    if (!list || cells.length !== GROUPS.length || cells.some((cell) => !CELL.test(cell)) || matrix.has(list)) {
      throw new Error(`Not a permission matrix row: "${line}"`);
    }
    matrix.set(list, { members: cells[0], hr: cells[1], owner: cells[2], relay: cells[3] });
  }
  return matrix;
}

/** The matrix as an aligned text table with its legend, ready to paste into a note. */
export function formatMatrix(title: string, matrix: Matrix): string {
  const table = [['list', ...GROUPS], ...[...matrix].map(([list, row]) => [list, ...GROUPS.map((group) => row[group])])];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const lines = table.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join(' | ').trimEnd());
  return [title, ...lines, ...LEGEND.map((line) => `  ${line}`)].join('\n');
}

/**
 * The relay's app-only token for the site, as its managed identity gets it. The relay asks
 * `/_local/identity` with the Functions host's IDENTITY_HEADER (relay/src/appIdentity.ts); the
 * local tenant keeps that secret to itself (startTenant hands it only to the relay it hosts), so
 * a test cannot ask the endpoint. The endpoint answers with `authority.appToken(resource)`; this
 * calls the same method of the same authority, for the resource the relay asks for (the site's
 * origin, relay/src/sharepoint.ts).
 */
export async function relayToken(tenant: RunningTenant): Promise<string> {
  const authority = tenant.context.authority;
  if (!authority) {
    throw new Error('The local tenant has no authority to issue the relay\'s token');
  }
  return authority.appToken(new URL(tenant.siteUrl).origin);
}

/** The relay's app identity as the site knows it (its site user). */
export function relayPrincipal(tenant: RunningTenant): Person {
  const relay = tenant.context.directory.byId(RELAY.id);
  if (!relay?.isApp) {
    throw new Error('The local tenant has no app identity for the relay');
  }
  return relay;
}

export interface RestAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Plain REST on the site as one caller: a person (cookie stand-in and form digest) or the relay (bearer). */
export class SiteRest {
  private constructor(
    private readonly apiUrl: string,
    private readonly headers: Readonly<Record<string, string>>
  ) {}

  /** As `person`: the `x-local-user` header stands in for the cookie; writes carry a form digest. */
  public static async asPerson(tenant: RunningTenant, person: Person): Promise<SiteRest> {
    const signIn = { 'x-local-user': person.userPrincipalName };
    const response = await fetch(`${tenant.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { ...signIn, accept: 'application/json;odata=nometadata' } });
    const info = (await response.json()) as { FormDigestValue?: string };
    if (!response.ok || !info.FormDigestValue) {
      throw new Error(`No form digest for ${person.userPrincipalName}: ${response.status}`);
    }
    return new SiteRest(`${tenant.siteUrl}/_api/`, { ...signIn, 'x-requestdigest': info.FormDigestValue });
  }

  /** As the relay: its app-only bearer token, no form digest (as in SharePoint Online). */
  public static async asRelay(tenant: RunningTenant): Promise<SiteRest> {
    return new SiteRest(`${tenant.siteUrl}/_api/`, { authorization: `Bearer ${await relayToken(tenant)}` });
  }

  /** `method` on `path` (below `_api/`); MERGE and DELETE go as POST with X-HTTP-Method, as PnPjs sends them. */
  public async call(method: 'GET' | 'POST' | 'MERGE' | 'DELETE', path: string, body?: unknown): Promise<RestAnswer> {
    const headers: Record<string, string> = { ...this.headers, accept: 'application/json;odata=nometadata' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json;odata=nometadata';
    }
    if (method === 'MERGE' || method === 'DELETE') {
      headers['x-http-method'] = method;
      headers['if-match'] = '*';
    }
    const response = await fetch(`${this.apiUrl}${path}`, {
      method: method === 'GET' ? 'GET' : 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body: parsed };
  }
}

/**
 * A valid new item for each product list: every required column of its schema
 * (sharepoint/assets/schema-*.xml), key columns unique by `n`, user columns as `<Name>Id` naming
 * `subject` (the recipient, reporter, learner, participant…).
 */
export function sampleItem(listTitle: string, n: number, subject: Person): Record<string, unknown> {
  const key = `matrix-${n}`;
  const subjectId = subject.spUserId;
  const day = '2026-03-02T00:00:00Z';
  const samples: { readonly [title: string]: Record<string, unknown> } = {
    SE_Settings: { Title: key, Key: key, Value: '{}' },
    SE_Values: { Title: 'Matrix value', ValueKey: key },
    SE_Recognitions: {
      Title: key,
      RecipientId: subjectId,
      Kind: 'peer',
      ValueKey: 'safety',
      Message: 'Matrix message',
      SiteCode: 'GOT',
      Visibility: 'everyone',
      Status: 'published',
      ClientRequestId: key
    },
    SE_Reactions: { Title: key, RecognitionId: 1, Kind: 'like', ReactionKey: key },
    SE_Reports: { Title: key, RecognitionId: 1, Reason: 'Matrix reason', Status: 'open', ReportKey: key, ReporterId: subjectId },
    SE_Preferences: { Title: key, PersonId: subjectId, PersonKey: key },
    SE_Questions: { Title: 'Matrix question', QuestionKey: key, Driver: 'engagement', Kind: 'likert5', Translations: '{}' },
    SE_Surveys: { Title: 'Matrix survey', Definition: '{}', Status: 'draft', Cadence: 'monthly', MinGroupSize: 5, MinCommentGroupSize: 10 },
    SE_SurveyRounds: {
      Title: key,
      SurveyId: 1,
      RoundNumber: n,
      RoundKey: key,
      OpensAt: day,
      ClosesAt: '2026-03-16T00:00:00Z',
      Status: 'scheduled',
      MinGroupSize: 5,
      MinCommentGroupSize: 10
    },
    SE_Responses: { Title: `1:0:${n}`, RoundId: 1, SurveyId: 1, BoxKey: '1:0', Envelope: 'pe1.matrix' },
    SE_Participation: { Title: key, RoundId: 1, ParticipantId: subjectId, ParticipationKey: key, Status: 'counted' },
    SE_Reminders: { Title: key, RoundId: 1, PersonObjectId: '6f1c2e0a-7d4b-4c1e-9a51-3b2d8e7f9c10', ShiftId: `SHFT_${n}`, ReminderKey: key },
    SE_Comments: { Title: key, RoundId: 1, ThreadId: key, GroupKey: 'GOT', Body: 'Matrix comment', AuthorRole: 'employee', Status: 'visible' },
    SE_ActionPlans: { Title: 'Matrix plan', SurveyId: 1, GroupKey: 'GOT', Driver: 'engagement', YouSaid: 'Matrix', Status: 'planned' },
    SE_LearningPaths: { Title: 'Matrix path', Category: 'other', ValidityMonths: 0 },
    SE_LearningSteps: { Title: 'Matrix step', PathId: 1, SortOrder: n, Kind: 'read' },
    SE_Assignments: { Title: key, LearnerId: subjectId, PathId: 1, Reason: 'other', AssignmentKey: key },
    SE_Progress: { Title: key, LearnerId: subjectId, PathId: 1, StepId: 1, Status: 'not-started', ProgressKey: key },
    SE_Skills: { Title: key, PersonId: subjectId, Station: 'Weld A', Level: 'I', SkillKey: key }
  };
  const sample = samples[listTitle];
  if (!sample) {
    throw new Error(`No sample item for ${listTitle}: add one to test/support/permissionMatrix.ts`);
  }
  return sample;
}

/** Two items already in the list for one caller: one they wrote, one someone else wrote. */
export interface ProbeItems {
  readonly own: number;
  readonly others: number;
}

/**
 * Tries every operation of one cell over REST as `rest` (whose site user is `me`) on `listTitle`,
 * and answers the cell as observed. `items` are spent (updated, then deleted). The store is
 * read to check that an allowed write happened and a denied one did not.
 */
export async function probeCell(
  tenant: RunningTenant,
  rest: SiteRest,
  me: Person,
  listTitle: string,
  items: ProbeItems,
  newItem: Record<string, unknown>
): Promise<string> {
  const store = tenant.context.sp;
  const list = `web/lists/getByTitle('${listTitle}')`;
  const notes: string[] = [];

  // Read: a query over both items, and each by id.
  const query = await rest.call('GET', `${list}/items?$select=Id,AuthorId&$filter=Id ge ${Math.min(items.own, items.others)}&$top=5000`);
  const rows = query.status === 200 ? ((query.body as { value?: Array<{ Id: number; AuthorId: number }> }).value ?? []) : [];
  if (query.status !== 200) {
    notes.push(`query ${query.status}`);
  }
  const byId = async (id: number): Promise<number> => (await rest.call('GET', `${list}/items(${id})?$select=Id`)).status;
  const visible = async (id: number, which: string): Promise<boolean> => {
    const inQuery = rows.some((row) => row.Id === id);
    const status = await byId(id);
    if (inQuery && status === 200) {
      return true;
    }
    if (!inQuery && status === 404) {
      return false;
    }
    notes.push(`${which}: ${inQuery ? 'in' : 'not in'} query, by id ${status}`);
    return inQuery;
  };
  const seesOwn = await visible(items.own, 'own');
  const seesOthers = await visible(items.others, 'others');
  const read = seesOwn && seesOthers ? 'all' : seesOwn ? 'own' : seesOthers ? 'others only' : 'none';
  if (read === 'own' && rows.some((row) => row.AuthorId !== me.spUserId)) {
    notes.push('query shows items of others');
  }

  // Create.
  const created = await rest.call('POST', `${list}/items`, newItem);
  let create = '?';
  if (created.status === 201) {
    const id = (created.body as { Id?: number } | undefined)?.Id ?? 0;
    create = store.item(listTitle, id)?.authorId === me.spUserId ? '+' : '?';
    if (create === '?') {
      notes.push(`created item ${id} is not the caller's`);
    }
  } else if (created.status === 403) {
    create = '-';
  } else {
    notes.push(`create ${created.status} ${JSON.stringify(created.body)}`);
  }

  // Update, then delete: own item, then someone else's.
  const write = async (kind: 'update' | 'delete', id: number, readable: boolean): Promise<string> => {
    const title = `${kind}d by ${me.spUserId}`;
    const answer = kind === 'update' ? await rest.call('MERGE', `${list}/items(${id})`, { Title: title }) : await rest.call('DELETE', `${list}/items(${id})`);
    const after = store.item(listTitle, id);
    const happened = kind === 'update' ? after?.values.Title === title : after === undefined;
    const allowed = kind === 'update' ? answer.status === 204 : answer.status === 200;
    // Denied: access denied; for an item the caller cannot read, "Item does not exist" (404).
    const denied = answer.status === (readable ? 403 : 404);
    if (allowed && happened) {
      return '+';
    }
    if (denied && !happened) {
      return '-';
    }
    notes.push(`${kind} ${id}: ${answer.status}, ${happened ? 'done' : 'not done'}`);
    return '?';
  };
  const updateOwn = await write('update', items.own, seesOwn);
  const updateOthers = await write('update', items.others, seesOthers);
  const deleteOwn = await write('delete', items.own, seesOwn);
  const deleteOthers = await write('delete', items.others, seesOthers);

  const cell = `${read} C${create} U${updateOwn}${updateOthers} D${deleteOwn}${deleteOthers}`;
  return notes.length ? `${cell} [${notes.join('; ')}]` : cell;
}
