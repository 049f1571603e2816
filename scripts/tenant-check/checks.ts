/**
 * The tenant check: runs, on a test site of a real SharePoint Online tenant, each behaviour the
 * local tenant emulates and the product relies on (docs/local-tenant.md, "Checks only a real
 * tenant can settle"), in scratch lists named `SE_TenantCheck_<timestamp>_…` that it deletes at
 * the end, also after a failure. Each check says what the local tenant assumes, what this tenant
 * did, and `same`, `DIFFERENT` or `could not check`. See docs/tenant-check.md.
 */
import { randomUUID } from 'crypto';

import { type Answer, AuthError, type BatchRequest, describe, type FetchLike, quote, SharePointClient, VERBOSE } from './client';

export type Verdict = 'same' | 'DIFFERENT' | 'could not check' | 'skipped';

export interface CheckResult {
  /** Stable id, e.g. `unique-then-read-own`. */
  readonly id: string;
  readonly name: string;
  /** What the local tenant assumes SharePoint Online does. */
  readonly assumption: string;
  /** What this tenant did (statuses and SharePoint's own words). */
  readonly observed: string;
  readonly verdict: Verdict;
  /** Why it could not be checked, or was skipped. */
  readonly reason?: string;
  /** The product feature that relies on the assumption. */
  readonly protects: string;
  /** The wall's large-list reads depend on it. */
  readonly important?: boolean;
  /** When it differs, the product cannot be deployed as it is: say so. */
  readonly blockerWhenDifferent?: boolean;
}

export interface TenantCheckReport {
  readonly site: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly large: boolean;
  /** The scratch lists made, and whether each was deleted. */
  readonly lists: ReadonlyArray<{ title: string; deleted: boolean; note?: string }>;
  readonly checks: readonly CheckResult[];
  /** What one identity cannot check: to do by hand. */
  readonly manual: readonly string[];
  /** 0: every check ran and matched; 1: one differs or could not be checked. */
  readonly exitCode: 0 | 1;
}

export interface TenantCheckOptions {
  /** The test site's absolute URL, e.g. https://contoso.sharepoint.com/sites/engage-test. */
  readonly site: string;
  /** A bearer token for SharePoint (audience: the tenant's SharePoint origin). */
  readonly token: string;
  /** Also fill a scratch list past 5,000 items and run the large-list checks (slow). */
  readonly large?: boolean;
  /** Keep the scratch lists (to look at them); they are deleted otherwise. */
  readonly keep?: boolean;
  /** Progress lines (the report itself is the caller's to print). */
  readonly log?: (line: string) => void;
  readonly fetch?: FetchLike;
  /** The scratch lists' names end with it; a timestamp unless given. */
  readonly stamp?: string;
}

/** Items in the large list: one more than the list view threshold. */
export const LARGE_LIST_ITEMS = 5001;
const VIEW_THRESHOLD = 5000;
const BATCH_SIZE = 100;
/** SharePoint's list view threshold error (`SPQueryThrottledException`). */
const THRESHOLD_CODE = '-2147024860';
const DUPLICATE_CODE = 'SPDuplicateValuesFoundException';
const INDEX_OUT_OF_RANGE = 'System.IndexOutOfRangeException';

/** Bits of SP.BasePermissions' Low half. */
const MANAGE_LISTS = 0x800;
const MANAGE_PERMISSIONS = 0x2000000;

export const MANUAL_CHECKLIST: readonly string[] = [
  'Override List Behaviors exempts from "own items only" (protects: HR reads every report in SE_Reports). ' +
    'In a list set to Read access "Read items that were created by the user", add an item as a second account ' +
    'with Contribute; that account sees only its own items, and an account with Design (or Full Control) sees every item.',
  'Manage Lists alone does not exempt: a custom level with Manage Lists but without Override List Behaviors ' +
    '(or the Edit level) sees only its own items in that list.',
  "The HR group's permission level includes Override List Behaviors (Design, or a custom level with it): " +
    'Site settings > Site permissions > the HR group > its level > Override List Behaviors is ticked. ' +
    'The Engage Setup web part warns the person opening it when they lack it; no setting names the HR group, so it cannot check the group.',
  'With "Create and edit access: own items" (WriteSecurity 2), the second account cannot edit or delete an item the first made.'
];

