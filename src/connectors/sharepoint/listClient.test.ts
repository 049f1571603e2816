/**
 * The registry-typed list client, the one error mapping and the tick batcher, through real
 * PnPjs with SharePoint's answers scripted (the request leaves through a replaced `send`).
 */
import type { Queryable } from '@pnp/queryable';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';

import { RecognitionStoreError } from '../../core/recognition/ports';
import { LISTS } from '../../core/schema/lists';
import { storeCall, storeErrorCodeOf } from './httpErrors';
import { setupErrorCodeOf } from './setupErrors';
import { fieldOf, listOf, rowOf, tickBatcher } from './listClient';

const SITE = 'https://contoso.sharepoint.com/sites/engage';

interface Sent {
  readonly url: URL;
  readonly method: string;
  readonly body: string;
}

type Script = (sent: Sent) => Response;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json;odata=nometadata' } });
}

function scripted(script: Script, sent: Sent[] = []): SPFI {
  const send = (instance: Queryable): Queryable => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      const request = { url, method: init.method ?? 'GET', body: typeof init.body === 'string' ? init.body : '' };
      sent.push(request);
      return script(request);
    });
    return instance;
  };
  return spfi(SITE).using(SPBrowser({ baseUrl: SITE }), send);
}

/** The inner requests of a `$batch` body, as `METHOD url`. */
function partsOf(body: string): string[] {
  return Array.from(body.matchAll(/^(GET|POST|PATCH|MERGE|DELETE) (\S+) HTTP\/1\.1\s*$/gm), (m) => `${m[1]} ${decodeURIComponent(m[2])}`);
}

/** A `$batch` answer the way SharePoint formats it, one inner answer per part. */
function batchAnswer(answers: ReadonlyArray<{ status: number; body: unknown }>): Response {
  const boundary = 'batchresponse_7c4a1f3e';
  const lines = answers.flatMap((answer) => [
    `--${boundary}`,
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    '',
    `HTTP/1.1 ${answer.status} ${answer.status === 200 ? 'OK' : 'Error'}`,
    'CONTENT-TYPE: application/json;odata=nometadata',
    '',
    JSON.stringify(answer.body)
  ]);
  return new Response([...lines, `--${boundary}--`, ''].join('\r\n'), {
    status: 200,
    headers: { 'content-type': `multipart/mixed; boundary=${boundary}` }
  });
}

const DIGEST = { FormDigestValue: 'digest', FormDigestTimeoutSeconds: 1800 };

describe('listOf: field names from the registry', () => {
  it('names each model property by the internal name LISTS keeps, built-in columns too', () => {
    const recognitions = listOf(scripted(() => json(200, {})), LISTS.recognitions);
    expect(recognitions.fields('id', 'message', 'giver', 'author', 'clientRequestId', 'title')).toEqual(['ID', 'Message', 'Giver', 'Author', 'ClientRequestId', 'Title']);
    expect(recognitions.idField('recipient')).toBe('RecipientId');
    expect(recognitions.eq('crewKey', "GOT O'Brien crew")).toBe("CrewKey eq 'GOT O''Brien crew'");
    expect(listOf(scripted(() => json(200, {})), LISTS.preferences).eq('hideFromPublicWall', true)).toBe('HideFromPublicWall eq 1');
    expect(fieldOf(LISTS.reports, 'author')).toBe('Author');
    // A property the registry does not know is a mistake in the adapter, never a guessed name.
    expect(() => fieldOf(LISTS.values, 'nope' as 'title')).toThrow('SE_Values has no property nope');
  });

  it('asks for model properties, person ids and expanded people by their internal names', async () => {
    const sent: Sent[] = [];
    const list = listOf(scripted(() => json(200, { value: [] }), sent), LISTS.reports);
    await list.read({
      select: ['id', 'recognitionId'],
      ids: ['decidedBy'],
      people: ['reporter', 'author'],
      logins: ['author'],
      filter: list.eq('status', 'open'),
      orderBy: ['id', 'asc'],
      top: 500
    });
    const url = sent[0].url;
    expect(decodeURIComponent(url.pathname)).toBe("/sites/engage/_api/web/lists/getByTitle('SE_Reports')/items");
    expect(url.searchParams.get('$select')).toBe(
      'ID,RecognitionId,DecidedById,Reporter/Id,Reporter/Title,Reporter/EMail,Author/Id,Author/Title,Author/EMail,Author/Name'
    );
    expect(url.searchParams.get('$expand')).toBe('Reporter,Author');
    expect(url.searchParams.get('$filter')).toBe("Status eq 'open'");
    expect(url.searchParams.get('$orderby')).toBe('ID asc');
    expect(url.searchParams.get('$top')).toBe('500');
  });

  it('reads a row by model property, whatever SharePoint sent', () => {
    const row = rowOf(LISTS.recognitions, {
      ID: 7,
      Message: 'Kept the press running',
      Impact: '',
      RecipientId: 12,
      Recipient: { Id: 12, Title: 'Seán', EMail: 'sean@contoso.com' },
      Author: 'not a person'
    });
    expect(row.number('id')).toBe(7);
    expect(row.text('message')).toBe('Kept the press running');
    expect(row.text('impact')).toBeUndefined();
    expect(row.personId('recipient')).toBe(12);
    expect(row.person('recipient')).toEqual({ id: 12, displayName: 'Seán', email: 'sean@contoso.com' });
    expect(row.person('giver')).toEqual({ id: 0, displayName: '', email: undefined });
    expect(rowOf(LISTS.values, { IsActive: 'true' }).flag('isActive')).toBe(false);
    expect(rowOf(LISTS.values, { Id: 3 }).number('id')).toBe(3);
    expect(rowOf(LISTS.values, null).number('id')).toBeUndefined();
  });

  it('writes by model property, people by their site user id, and leaves out what is not given', async () => {
    const sent: Sent[] = [];
    const list = listOf(
      scripted((request) => (request.url.pathname.endsWith('/contextinfo') ? json(200, DIGEST) : json(201, { Id: 41, ID: 41 })), sent),
      LISTS.reports
    );
    const payload = list.payload({ title: '5:12', recognitionId: 5, reason: 'Names a customer', decisionNote: undefined }, { reporter: 12 });
    expect(payload).toEqual({ Title: '5:12', RecognitionId: 5, Reason: 'Names a customer', ReporterId: 12 });
    expect(await list.add(payload)).toBe(41);
    const add = sent.filter((s) => s.method === 'POST' && s.url.pathname.endsWith('/items'));
    expect(JSON.parse(add[0].body)).toEqual(payload);
  });
});

