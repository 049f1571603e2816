/**
 * PnPPlantSettings through real PnPjs with SharePoint's answers scripted (the request leaves
 * through a replaced `send`). The batched path runs against the local tenant in
 * test/integration/plantAndCrew.test.ts.
 */
import type { Queryable } from '@pnp/queryable';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';

import { EMPTY_PLANT_MAP } from '../../core/plant/plantMap';
import { WorkplaceError } from '../../core/plant/types';
import { PnPPlantSettings, readPlantMap } from './plantSettings';

const SITE = 'https://contoso.sharepoint.com/sites/engage';

type Script = (url: URL) => Response | Promise<Response>;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json;odata=nometadata' } });
}

function scripted(script: Script, requests: URL[] = []): SPFI {
  const send = (instance: Queryable): Queryable => {
    instance.on.send.replace(async (url: URL) => {
      requests.push(url);
      return script(url);
    });
    return instance;
  };
  return spfi(SITE).using(SPBrowser({ baseUrl: SITE }), send);
}

const STORED = {
  sites: [{ code: 'GOT', name: 'Gothenburg', names: { 'sv-SE': 'Göteborg' }, officeLocations: ['Göteborg plant'] }],
  lines: [{ code: 'GOT-WELD2', name: 'Weld cell 2', siteCode: 'GOT', departments: ['Weld cell 2'] }],
  shifts: [{ code: 'morning', name: 'Morning (06–14)' }]
};

describe('PnPPlantSettings', () => {
  it('reads the plant setting by its indexed key, selecting Key and Value only', async () => {
    const requests: URL[] = [];
    const sp = scripted(() => json(200, { value: [{ Key: 'Plant', Value: JSON.stringify(STORED) }] }), requests);
    const map = await new PnPPlantSettings(sp).plantMap();
    expect(map.issues).toEqual([]);
    expect(map.sites[0]).toMatchObject({ code: 'GOT', names: { 'sv-se': 'Göteborg' } });
    expect(map.lines.map((l) => l.code)).toEqual(['GOT-WELD2']);
    expect(requests).toHaveLength(1);
    const url = requests[0];
    expect(decodeURIComponent(url.pathname)).toBe("/sites/engage/_api/web/lists/getByTitle('SE_Settings')/items");
    expect(url.searchParams.get('$select')).toBe('Key,Value');
    expect(url.searchParams.get('$filter')).toBe("Key eq 'Plant'");
    expect(url.searchParams.get('$top')).toBe('1');
  });

  it('gives an empty map when there is no plant setting', async () => {
    const sp = scripted(() => json(200, { value: [] }));
    expect(await readPlantMap(sp)).toEqual(EMPTY_PLANT_MAP);
  });

  it('gives a map with issues, not an error, when the stored value is broken', async () => {
    const sp = scripted(() => json(200, { value: [{ Key: 'Plant', Value: '{ "sites": [ oops' }] }));
    const map = await readPlantMap(sp);
    expect(map.sites).toEqual([]);
    expect(map.issues.map((i) => i.code)).toEqual(['invalidJson']);
  });

  it('reads once per instance and again after a failed read', async () => {
    const requests: URL[] = [];
    let fail = true;
    const sp = scripted(() => (fail ? json(503, { 'odata.error': { message: { value: 'Busy' } } }) : json(200, { value: [] })), requests);
    const settings = new PnPPlantSettings(sp);
    const first = await settings.plantMap().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(WorkplaceError);
    expect(first).toMatchObject({ code: 'throttled' });
    fail = false;
    const attempts = requests.length;
    await Promise.all([settings.plantMap(), settings.plantMap()]);
    await settings.plantMap();
    expect(requests.length).toBe(attempts + 1);
  });

  it.each([
    [404, 'notFound'],
    [403, 'accessDenied'],
    [401, 'accessDenied'],
    [500, 'unexpected']
  ])('turns a %s into the code %s', async (status, code) => {
    const sp = scripted(() => json(status, { 'odata.error': { code: '-1, Error', message: { value: 'No' } } }));
    await expect(readPlantMap(sp)).rejects.toMatchObject({ code });
  });

  it('reports a connection that never reached SharePoint as network', async () => {
    const sp = scripted(() => Promise.reject(new TypeError('fetch failed')));
    await expect(readPlantMap(sp)).rejects.toMatchObject({ code: 'network' });
  });
});