interface Outcome {
  readonly observed: string;
  readonly verdict: Verdict;
  readonly reason?: string;
}

interface CheckSpec {
  readonly id: string;
  readonly name: string;
  readonly assumption: string;
  readonly protects: string;
  readonly important?: boolean;
  readonly blockerWhenDifferent?: boolean;
  readonly large?: boolean;
}

const same = (observed: string): Outcome => ({ observed, verdict: 'same' });
const different = (observed: string): Outcome => ({ observed, verdict: 'DIFFERENT' });
const couldNot = (observed: string, reason: string): Outcome => ({ observed, verdict: 'could not check', reason });

/** Every check, in the order they run and are printed. */
export const CHECKS = {
  uniqueThenReadOwn: {
    id: 'unique-then-read-own',
    name: 'Unique column, then read own items',
    assumption: 'A list with a unique column (EnforceUniqueValues, indexed) cannot be set to ReadSecurity 2 ("read items that were created by the user"): refused.',
    protects: 'SE_Reports, SE_Participation and SE_Responses (own items only) keep one item per key without a unique column; the Engage Setup part turns uniqueness off before it sets own items only.'
  },
  readOwnThenUnique: {
    id: 'read-own-then-unique',
    name: 'Read own items, then a unique column',
    assumption: 'In a list with ReadSecurity 2, a field cannot be made unique (EnforceUniqueValues true): refused.',
    protects: 'The same lists: their keys are indexed, not unique, and the writers keep one item per key themselves.'
  },
  uniqueWithWriteOwn: {
    id: 'unique-with-write-own',
    name: 'Unique column with edit own items',
    assumption: 'A list with a unique column can be set to WriteSecurity 2 ("create items and edit items that were created by the user"): accepted.',
    protects: 'SE_Reactions and SE_Preferences: a unique key (one reaction per person, one preference row per person) and people editing only their own items.',
    blockerWhenDifferent: true
  },
  itemPermissionsInUniqueList: {
    id: 'item-permissions-in-unique-list',
    name: 'Item permissions in a list with a unique column',
    assumption: 'items(n)/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true) in a list with a unique column: refused.',
    protects: 'Private and crew recognitions get item permissions in SE_Recognitions, so its ClientRequestId is not unique (the relay keeps one item per key); a list with a unique column must refuse item permissions, as the product assumes.'
  },
  uniqueIgnoresCase: {
    id: 'unique-ignores-case',
    name: 'Unique values ignore case',
    assumption: 'In a unique column, "abc" after "ABC" is a duplicate (SPDuplicateValuesFoundException).',
    protects: 'Unique keys (src/core/models/keys.ts) never rely on case to differ: numbers, lower-case login names and request ids.'
  },
  eqIgnoresCase: {
    id: 'eq-ignores-case',
    name: '`eq` on text ignores case',
    assumption: "$filter=CheckKey eq 'abc' finds the item whose CheckKey is 'ABC'.",
    protects: 'Lookups by key (reports, participation, answers, preferences) find a row that differs only by case.'
  },
  batchAfterFailedPart: {
    id: 'batch-after-failed-part',
    name: '$batch parts after a failed part',
    assumption: 'In a $batch of GETs (no changeset) whose first part fails (a missing list), every later part is answered 500 System.IndexOutOfRangeException and not run.',
    protects: 'The Engage Setup check, the wall\'s first batch and the crew reads queue the parts that may fail last and ask refused parts again.'
  },
  batchStatusReason: {
    id: 'batch-status-reason',
    name: '$batch status line reason phrase',
    assumption: 'A $batch part that is not found has the status line "HTTP/1.1 404 Not Found".',
    protects: 'The batch parsing in the product and in the local tenant read the same status lines.'
  },
  endswith: {
    id: 'filter-endswith',
    name: '`endswith` in $filter',
    assumption: 'endswith(CheckKey,\'C\') is refused.',
    protects: 'The wall and admin filters use startswith and substringof only.'
  },
  substringof: {
    id: 'filter-substringof',
    name: '`substringof` in $filter',
    assumption: "substringof('B',CheckKey) is answered.",
    protects: 'Text search (people and values) uses substringof, SharePoint\'s OData v3 spelling.'
  },
  contains: {
    id: 'filter-contains',
    name: '`contains` in $filter',
    assumption: "contains(CheckKey,'B') is refused (OData v4; SharePoint's REST service speaks v3).",
    protects: 'No product query uses contains.'
  },
  year: {
    id: 'filter-year',
    name: '`year()` in $filter',
    assumption: 'year(Created) eq <this year> is answered.',
    protects: 'Date-part filters (periods on the wall, anniversaries) on small lists.'
  },
  metadataInJsonLight: {
    id: 'metadata-in-json-light',
    name: '__metadata in a JSON light body',
    assumption: 'Creating an item with Content-Type application/json;odata=nometadata and __metadata in the body: 400.',
    protects: 'The product writes JSON light bodies without __metadata (PnPjs v4).'
  },
  wrongODataType: {
    id: 'wrong-odata-type',
    name: 'A wrong odata.type in a create body',
    assumption: 'Creating an item whose body names an odata.type other than the list\'s ListItemEntityTypeFullName: 400 (the right type is accepted).',
    protects: 'Item type names are the list\'s own (SP.Data.SE_x005f_…ListItem), never guessed from the title.'
  },
  largeOr: {
    id: 'large-or',
    name: 'Large list: `or`',
    assumption: "On a list over 5,000 items, ID eq <an id> or CheckKind eq 'x' gets the list view threshold error (-2147024860).",
    protects: 'The wall never asks a large list for or.',
    large: true
  },
  largeNot: {
    id: 'large-not',
    name: 'Large list: `not`',
    assumption: "On a list over 5,000 items, not (CheckKind eq 'x') gets the threshold error.",
    protects: 'The wall never asks a large list for not.',
    large: true
  },
  largeTop: {
    id: 'large-top',
    name: 'Large list: $top over 5,000',
    assumption: 'On a list over 5,000 items, $top=6000 gets the threshold error.',
    protects: 'No product read asks for more than 5,000 items.',
    large: true
  },
  largeIdWindow: {
    id: 'large-id-window',
    name: 'Large list: an ID window of at most 5,000 (IMPORTANT)',
    assumption: 'On a list over 5,000 items, ID gt a and ID le b with b - a = 5,000 is answered (the range is judged as one).',
    protects: 'The recognition wall\'s "Show more" paging walks ID windows of 5,000 on SE_Recognitions past 5,000 items; if refused, the wall cannot page a large list.',
    important: true,
    blockerWhenDifferent: true,
    large: true
  },
  largeNe: {
    id: 'large-ne',
    name: 'Large list: `ne` on an indexed column',
    assumption: "On a list over 5,000 items, CheckKind ne 'x' (indexed, matching every item) gets the threshold error.",
    protects: 'Wall filters are eq conditions after the ID window, never ne first.',
    large: true
  }
} satisfies Record<string, CheckSpec>;

