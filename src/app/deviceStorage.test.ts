import { keyValueStore, memoryDeviceStorage } from './deviceStorage';
import { EngageServices } from './services';
import type { SPFI } from '@pnp/sp';

describe('device storage', () => {
  it('keeps what could not be written (storage full) in memory for the page', () => {
    const data = new Map<string, string>();
    const full = {
      getItem: (key: string): string | null => data.get(key) ?? null, // eslint-disable-line @rushstack/no-new-null
      setItem: (): void => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: (key: string): void => {
        data.delete(key);
      }
    };
    const store = keyValueStore(full);
    store.write('outbox', '[1]');
    expect(store.read('outbox')).toBe('[1]');
  });

  it('reads what an earlier page wrote, and works with no storage at all', () => {
    const data = new Map<string, string>([['outbox', '[2]']]);
    const store = keyValueStore({ getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, v), removeItem: (k) => data.delete(k) }); // eslint-disable-line @rushstack/no-new-null
    expect(store.read('outbox')).toBe('[2]');
    const none = keyValueStore(undefined);
    none.write('k', 'v');
    expect(none.read('k')).toBe('v');
  });

  it('forgets a removed key on the page too, not only in the browser’s storage', () => {
    const data = new Map<string, string>();
    const store = keyValueStore({ getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, v), removeItem: (k) => data.delete(k) }); // eslint-disable-line @rushstack/no-new-null
    store.write('draft', '{"step":3}');
    store.remove('draft');
    expect(data.has('draft')).toBe(false);
    expect(store.read('draft')).toBeUndefined();
  });

  it('gives each person on a shared device their own keys, whatever the login case, and refuses a host that names nobody', () => {
    const servicesOf = (loginName: string, email = ''): EngageServices =>
      new EngageServices(
        { webUrl: 'https://plant.example/sites/engage', sp: {} as SPFI, graph: { api: () => ({ get: async () => ({}), post: async () => ({}) }) }, user: { loginName, displayName: 'Åsa', email } },
        memoryDeviceStorage()
      );
    expect(servicesOf(' I:0#.F|membership|Asa@Contoso.com ').keyFor('recognition-outbox')).toBe('se-recognition-outbox:i:0#.f|membership|asa@contoso.com');
    expect(servicesOf('', 'Mira@Contoso.com').keyFor('recognition-draft')).toBe('se-recognition-draft:mira@contoso.com');
    expect(() => servicesOf(' ', '')).toThrow(/who is signed in/);
  });
});
