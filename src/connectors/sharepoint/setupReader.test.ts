/**
 * SetupReader through real PnPjs with SharePoint's answers scripted (requests leave through a
 * replaced `send`): the lists and the person's effective permissions on the web are read in one
 * `$batch`, and Manage Lists is read from SharePoint's BasePermissions mask.
 */
import type { Queryable } from '@pnp/queryable';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';

import { SetupReader } from './setupReader';

const SITE = 'https://contoso.sharepoint.com/sites/engage';

/** What SharePoint answers one request of the batch with. */
type Answer = { status: number; body: unknown };
type Script = (url: string) => Answer;

/** SharePoint's BasePermissions of the built-in levels (Int64 halves, sent as strings). */
const FULL_CONTROL = { High: '2147483647', Low: '4294967295' };
const DESIGN = { High: '432', Low: '1012866047' }; // Manage Lists and Override List Behaviors (Low bit 8)
const EDIT = { High: '432', Low: '1011030767' }; // Manage Lists included (Low bit 11), Override List Behaviors not
const CONTRIBUTE = { High: '432', Low: '1011028719' }; // Manage Lists not included

function batchResponse(answers: readonly Answer[]): string {
  const boundary = 'batchresponse_3b2a3c7e-7f0e-4c0f-9d1e-1c2b3a4d5e6f';
  const lines: string[] = [];
  for (const answer of answers) {
    lines.push(`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
    lines.push(`HTTP/1.1 ${answer.status} ${answer.status < 300 ? 'OK' : 'Error'}`);
    lines.push('CONTENT-TYPE: application/json;odata=nometadata;streaming=true;charset=utf-8', '');
    lines.push(JSON.stringify(answer.body));
  }
  lines.push(`--${boundary}--`, '');
  return lines.join('\r\n');
}

interface Scripted {
  readonly sp: SPFI;
  /** Every request that left, as `METHOD path`; and the requests inside each `$batch`. */
  readonly sent: string[];
  readonly batched: string[][];
}

function scripted(script: Script): Scripted {
  const sent: string[] = [];
  const batched: string[][] = [];
  const send = (instance: Queryable): Queryable => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      sent.push(`${init.method ?? 'GET'} ${decodeURIComponent(url.pathname)}`);
      if (url.pathname.endsWith('/_api/contextinfo')) {
        return new Response(JSON.stringify({ FormDigestValue: 'digest', FormDigestTimeoutSeconds: 1800 }), { status: 200 });
      }
      if (url.pathname.endsWith('/_api/$batch')) {
        const inner = Array.from(String(init.body).matchAll(/^GET (\S+) HTTP\/1\.1\r?$/gm), (match) => match[1]);
        batched.push(inner);
        return new Response(batchResponse(inner.map(script)), {
          status: 200,
          headers: { 'content-type': 'multipart/mixed; boundary=batchresponse_3b2a3c7e-7f0e-4c0f-9d1e-1c2b3a4d5e6f' }
        });
      }
      throw new Error(`Unexpected request outside the batch: ${url.toString()}`);
    });
    return instance;
  };
  return { sp: spfi(SITE).using(SPBrowser({ baseUrl: SITE }), send), sent, batched };
}

const LISTS: Record<string, Answer> = {
  SE_Values: { status: 200, body: { Title: 'SE_Values', ItemCount: 5, ReadSecurity: 1, WriteSecurity: 4 } },
  SE_Participation: { status: 200, body: { Title: 'SE_Participation', ItemCount: 0, ReadSecurity: 1, WriteSecurity: 1 } },
  SE_Skills: {
    status: 404,
    body: { 'odata.error': { code: '-1, System.ArgumentException', message: { lang: 'en-US', value: "List 'SE_Skills' does not exist." } } }
  }
};

function site(permissions: Answer): Script {
  return (url) => {
    const path = decodeURIComponent(new URL(url).pathname);
    if (path.endsWith('/_api/web/EffectiveBasePermissions')) {
      return permissions;
    }
    const list = /getByTitle\('([^']+)'\)$/.exec(path);
    return (list && LISTS[list[1]]) ?? { status: 500, body: { 'odata.error': { message: { value: `unscripted ${path}` } } } };
  };
}

const TITLES = ['SE_Values', 'SE_Participation', 'SE_Skills'];

describe('SetupReader', () => {
  it('reads every list and the effective permissions on the web in one $batch', async () => {
    const { sp, sent, batched } = scripted(site({ status: 200, body: FULL_CONTROL }));
    const overview = await new SetupReader(sp, TITLES).read();
    expect(sent.filter((request) => request.endsWith('/_api/$batch'))).toHaveLength(1);
    expect(sent.filter((request) => !request.endsWith('/_api/contextinfo'))).toEqual(['POST /sites/engage/_api/$batch']);
    // One read of each list and one of the rights, in whatever order PnPjs queues them.
    expect(batched[0].map((url) => decodeURIComponent(new URL(url).pathname)).sort()).toEqual([
      "/sites/engage/_api/web/lists/getByTitle('SE_Values')",
      "/sites/engage/_api/web/lists/getByTitle('SE_Participation')",
      "/sites/engage/_api/web/lists/getByTitle('SE_Skills')",
      '/sites/engage/_api/web/EffectiveBasePermissions'
    ].sort());
    expect(overview.canManageLists).toBe(true);
    expect(overview.canOverrideListBehaviors).toBe(true);
    expect(overview.checks.map((check) => [check.title, check.status])).toEqual([
      ['SE_Values', 'ok'],
      ['SE_Participation', 'needsSecurity'],
      ['SE_Skills', 'missing']
    ]);
  });

  it.each([
    ['Full Control', FULL_CONTROL, true],
    ['Edit (Manage Lists)', EDIT, true],
    ['Contribute', CONTRIBUTE, false],
    ['Read', { High: '176', Low: '138612833' }, false]
  ])('a person with %s may manage lists: %s', async (_level, mask, expected) => {
    const { sp } = scripted(site({ status: 200, body: mask }));
    expect((await new SetupReader(sp, TITLES).read()).canManageLists).toBe(expected);
  });

  it.each([
    ['Full Control', FULL_CONTROL, true],
    ['Design', DESIGN, true],
    ['Edit (Manage Lists only)', EDIT, false],
    ['Contribute', CONTRIBUTE, false]
  ])('a person with %s overrides own-items-only lists: %s', async (_level, mask, expected) => {
    const { sp, batched } = scripted(site({ status: 200, body: mask }));
    expect((await new SetupReader(sp, TITLES).read()).canOverrideListBehaviors).toBe(expected);
    // One read of the rights answers both questions.
    expect(batched[0].filter((url) => url.endsWith('/EffectiveBasePermissions'))).toHaveLength(1);
  });

  it('leaves the permission unknown, and the lists read, when SharePoint refuses that one request', async () => {
    const refused: Answer = {
      status: 400,
      body: { 'odata.error': { code: '-1, Microsoft.SharePoint.Client.ClientServiceException', message: { lang: 'en-US', value: 'Not supported.' } } }
    };
    const { sp } = scripted(site(refused));
    const overview = await new SetupReader(sp, TITLES).read();
    expect(overview.canManageLists).toBeUndefined();
    expect(overview.canOverrideListBehaviors).toBeUndefined();
    expect(overview.checks).toHaveLength(3);
  });

  it('fails as accessDenied when a list read is refused', async () => {
    const { sp } = scripted((url) =>
      url.includes('SE_Participation') ? { status: 403, body: { 'odata.error': { message: { value: 'Access denied.' } } } } : site({ status: 200, body: CONTRIBUTE })(url)
    );
    await expect(new SetupReader(sp, TITLES).read()).rejects.toMatchObject({ name: 'SetupError', code: 'accessDenied' });
  });
});