/** A field's schema XML for `fields/CreateFieldAsXml`. */
function textField(name: string, indexed: boolean, unique: boolean): string {
  return (
    `<Field ID="{${randomUUID()}}" Type="Text" Name="${name}" StaticName="${name}" DisplayName="${name}" MaxLength="255"` +
    `${indexed ? ' Indexed="TRUE"' : ''}${unique ? ' EnforceUniqueValues="TRUE"' : ''} />`
  );
}

function stampNow(): string {
  // Milliseconds too: two runs in the same second must not meet each other's lists.
  return new Date().toISOString().replace(/[-:]/g, '').replace('T', '_').replace('.', '_').replace(/Z$/, '');
}

function isRefused(answer: Answer): boolean {
  return answer.status >= 400;
}

function hasCode(answer: Answer, code: string): boolean {
  return (answer.errorCode ?? '').includes(code) || answer.text.includes(code);
}

/** Runs every check and returns the report; throws AuthError when the token or its rights do not do. */
export async function runTenantCheck(options: TenantCheckOptions): Promise<TenantCheckReport> {
  const log = options.log ?? (() => undefined);
  const site = options.site.replace(/\/+$/, '');
  const client = new SharePointClient(site, options.token, options.fetch, log);
  const startedAt = new Date().toISOString();
  const stamp = options.stamp ?? stampNow();
  const base = `SE_TenantCheck_${stamp}`;
  const titles = { unique: `${base}_Unique`, readOwn: `${base}_ReadOwn`, large: `${base}_Large` };
  const results = new Map<string, CheckResult>();
  const created: string[] = [];
  const lists: Array<{ title: string; deleted: boolean; note?: string }> = [];

  const record = (spec: CheckSpec, outcome: Outcome): void => {
    results.set(spec.id, {
      id: spec.id,
      name: spec.name,
      assumption: spec.assumption,
      protects: spec.protects,
      ...(spec.important ? { important: true } : {}),
      ...(spec.blockerWhenDifferent ? { blockerWhenDifferent: true } : {}),
      ...outcome
    });
    log(`  ${spec.name}: ${outcome.verdict}`);
  };
  /** Runs one check; an unexpected failure makes it "could not check", never the whole run. */
  const check = async (spec: CheckSpec, work: () => Promise<Outcome>): Promise<void> => {
    try {
      record(spec, await work());
    } catch (error) {
      if (error instanceof AuthError) {
        throw error;
      }
      record(spec, couldNot('', error instanceof Error ? error.message : String(error)));
    }
  };

  const list = (title: string): string => `web/lists/getbytitle(${quote(title)})`;

  async function createList(title: string, fields: readonly string[]): Promise<string> {
    const made = await client.write(
      'web/lists',
      { __metadata: { type: 'SP.List' }, BaseTemplate: 100, Title: title, Description: 'Shopfloor Engage tenant check: a scratch list, safe to delete.', AllowContentTypes: false, ContentTypesEnabled: false },
      { contentType: VERBOSE, accept: VERBOSE }
    );
    if (made.status === 401 || made.status === 403) {
      throw new AuthError(`The account cannot create lists on ${site}: ${describe(made)}. Run the check as a site owner of the test site.`);
    }
    if (!made.ok) {
      throw new Error(`Creating the scratch list ${title} failed: ${describe(made)}`);
    }
    created.push(title);
    for (const xml of fields) {
      const field = await client.write(
        `${list(title)}/fields/createfieldasxml`,
        { parameters: { __metadata: { type: 'SP.XmlSchemaFieldCreationInformation' }, SchemaXml: xml } },
        { contentType: VERBOSE, accept: VERBOSE }
      );
      if (!field.ok) {
        throw new Error(`Adding a column to ${title} failed: ${describe(field)}`);
      }
    }
    const info = await client.get(`${list(title)}?$select=Id,ListItemEntityTypeFullName`);
    const typeName = (info.json as { ListItemEntityTypeFullName?: unknown } | undefined)?.ListItemEntityTypeFullName;
    if (!info.ok || typeof typeName !== 'string') {
      throw new Error(`Reading the scratch list ${title} failed: ${describe(info)}`);
    }
    return typeName;
  }

  const readNumber = async (path: string, property: string): Promise<number | undefined> => {
    const answer = await client.get(`${path}?$select=${property}`);
    const value = (answer.json as Record<string, unknown> | undefined)?.[property];
    return typeof value === 'number' ? value : typeof value === 'boolean' ? Number(value) : undefined;
  };

  const addItem = (title: string, values: Record<string, unknown>, contentType?: string): Promise<Answer> =>
    client.write(`${list(title)}/items`, values, { contentType });

  const itemsQuery = (title: string, query: string): Promise<Answer> => client.get(`${list(title)}/items?${query}`);

  const rows = (answer: Answer): Array<Record<string, unknown>> => {
    const json = answer.json as { value?: unknown; d?: { results?: unknown } } | undefined;
    const value = json?.value ?? json?.d?.results;
    return Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
  };

  const runSmallChecks = async (itemType: string, managePermissions: boolean | undefined): Promise<void> => {
    const U = titles.unique;
    const R = titles.readOwn;

    await check(CHECKS.uniqueThenReadOwn, async () => {
      const answer = await client.write(list(U), { ReadSecurity: 2 }, { method: 'MERGE' });
      const now = await readNumber(list(U), 'ReadSecurity');
      if (isRefused(answer)) {
        return now === 2 ? different(`refused (${describe(answer)}), yet ReadSecurity reads 2`) : same(`refused: ${describe(answer)}`);
      }
      await client.write(list(U), { ReadSecurity: 1 }, { method: 'MERGE' });
      return different(`accepted: ${describe(answer)}; ReadSecurity read back: ${now ?? '?'}`);
    });

    await check(CHECKS.readOwnThenUnique, async () => {
      const control = await client.write(list(R), { ReadSecurity: 2 }, { method: 'MERGE' });
      if (isRefused(control) || (await readNumber(list(R), 'ReadSecurity')) !== 2) {
        return couldNot(`ReadSecurity 2 on a list without a unique column: ${describe(control)}`, 'the list without a unique column could not be set to read own items');
      }
      const field = `${list(R)}/fields/getbyinternalnameortitle('CheckKey')`;
      const answer = await client.write(field, { EnforceUniqueValues: true }, { method: 'MERGE' });
      const now = await readNumber(field, 'EnforceUniqueValues');
      if (isRefused(answer)) {
        return now === 1 ? different(`refused (${describe(answer)}), yet EnforceUniqueValues reads true`) : same(`refused: ${describe(answer)}`);
      }
      return different(`accepted: ${describe(answer)}; EnforceUniqueValues read back: ${now === undefined ? '?' : now === 1}`);
    });

    await check(CHECKS.uniqueWithWriteOwn, async () => {
      const answer = await client.write(list(U), { WriteSecurity: 2 }, { method: 'MERGE' });
      const now = await readNumber(list(U), 'WriteSecurity');
      if (!isRefused(answer) && now === 2) {
        await client.write(list(U), { WriteSecurity: 1 }, { method: 'MERGE' });
        return same(`accepted: ${answer.status}; WriteSecurity read back: 2`);
      }
      return different(
        `${isRefused(answer) ? `refused: ${describe(answer)}` : `answered ${describe(answer)} but WriteSecurity reads ${now ?? '?'}`}. ` +
          'BLOCKER: SE_Reactions and SE_Preferences need a unique column with "edit own items"; do not deploy, contact us with this report.'
      );
    });

    await check(CHECKS.itemPermissionsInUniqueList, async () => {
      if (managePermissions === false) {
        return couldNot('', 'the account has no Manage Permissions on the site (a site owner has it)');
      }
      const item = await addItem(U, { Title: 'Tenant check: item permissions', CheckKey: 'ITEM-PERMISSIONS' });
      const id = (item.json as { Id?: unknown } | undefined)?.Id;
      if (!item.ok || typeof id !== 'number') {
        return couldNot(`adding an item: ${describe(item)}`, 'no item to try it on');
      }
      const breakIn = (title: string, itemId: number): Promise<Answer> =>
        client.write(`${list(title)}/items(${itemId})/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)`, undefined);
      const answer = await breakIn(U, id);
      if (answer.status === 401 || answer.status === 403) {
        return couldNot(describe(answer), 'the account may not change permissions');
      }
      if (!isRefused(answer)) {
        return different(`accepted: ${describe(answer)}`);
      }
      // The same request in a list without a unique column tells this refusal from one of item permissions as such.
      const other = await addItem(R, { Title: 'Tenant check: item permissions', CheckKey: 'ITEM-PERMISSIONS' });
      const otherId = (other.json as { Id?: unknown } | undefined)?.Id;
      const control = typeof otherId === 'number' ? await breakIn(R, otherId) : other;
      const seen = `refused: ${describe(answer)}; without a unique column: ${describe(control)}`;
      if (isRefused(control) && describe(control) === describe(answer)) {
        return couldNot(seen, 'refused the same way in a list without a unique column');
      }
      return same(seen);
    });

    let abcAdded = false;
    await check(CHECKS.uniqueIgnoresCase, async () => {
      const first = await addItem(U, { Title: 'Tenant check: case', CheckKey: 'ABC' });
      if (!first.ok) {
        return couldNot(`adding CheckKey 'ABC': ${describe(first)}`, "the first value could not be added");
      }
      abcAdded = true;
      const second = await addItem(U, { Title: 'Tenant check: case', CheckKey: 'abc' });
      if (second.ok) {
        return different(`'abc' after 'ABC' was accepted (${describe(second)}): the column compares case-sensitively`);
      }
      return hasCode(second, DUPLICATE_CODE)
        ? same(`'abc' after 'ABC' refused as a duplicate: ${describe(second)}`)
        : couldNot(`'abc' after 'ABC': ${describe(second)}`, 'refused, but not as a duplicate value');
    });

    await check(CHECKS.eqIgnoresCase, async () => {
      const answer = await itemsQuery(U, `$select=Id,CheckKey&$filter=${encodeURIComponent("CheckKey eq 'abc'")}`);
      if (!answer.ok) {
        return couldNot(describe(answer), 'the filter was refused');
      }
      const keys = rows(answer).map((row) => String(row.CheckKey));
      if (!abcAdded) {
        return couldNot(`found ${JSON.stringify(keys)}`, "no item with CheckKey 'ABC' to find");
      }
      return keys.includes('ABC') ? same(`found ${JSON.stringify(keys)}`) : different(`found ${JSON.stringify(keys)}: eq compares case-sensitively`);
    });

    const missing = `${base}_Missing`;
    let batchParts: Awaited<ReturnType<SharePointClient['batch']>> | undefined;
    let batchProblem: string | undefined;
    try {
      const requests: BatchRequest[] = [
        { method: 'GET', path: `${list(missing)}/items?$select=Id&$top=1` },
        { method: 'GET', path: 'web?$select=Title' },
        { method: 'GET', path: `${list(U)}/items?$select=Id&$top=1` }
      ];
      batchParts = await client.batch(requests);
    } catch (error) {
      batchProblem = error instanceof Error ? error.message : String(error);
    }

    await check(CHECKS.batchAfterFailedPart, async () => {
      if (!batchParts) {
        return couldNot('', batchProblem ?? 'no batch answer');
      }
      const [first, ...later] = batchParts;
      const seen = batchParts.map((part, i) => `part ${i + 1}: ${describe(part)}`).join('; ');
      if (!first || later.length < 2) {
        return couldNot(seen, `expected 3 parts in the answer, got ${batchParts.length}`);
      }
      if (!isRefused(first)) {
        return couldNot(seen, 'the read of a missing list did not fail');
      }
      const refused = later.filter((part) => part.status === 500 && hasCode(part, INDEX_OUT_OF_RANGE));
      if (refused.length === later.length) {
        return same(seen);
      }
      if (later.every((part) => part.ok)) {
        return different(`${seen}. Later parts are answered independently (the product stays right either way).`);
      }
      return different(seen);
    });

    await check(CHECKS.batchStatusReason, async () => {
      const first = batchParts?.[0];
      if (!first) {
        return couldNot('', batchProblem ?? 'no batch answer');
      }
      if (first.status !== 404) {
        return couldNot(`status line: ${first.statusLine}`, 'the read of a missing list was not answered 404');
      }
      return first.reason === 'Not Found' ? same(`status line: ${first.statusLine}`) : different(`status line: ${first.statusLine}`);
    });

    const filterCheck = async (spec: CheckSpec, filter: string, expectRefused: boolean): Promise<void> =>
      check(spec, async () => {
        const answer = await itemsQuery(U, `$select=Id&$filter=${encodeURIComponent(filter)}`);
        const what = `$filter=${filter}: ${answer.ok ? `answered (${rows(answer).length} items)` : `refused: ${describe(answer)}`}`;
        return isRefused(answer) === expectRefused ? same(what) : different(what);
      });
    await filterCheck(CHECKS.endswith, "endswith(CheckKey,'C')", true);
    await filterCheck(CHECKS.substringof, "substringof('B',CheckKey)", false);
    await filterCheck(CHECKS.contains, "contains(CheckKey,'B')", true);
    await filterCheck(CHECKS.year, `year(Created) eq ${new Date().getUTCFullYear()}`, false);

    await check(CHECKS.metadataInJsonLight, async () => {
      const answer = await addItem(U, { __metadata: { type: itemType }, Title: 'Tenant check: __metadata', CheckKey: 'METADATA-1' });
      if (answer.status === 400) {
        return same(`refused: ${describe(answer)}`);
      }
      return answer.ok ? different(`accepted: ${describe(answer)}`) : couldNot(describe(answer), 'refused, but not with 400');
    });

    await check(CHECKS.wrongODataType, async () => {
      const wrongType = 'SP.Data.SE_x005f_TenantCheckWrongListItem';
      const wrong = await addItem(U, { 'odata.type': wrongType, Title: 'Tenant check: odata.type', CheckKey: 'TYPE-WRONG' }, 'application/json');
      const right = await addItem(U, { 'odata.type': itemType, Title: 'Tenant check: odata.type', CheckKey: 'TYPE-RIGHT' }, 'application/json');
      const seen = `odata.type ${wrongType}: ${describe(wrong)}; the list's own ${itemType}: ${describe(right)}`;
      if (!right.ok) {
        return couldNot(seen, "the list's own type was refused too");
      }
      if (wrong.status === 400) {
        return same(seen);
      }
      return wrong.ok ? different(seen) : couldNot(seen, 'refused, but not with 400');
    });
  };

  const runLargeChecks = async (specs: readonly CheckSpec[]): Promise<void> => {
    const L = titles.large;
    let problem: string | undefined;
    let lastId = 0;
    try {
      await createList(L, [textField('CheckKind', true, false)]);
      log(`Filling ${L} with ${LARGE_LIST_ITEMS} items in $batch requests of ${BATCH_SIZE} (a few minutes on SharePoint Online)…`);
      let added = 0;
      let failures = 0;
      while (added < LARGE_LIST_ITEMS) {
        const count = Math.min(BATCH_SIZE, LARGE_LIST_ITEMS - added);
        const requests: BatchRequest[] = Array.from({ length: count }, (_, i) => ({
          method: 'POST',
          path: `${list(L)}/items`,
          body: { Title: `row ${added + i + 1}`, CheckKind: 'a' }
        }));
        const parts = await client.batch(requests);
        const ok = parts.filter((part) => part.ok);
        for (const part of ok) {
          const id = (part.json as { Id?: unknown } | undefined)?.Id;
          lastId = typeof id === 'number' && id > lastId ? id : lastId;
        }
        added += ok.length;
        failures += count - ok.length;
        if (failures > 500) {
          const sample = parts.find((part) => !part.ok);
          throw new Error(`too many adds failed while filling the list (last: ${sample ? describe(sample) : '?'})`);
        }
        if (added % 1000 < BATCH_SIZE || added >= LARGE_LIST_ITEMS) {
          log(`  ${added} / ${LARGE_LIST_ITEMS}`);
        }
      }
      const control = await itemsQuery(L, `$select=Id&$top=10&$filter=${encodeURIComponent("CheckKind eq 'x'")}`);
      if (!control.ok) {
        throw new Error(`a filter on the indexed column alone was refused (${describe(control)}): the list cannot tell the other checks apart`);
      }
    } catch (error) {
      if (error instanceof AuthError) {
        throw error;
      }
      problem = error instanceof Error ? error.message : String(error);
    }
    if (problem !== undefined) {
      for (const spec of specs) {
        record(spec, couldNot('', `the large scratch list could not be made: ${problem}`));
      }
      return;
    }

    const thresholdCheck = async (spec: CheckSpec, query: string, shown: string): Promise<void> =>
      check(spec, async () => {
        const answer = await itemsQuery(L, query);
        if (answer.ok) {
          return different(`${shown}: answered (${rows(answer).length} items)`);
        }
        return hasCode(answer, THRESHOLD_CODE)
          ? same(`${shown}: refused: ${describe(answer)}`)
          : couldNot(`${shown}: refused: ${describe(answer)}`, 'refused, but not with the list view threshold error');
      });
    const filter = (text: string): string => `$select=Id&$filter=${encodeURIComponent(text)}`;

    const orFilter = `ID eq ${lastId} or CheckKind eq 'x'`;
    await thresholdCheck(CHECKS.largeOr, filter(orFilter), `$filter=${orFilter}`);
    await thresholdCheck(CHECKS.largeNot, filter("not (CheckKind eq 'x')"), "$filter=not (CheckKind eq 'x')");
    await thresholdCheck(CHECKS.largeTop, '$select=Id&$top=6000', '$top=6000');
    await check(CHECKS.largeIdWindow, async () => {
      const lower = Math.max(0, lastId - VIEW_THRESHOLD);
      const text = `ID gt ${lower} and ID le ${lastId}`;
      const answer = await itemsQuery(L, `${filter(text)}&$orderby=ID desc&$top=100`);
      const shown = `$filter=${text}&$orderby=ID desc&$top=100`;
      return answer.ok
        ? same(`${shown}: answered (${rows(answer).length} items)`)
        : different(
            `${shown}: refused: ${describe(answer)}. BLOCKER for large walls: the wall's paging past 5,000 recognitions relies on it; contact us with this report.`
          );
    });
    await thresholdCheck(CHECKS.largeNe, filter("CheckKind ne 'x'"), "$filter=CheckKind ne 'x'");
  };

  try {
    // The token, the site and the account's rights.
    let web: Answer;
    try {
      web = await client.get('web?$select=Title,Url');
    } catch (error) {
      throw new AuthError(`${site} could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (web.status === 401 || web.status === 403) {
      throw new AuthError(`SharePoint refused the token for ${site}: ${describe(web)}`);
    }
    if (!web.ok) {
      throw new AuthError(`${site} did not answer as a SharePoint site: ${describe(web)}`);
    }
    await client.formDigest();
    const rights = await client.get('web/effectivebasepermissions');
    const low = Number((rights.json as { Low?: unknown } | undefined)?.Low ?? Number.NaN);
    if (rights.ok && Number.isFinite(low) && (low & MANAGE_LISTS) === 0) {
      throw new AuthError(`The account has no Manage Lists on ${site}: run the check as a site owner of the test site.`);
    }
    const managePermissions = Number.isFinite(low) ? (low & MANAGE_PERMISSIONS) !== 0 : undefined;

    log(`Scratch lists: ${base}_…`);
    let uniqueType: string | undefined;
    let setupProblem: string | undefined;
    try {
      uniqueType = await createList(titles.unique, [textField('CheckKey', true, true)]);
      await createList(titles.readOwn, [textField('CheckKey', true, false)]);
    } catch (error) {
      if (error instanceof AuthError) {
        throw error;
      }
      setupProblem = error instanceof Error ? error.message : String(error);
    }

    const small = Object.values(CHECKS).filter((spec: CheckSpec) => !spec.large);
    if (setupProblem !== undefined || uniqueType === undefined) {
      for (const spec of small) {
        record(spec, couldNot('', `the scratch lists could not be made: ${setupProblem ?? 'unknown'}`));
      }
    } else {
      await runSmallChecks(uniqueType, managePermissions);
    }

    const largeSpecs = Object.values(CHECKS).filter((spec: CheckSpec) => spec.large === true);
    if (options.large !== true) {
      for (const spec of largeSpecs) {
        results.set(spec.id, {
          id: spec.id,
          name: spec.name,
          assumption: spec.assumption,
          protects: spec.protects,
          ...('important' in spec ? { important: true } : {}),
          ...('blockerWhenDifferent' in spec ? { blockerWhenDifferent: true } : {}),
          observed: '',
          verdict: 'skipped',
          reason: 'run with --large (fills a scratch list past 5,000 items; takes a few minutes)'
        });
      }
    } else {
      await runLargeChecks(largeSpecs);
    }

  } finally {
    for (const title of created) {
      if (options.keep === true) {
        lists.push({ title, deleted: false, note: 'kept (--keep)' });
        continue;
      }
      try {
        const answer = await client.write(list(title), undefined, { method: 'DELETE' });
        lists.push(answer.ok ? { title, deleted: true } : { title, deleted: false, note: `delete it by hand: ${describe(answer)}` });
      } catch (error) {
        lists.push({ title, deleted: false, note: `delete it by hand: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }

  const checks = Object.values(CHECKS)
    .map((spec: CheckSpec) => results.get(spec.id))
    .filter((result): result is CheckResult => result !== undefined);
  const confirmed = checks.every((result) => result.verdict === 'same' || result.verdict === 'skipped');
  return {
    site,
    startedAt,
    finishedAt: new Date().toISOString(),
    large: options.large === true,
    lists,
    checks,
    manual: MANUAL_CHECKLIST,
    exitCode: confirmed ? 0 : 1
  };
}
