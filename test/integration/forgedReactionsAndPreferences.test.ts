/**
 * A member who writes to SE_Reactions and SE_Preferences with nothing but SharePoint REST and
 * their own sign-in cannot speak for a colleague: a row counts only when its Author is the
 * person it is about (or the relay's app identity wrote it). Against the real local tenant over
 * HTTP, with the product's list security applied (all read, own items written).
 */
import type { SPFI } from '@pnp/sp';

import { sharePointRecognitionStores, type SharePointRecognitionStores } from '../../src/connectors/sharepoint/recognition';
import { personKey, reactionKey } from '../../src/core/models/keys';
import type { ReactionKind } from '../../src/core/models/recognition';
import type { ReactionSummary } from '../../src/core/recognition/ports';
import { mayView, type WallViewer } from '../../src/core/recognition/wallRules';
import { LISTS } from '../../src/core/schema/lists';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { giveAs, persona, secureProductLists, spAs, startTestTenant } from '../support/tenant';

const REACTIONS = LISTS.reactions;
const PREFERENCES = LISTS.preferences;

function total(summary: ReactionSummary | undefined): number {
  return Object.values(summary?.counts ?? {}).reduce((sum: number, n) => sum + (n ?? 0), 0);
}

describe('Forged reactions and preferences', () => {
  let tenant: RunningTenant;
  /** The hostile member: an ordinary operator with their own sign-in. */
  let operator: Person;
  let colleague: Person;
  let giver: Person;
  let reader: Person;
  const storesAs = (p: Person): SharePointRecognitionStores =>
    sharePointRecognitionStores(spAs(tenant, p), { siteUserId: p.spUserId, loginName: p.loginName });
  const raw = (p: Person): SPFI => spAs(tenant, p);

  /** Adds an SE_Reactions item as `p`, straight through REST. */
  const forgeReaction = (p: Person, recognitionId: number, key: string, kind: ReactionKind): Promise<unknown> =>
    raw(p)
      .web.lists.getByTitle(REACTIONS.title)
      .items.add({ Title: key, [REACTIONS.fields.recognitionId]: recognitionId, [REACTIONS.fields.kind]: kind, [REACTIONS.fields.reactionKey]: key });

  /** Adds an SE_Preferences item as `p`, straight through REST. */
  const forgePreference = (p: Person, about: Person, key: string): Promise<unknown> =>
    raw(p)
      .web.lists.getByTitle(PREFERENCES.title)
      .items.add({ Title: key, [PREFERENCES.fields.personKey]: key, [`${PREFERENCES.fields.person}Id`]: about.spUserId, [PREFERENCES.fields.hideFromPublicWall]: true });

  /** Deletes every preference item `p` wrote about themselves (the seeded history may have stored one). */
  const forgetPreferencesOf = async (p: Person): Promise<void> => {
    const items = raw(p).web.lists.getByTitle(PREFERENCES.title).items;
    const rows = await items.select('ID').filter(`${PREFERENCES.fields.person}Id eq ${p.spUserId} and AuthorId eq ${p.spUserId}`).top(100)<Array<{ ID: number }>>();
    for (const row of rows) {
      await items.getById(row.ID).delete();
    }
  };

  /** Whether `reader` sees recognition `id` on the public wall, as the wall's first request tells. */
  const shownPublicly = async (id: number): Promise<boolean> => {
    const start = await storesAs(reader).wall.start({}, 20);
    const item = start.page.items.find((i) => i.id === id);
    const viewer: WallViewer = { siteUserId: reader.spUserId, displayName: reader.displayName, directoryId: reader.id, reportEmails: new Set() };
    return item !== undefined && mayView(item, viewer, start.hiddenFromPublicWall);
  };

  beforeAll(async () => {
    tenant = await startTestTenant();
    operator = persona(tenant, 'operator');
    colleague = persona(tenant, 'agencyOperator');
    giver = persona(tenant, 'teamLeader');
    reader = persona(tenant, 'hr');
    await secureProductLists(tenant);
  }, 60_000);

  afterAll(async () => {
    await tenant?.close();
  });

  it("ignores a reaction written under a colleague's key, and the colleague still reacts", async () => {
    const [id] = await giveAs(tenant, giver, colleague, 'Stopped the line when the guard was open', 'req-forged-react-1');
    await forgeReaction(operator, id, reactionKey(id, colleague.spUserId), 'heart');

    const before = (await storesAs(colleague).wall.reactions([id])).get(id);
    expect(total(before)).toBe(0);
    expect(before?.mine).toBeUndefined();

    await storesAs(colleague).reactions.react(id, 'applause');
    const after = (await storesAs(colleague).wall.reactions([id])).get(id);
    expect(after?.counts).toEqual({ applause: 1 });
    expect(after?.mine).toBe('applause');
    expect((await storesAs(operator).wall.reactions([id])).get(id)?.mine).toBeUndefined();
    // The key was taken, so the colleague's item went under the squat-proof form of it.
    const own = await raw(colleague)
      .web.lists.getByTitle(REACTIONS.title)
      .items.select(REACTIONS.fields.reactionKey)
      .filter(`${REACTIONS.fields.recognitionId} eq ${id} and AuthorId eq ${colleague.spUserId}`)
      .top(10)<Array<Record<string, string>>>();
    const keys = own.map((item) => item[REACTIONS.fields.reactionKey]);
    expect(keys).toHaveLength(1);
    expect(keys[0].startsWith(`${reactionKey(id, colleague.spUserId)}:r`)).toBe(true);

    // Changing it and taking it back touch the colleague's own item only.
    await storesAs(colleague).reactions.react(id, 'celebrate');
    expect((await storesAs(reader).wall.reactions([id])).get(id)?.counts).toEqual({ celebrate: 1 });
    await storesAs(colleague).reactions.react(id, undefined);
    const gone = (await storesAs(colleague).wall.reactions([id])).get(id);
    expect(total(gone)).toBe(0);
    expect(gone?.mine).toBeUndefined();
    const left = await raw(operator).web.lists.getByTitle(REACTIONS.title).items.select('ID').filter(`${REACTIONS.fields.recognitionId} eq ${id}`).top(10)<unknown[]>();
    expect(left).toHaveLength(1); // the operator's forged item, which only its author may delete
  });

  it('counts one reaction per person however many keys a member makes up', async () => {
    const [id] = await giveAs(tenant, giver, colleague, 'Sorted the scrap bins on the night shift', 'req-forged-react-2');
    await storesAs(operator).reactions.react(id, 'applause');
    await forgeReaction(operator, id, reactionKey(id, 990001), 'applause');
    await forgeReaction(operator, id, reactionKey(id, 990002), 'heart');
    await forgeReaction(operator, id, `${reactionKey(id, operator.spUserId)}:r1`, 'applause');
    await forgeReaction(operator, id, `${reactionKey(id, operator.spUserId)}:r2`, 'like');
    await forgeReaction(operator, id, reactionKey(id + 1, operator.spUserId), 'applause');
    await forgeReaction(operator, id, `made-up-${id}`, 'applause');

    const summary = (await storesAs(reader).wall.reactions([id])).get(id);
    expect(summary?.counts).toEqual({ applause: 1 });
    expect((await storesAs(operator).wall.reactions([id])).get(id)?.mine).toBe('applause');
  });

  it("keeps a colleague on the public wall when a member squats the colleague's preference key, and the colleague still saves their own", async () => {
    await forgetPreferencesOf(colleague);
    const [id] = await giveAs(tenant, giver, colleague, 'Trained two new welders this week', 'req-forged-pref-1');
    await forgePreference(operator, colleague, personKey(colleague.loginName));

    expect(await shownPublicly(id)).toBe(true);
    expect(await storesAs(reader).wall.hiddenFromPublicWall([colleague.spUserId])).toEqual(new Set());
    expect(await storesAs(colleague).preferences.hideFromPublicWall()).toBe(false);

    await storesAs(colleague).preferences.setHideFromPublicWall(true);
    expect(await storesAs(colleague).preferences.hideFromPublicWall()).toBe(true);
    expect(await shownPublicly(id)).toBe(false);

    await storesAs(colleague).preferences.setHideFromPublicWall(false);
    expect(await storesAs(colleague).preferences.hideFromPublicWall()).toBe(false);
    expect(await shownPublicly(id)).toBe(true);
  });

  it('keeps a colleague on the public wall when a member writes a decoy preference naming them, and the colleague still saves their own', async () => {
    await forgetPreferencesOf(colleague);
    const [id] = await giveAs(tenant, giver, colleague, 'Found the leak in the coolant line', 'req-forged-pref-2');
    await forgePreference(operator, colleague, `decoy-${id}`);

    expect(await shownPublicly(id)).toBe(true);
    expect(await storesAs(colleague).preferences.hideFromPublicWall()).toBe(false);

    await storesAs(colleague).preferences.setHideFromPublicWall(true);
    expect(await storesAs(reader).wall.hiddenFromPublicWall([colleague.spUserId])).toEqual(new Set([colleague.spUserId]));
    expect(await shownPublicly(id)).toBe(false);

    await storesAs(colleague).preferences.setHideFromPublicWall(false);
    expect(await shownPublicly(id)).toBe(true);
  });
});