describe('storeErrorCodeOf: one mapping from a SharePoint failure to a store error code', () => {
  const withStatus = (status: number, message = `HTTP ${status}`): Error => Object.assign(new Error(message), { status });

  it.each([
    [withStatus(401), 'accessDenied'],
    [withStatus(403), 'accessDenied'],
    [withStatus(404), 'notFound'],
    [withStatus(409), 'conflict'],
    [withStatus(412), 'conflict'],
    [withStatus(500, 'Microsoft.SharePoint.SPDuplicateValuesFoundException: duplicate values'), 'conflict'],
    [withStatus(500, 'The attempted operation is prohibited because it exceeds the list view threshold.'), 'threshold'],
    [withStatus(429), 'throttled'],
    [withStatus(503), 'throttled'],
    [withStatus(500), 'unexpected'],
    [new TypeError('fetch failed'), 'network'],
    [new Error('something else'), 'unexpected'],
    ['not an error', 'unexpected'],
    [new RecognitionStoreError('conflict', 'kept'), 'conflict']
  ])('%p is %s', (error, code) => {
    expect(storeErrorCodeOf(error)).toBe(code);
  });

  it('gives the setup page the same codes as every other part (a 503 is busy there too)', () => {
    const statuses = [401, 403, 404, 409, 429, 500, 503];
    expect(statuses.map((status) => setupErrorCodeOf(withStatus(status)))).toEqual(statuses.map((status) => storeErrorCodeOf(withStatus(status))));
    expect(setupErrorCodeOf(withStatus(503))).toBe('throttled');
    expect(setupErrorCodeOf(new TypeError('fetch failed'))).toBe('network');
  });

  it('classifies what real PnPjs throws for SharePoint\'s answer, and storeCall says what failed', async () => {
    const list = listOf(
      scripted(() => json(500, { 'odata.error': { code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', message: { value: 'list view threshold' } } })),
      LISTS.recognitions
    );
    const failure = storeCall('Reading the wall', () => list.read({ select: ['id'], filter: list.eq('siteCode', 'GOT'), top: 30 }));
    await expect(failure).rejects.toBeInstanceOf(RecognitionStoreError);
    await expect(failure).rejects.toMatchObject({ code: 'threshold', message: expect.stringMatching(/^Reading the wall: /) });
  });
});

describe('tickBatcher: reads of one turn in one $batch', () => {
  it('sends reads started in the same turn as one $batch, each keeping its own answer or error', async () => {
    const sent: Sent[] = [];
    const sp = scripted((request) => {
      if (request.url.pathname.endsWith('/contextinfo')) {
        return json(200, DIGEST);
      }
      // The values are answered; the preferences list is missing (404) in this site.
      return batchAnswer(
        partsOf(request.body).map((part) =>
          part.includes('SE_Values') ? { status: 200, body: { value: [{ ID: 1, ValueKey: 'safety' }] } } : { status: 404, body: { 'odata.error': { message: { value: 'List does not exist' } } } }
        )
      );
    }, sent);
    const reads = tickBatcher(sp);
    const values = listOf(reads(), LISTS.values).read({ select: ['id', 'valueKey'], top: 500 });
    const preferences = listOf(reads(), LISTS.preferences).read({ select: ['id'], top: 1 });
    const [valueRows, preferenceFailure] = await Promise.all([values, preferences.then(() => undefined, (error: unknown) => error)]);

    expect(valueRows.map((row) => row.text('valueKey'))).toEqual(['safety']);
    expect(storeErrorCodeOf(preferenceFailure)).toBe('notFound');
    const batches = sent.filter((s) => s.url.pathname.endsWith('/$batch'));
    expect(batches).toHaveLength(1);
    expect(partsOf(batches[0].body)).toEqual([
      expect.stringContaining("getByTitle('SE_Values')/items"),
      expect.stringContaining("getByTitle('SE_Preferences')/items")
    ]);
    expect(sent.filter((s) => s.url.pathname.endsWith('/items'))).toEqual([]);
  });

  it('starts a new $batch for reads of a later turn', async () => {
    const sent: Sent[] = [];
    const answer: Script = (request) =>
      request.url.pathname.endsWith('/contextinfo') ? json(200, DIGEST) : batchAnswer(partsOf(request.body).map(() => ({ status: 200, body: { value: [] } })));
    const sp = scripted(answer, sent);
    const reads = tickBatcher(sp);
    const first = reads();
    expect(reads()).toBe(first);
    await listOf(first, LISTS.values).read({ select: ['id'], top: 1 });
    const second = reads();
    expect(second).not.toBe(first);
    await listOf(second, LISTS.values).read({ select: ['id'], top: 1 });
    expect(sent.filter((s) => s.url.pathname.endsWith('/$batch'))).toHaveLength(2);
  });
});
