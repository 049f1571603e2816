import { type KeyValueStore, memoryStore } from '../../core/storage';
import { MANAGER_ID_TTL_MS, managerIdCache, managerIdKey } from './managerIdCache';

function memory(): KeyValueStore & { readonly data: Map<string, string> } {
  return memoryStore();
}

describe('the manager id kept on the device', () => {
  it('keeps only the id, per person whatever the login case, for 30 days from when it was last written', () => {
    let now = 1_000;
    const store = memory();
    const asa = managerIdCache(store, 'I:0#.F|membership|Asa@Contoso.com', () => now);
    asa.write('jonas');
    expect(Array.from(store.data.keys())).toEqual([managerIdKey('i:0#.f|membership|asa@contoso.com')]);
    expect(JSON.parse(store.data.get(managerIdKey('i:0#.f|membership|asa@contoso.com')) ?? '')).toEqual({ managerId: 'jonas', expires: 1_000 + MANAGER_ID_TTL_MS });
    expect(managerIdCache(store, 'i:0#.f|membership|asa@contoso.com', () => now).read()).toBe('jonas');
    // Someone else on the same device (a shared kiosk) has their own.
    expect(managerIdCache(store, 'i:0#.f|membership|sean@contoso.com', () => now).read()).toBeUndefined();
    now = 1_000 + MANAGER_ID_TTL_MS - 1;
    expect(asa.read()).toBe('jonas');
    asa.write('jonas'); // confirmed again: another full period
    now += MANAGER_ID_TTL_MS - 1;
    expect(asa.read()).toBe('jonas');
    now += 1;
    expect(asa.read()).toBeUndefined();
  });

  it('forgets the id when there is no manager, and reads what it cannot understand as nothing', () => {
    const store = memory();
    const cache = managerIdCache(store, 'asa', () => 0);
    cache.write('jonas');
    cache.write(undefined);
    expect(cache.read()).toBeUndefined();
    for (const text of ['not json', '[]', 'null', '{"managerId":42,"expires":9e15}', '{"managerId":"jonas"}']) {
      store.data.set(managerIdKey('asa'), text);
      expect(cache.read()).toBeUndefined();
    }
  });
});
