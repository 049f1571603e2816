import { memoryDeviceStorage } from '../../app/deviceStorage';
import { EngageServices } from '../../app/services';
import { testEnvironment } from '../../app/host/testEnvironment';
import { promptHostOf, promptKeyFor, sharePointGet } from './promptHost';

const user = { loginName: 'i:0#.f|membership|Asa@Plant.example ', displayName: 'Åsa', email: 'asa@plant.example' };

describe('the prompt line’s host', () => {
  it('keeps what it knows under the keys of the person’s services (dismissals, outbox, kept teams, the tab’s memo)', () => {
    const services = new EngageServices({ ...testEnvironment(), user }, memoryDeviceStorage());
    for (const name of ['pulse-dismissed', 'pulse-outbox', 'roster-teams', 'pulse-prompt-quiet']) {
      expect(promptKeyFor(user, name)).toBe(services.keyFor(name));
    }
    expect(promptKeyFor({ ...user, loginName: '' }, 'pulse-outbox')).toBe(new EngageServices({ ...testEnvironment(), user: { ...user, loginName: '' } }, memoryDeviceStorage()).keyFor('pulse-outbox'));
  });

  it('"Not now" is read by the person’s answering services on the same device', () => {
    const device = memoryDeviceStorage();
    const services = new EngageServices({ ...testEnvironment(), user }, device);
    const host = promptHostOf({ graph: testEnvironment().graph, sharePoint: () => Promise.resolve({}), user, locale: 'en-us', theme: undefined, device, answers: () => Promise.reject(new Error('not needed')) });
    host.sources.dismiss(12);
    expect(JSON.parse(device.local.read(services.keyFor('pulse-dismissed')) ?? '[]')).toEqual([12]);
  });

  it('reads SharePoint REST below the web, without metadata, and fails on a refusal', async () => {
    const asked: Array<[string, Record<string, string>]> = [];
    const get = sharePointGet('https://plant.example/sites/engage/', (url, headers) => {
      asked.push([url, headers]);
      return Promise.resolve({ ok: !url.includes('missing'), status: url.includes('missing') ? 404 : 200, json: () => Promise.resolve({ Value: 'x' }) });
    });
    await expect(get("_api/web/GetStorageEntity('ShopfloorEngageRelay')")).resolves.toEqual({ Value: 'x' });
    expect(asked).toEqual([["https://plant.example/sites/engage/_api/web/GetStorageEntity('ShopfloorEngageRelay')", { accept: 'application/json;odata=nometadata' }]]);
    await expect(get('_api/missing?$top=1')).rejects.toThrow('SharePoint answered 404 to _api/missing');
  });
});
