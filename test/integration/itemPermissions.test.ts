/**
 * Item permissions in the local tenant, over real HTTP and PnPjs (docs/local-tenant.md, "Item
 * permissions"): the relay's app identity (Full Control through `Sites.Selected`) gives an item
 * its own permissions and grants them to a person, a site group or a crew (a Microsoft 365 group
 * claim). Who holds nothing on the item does not see it anywhere an item is read (lists, by id,
 * filters, paging, `$batch`) and cannot change it; site ownership does not reach it; the app is
 * not bound. The effective permissions reported are the ones enforced. The list has no unique
 * column (SharePoint refuses item permissions in one: uniqueAndItemSecurity.test.ts).
 */
import { HttpRequestError } from '@pnp/queryable';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/fields';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';
import { PermissionKind } from '@pnp/sp/security';

import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { PERMISSION_LEVELS } from '../../local/tenant/permissionLevels';
import { teamIdOf } from '../../local/tenant/rosters';
import { HR_GROUP_ID, MEMBERS_GROUP_ID, OWNERS_GROUP_ID } from '../../local/tenant/siteGroups';
import { failure } from '../support/failure';
import { findPerson, persona, spAs, spAsApp, startTestTenant } from '../support/tenant';

const LIST = 'SE_Comments';
const FULL_CONTROL = 1073741829;
const CONTRIBUTE = 1073741827;
const READ = 1073741826;
const RELAY_USER_ID = 9;

interface Assignment {
  PrincipalId: number;
  Member: { Id: number; Title: string; PrincipalType: number; LoginName: string };
  RoleDefinitionBindings: Array<{ Id: number; Name: string }>;
}

describe('Item permissions', () => {
  let tenant: RunningTenant;
  let app: SPFI;
  let member: Person;
  let colleague: Person;
  let leader: Person;
  let hr: Person;
  let owner: Person;
  let outsider: Person;
  let everyone: Person[];

  const comments = (sp: SPFI): ReturnType<SPFI['web']['lists']['getByTitle']> => sp.web.lists.getByTitle(LIST);
  const as = (person: Person): ReturnType<SPFI['web']['lists']['getByTitle']> => comments(spAs(tenant, person));

  /** A comment written by the relay, as employee comments are; its id. */
  async function addComment(title: string): Promise<number> {
    const added = (await comments(app).items.add({
      Title: title,
      RoundId: 1,
      ThreadId: 'item-permissions',
      GroupKey: 'GOT',
      Body: title,
      AuthorRole: 'employee',
      Status: 'visible'
    })) as { Id: number };
    return added.Id;
  }

  /** An item of the relay's with its own permissions and nothing but `grants` (and the relay's own Full Control). */
  async function privateComment(title: string, grants: ReadonlyArray<[number, number]>): Promise<number> {
    const id = await addComment(title);
    await comments(app).items.getById(id).breakRoleInheritance(false, false);
    for (const [principalId, roleDefId] of grants) {
      await comments(app).items.getById(id).roleAssignments.add(principalId, roleDefId);
    }
    return id;
  }

  const idsSeenBy = async (person: Person, filter?: string): Promise<number[]> => {
    const query = as(person).items.select('Id').top(5000);
    return (await (filter ? query.filter(filter) : query)<Array<{ Id: number }>>()).map((row) => row.Id);
  };

  /** 'ok', or the status the person's read of the item by id failed with. */
  const readById = async (person: Person, id: number): Promise<number | 'ok'> =>
    as(person)
      .items.getById(id)
      .select('Id')()
      .then(
        () => 'ok' as const,
        (error: unknown) => {
          if (error instanceof HttpRequestError) {
            return error.status;
          }
          throw error;
        }
      );

  const assignments = async (id: number): Promise<Assignment[]> =>
    comments(app).items.getById(id).roleAssignments.expand('Member', 'RoleDefinitionBindings')<Assignment[]>();

  beforeAll(async () => {
    tenant = await startTestTenant();
    app = await spAsApp(tenant);
    // A list members read and edit only their own items: SE_Comments as it was made, before the
    // relay took it over (Engage Setup makes it the relay's alone).
    await comments(app).update({ ReadSecurity: 1, WriteSecurity: 2 });
    member = persona(tenant, 'operator');
    colleague = persona(tenant, 'agencyOperator');
    leader = persona(tenant, 'teamLeader');
    hr = persona(tenant, 'hr');
    owner = persona(tenant, 'siteAdmin');
    outsider = findPerson(tenant, (p) => p.role === 'operator' && !p.isApp && p.crewKey !== member.crewKey);
    everyone = [member, colleague, leader, hr, owner, outsider];
    expect(colleague.crewKey).toBe(member.crewKey);
    expect(leader.crewKey).toBe(member.crewKey);
    const fields = await comments(app).fields.select('InternalName', 'EnforceUniqueValues')<Array<{ InternalName: string; EnforceUniqueValues: boolean }>>();
    expect(fields.filter((field) => field.EnforceUniqueValues).map((field) => field.InternalName)).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    await tenant?.close();
  });

  describe('an item with its own permissions for one person and the HR group', () => {
    let publicId: number;
    let privateId: number;
    let laterIds: number[];

    beforeAll(async () => {
      publicId = await addComment('Seen by everyone');
      privateId = await privateComment('For one person and HR', [
        [colleague.spUserId, READ],
        [HR_GROUP_ID, READ]
      ]);
      laterIds = [];
      for (let i = 0; i < 4; i += 1) {
        laterIds.push(await addComment(`Later ${i}`));
      }
    });

    it('holds only the caller, with Full Control, when not copying, and then the grants', async () => {
      const held = await assignments(privateId);
      expect(held.map((a) => [a.PrincipalId, a.RoleDefinitionBindings.map((b) => b.Name)])).toEqual([
        [HR_GROUP_ID, ['Read']],
        [RELAY_USER_ID, ['Full Control']],
        [colleague.spUserId, ['Read']]
      ]);
      expect(held.map((a) => a.Member.PrincipalType)).toEqual([8, 1, 1]);
      expect(held[2]?.Member.LoginName).toBe(colleague.loginName);
      const item = await comments(app).items.getById(privateId).select('HasUniqueRoleAssignments')<{ HasUniqueRoleAssignments: boolean }>();
      expect(item.HasUniqueRoleAssignments).toBe(true);
    });

    it('is listed for the person, HR and the app, and for nobody else: not the member who shares the crew, the team leader or the site owner', async () => {
      expect(await idsSeenBy(colleague)).toContain(privateId);
      expect(await idsSeenBy(hr)).toContain(privateId);
      expect((await comments(app).items.select('Id').top(5000)<Array<{ Id: number }>>()).map((row) => row.Id)).toContain(privateId);
      for (const person of [member, leader, owner, outsider]) {
        const seen = await idsSeenBy(person);
        expect([person.displayName, seen.includes(privateId)]).toEqual([person.displayName, false]);
        expect(seen).toEqual(expect.arrayContaining([publicId, ...laterIds]));
      }
    });

    it('answers 404 "Item does not exist" by id to whom may not see it', async () => {
      expect(await readById(colleague, privateId)).toBe('ok');
      expect(await readById(hr, privateId)).toBe('ok');
      for (const person of [member, leader, owner]) {
        const error = await failure(as(person).items.getById(privateId)());
        expect([person.displayName, error.status]).toEqual([person.displayName, 404]);
        expect(error.message).toContain('Item does not exist');
      }
    });

    it('leaves it out of filters, ordered queries and every page', async () => {
      expect(await idsSeenBy(member, `Id eq ${privateId}`)).toEqual([]);
      expect(await idsSeenBy(colleague, `Id eq ${privateId}`)).toEqual([privateId]);
      expect(await idsSeenBy(owner, "Title eq 'For one person and HR'")).toEqual([]);
      expect(await idsSeenBy(hr, "Title eq 'For one person and HR'")).toEqual([privateId]);
      const newest = async (person: Person): Promise<number[]> =>
        (await as(person).items.select('Id').filter(`Id ge ${publicId}`).orderBy('Id', false).top(2)<Array<{ Id: number }>>()).map((r) => r.Id);
      expect(await newest(member)).toEqual([laterIds[3], laterIds[2]]);
      const pages = async (person: Person): Promise<number[][]> => {
        const out: number[][] = [];
        for await (const page of as(person).items.select('Id').filter(`Id ge ${publicId}`).top(2)) {
          out.push((page as Array<{ Id: number }>).map((row) => row.Id));
        }
        return out;
      };
      expect(await pages(member)).toEqual([[publicId, laterIds[0]], [laterIds[1], laterIds[2]], [laterIds[3]]]);
      expect(await pages(colleague)).toEqual([[publicId, privateId], [laterIds[0], laterIds[1]], [laterIds[2], laterIds[3]]]);
    });

    it('answers the same inside a $batch', async () => {
      const batchAs = async (person: Person): Promise<Array<number | 'ok'>> => {
        const [batched, execute] = spAs(tenant, person).batched();
        const list = comments(batched);
        const settle = (read: Promise<unknown>): Promise<number | 'ok'> =>
          read.then(
            () => 'ok' as const,
            (error: unknown) => (error instanceof HttpRequestError ? error.status : Promise.reject(error))
          );
        const listed = list.items.select('Id').filter(`Id eq ${privateId} or Id eq ${publicId}`)<Array<{ Id: number }>>();
        const reads = [settle(list.items.getById(publicId)()), settle(list.items.getById(privateId)())];
        await execute();
        return [(await listed).length, ...(await Promise.all(reads))];
      };
      expect(await batchAs(member)).toEqual([1, 'ok', 404]);
      expect(await batchAs(colleague)).toEqual([2, 'ok', 'ok']);
    });

    it("counts every item in the list's ItemCount, for everyone", async () => {
      const count = async (sp: SPFI): Promise<number> => (await comments(sp).select('ItemCount')<{ ItemCount: number }>()).ItemCount;
      expect(await count(spAs(tenant, member))).toBe(await count(app));
    });

    it('refuses changes: 404 to whom may not see it, 403 to whom may only read it', async () => {
      expect((await failure(as(member).items.getById(privateId).update({ Body: 'Changed' }))).status).toBe(404);
      expect((await failure(as(owner).items.getById(privateId).delete())).status).toBe(404);
      expect((await failure(as(colleague).items.getById(privateId).update({ Body: 'Changed' }))).status).toBe(403);
      expect((await failure(as(colleague).items.getById(privateId).delete())).status).toBe(403);
      expect((await failure(as(hr).items.getById(privateId).update({ Body: 'Changed' }))).status).toBe(403);
      await comments(app).items.getById(privateId).update({ Body: 'Changed by the relay' });
      expect((await as(colleague).items.getById(privateId).select('Body')<{ Body: string }>()).Body).toBe('Changed by the relay');
    });

    it('reports effective permissions that match what is enforced', async () => {
      const item = comments(app).items.getById(privateId);
      for (const person of everyone) {
        const mask = await item.getUserEffectivePermissions(person.loginName);
        const reported = item.hasPermissions(mask, PermissionKind.ViewListItems);
        const enforced = (await readById(person, privateId)) === 'ok';
        expect([person.displayName, reported]).toEqual([person.displayName, enforced]);
        expect(await item.userHasPermissions(person.loginName, PermissionKind.ViewListItems)).toBe(enforced);
        expect(item.hasPermissions(mask, PermissionKind.EditListItems)).toBe(false);
      }
      expect(await item.getUserEffectivePermissions(colleague.loginName)).toMatchObject(PERMISSION_LEVELS.Read);
      expect(await as(colleague).items.getById(privateId).getCurrentUserEffectivePermissions()).toMatchObject(PERMISSION_LEVELS.Read);
      const selected = await as(hr).items.getById(privateId).select('HasUniqueRoleAssignments', 'EffectiveBasePermissions')<{
        HasUniqueRoleAssignments: boolean;
        EffectiveBasePermissions: unknown;
      }>();
      expect(selected).toMatchObject({ HasUniqueRoleAssignments: true, EffectiveBasePermissions: PERMISSION_LEVELS.Read });
      expect((await failure(as(member).items.getById(privateId).getCurrentUserEffectivePermissions())).status).toBe(404);
      // Another parameter alias, as SharePoint's own pages send it.
      const token = await tenant.context.authority?.appToken(tenant.origin);
      const url = `${tenant.siteUrl}/_api/web/lists/getByTitle('${LIST}')/items(${privateId})/getusereffectivepermissions(@v)?@v=${encodeURIComponent(`'${member.loginName}'`)}`;
      const answer = await fetch(url, { headers: { authorization: `Bearer ${token ?? ''}`, accept: 'application/json;odata=nometadata' } });
      expect(await answer.json()).toEqual({ High: '0', Low: '0' });
    });
  });

  describe('an item for a crew, through its Microsoft 365 group', () => {
    let claimId: number;
    let crewId: number;

    beforeAll(async () => {
      const claim = await app.web.ensureUser(`c:0o.c|federateddirectoryclaimprovider|${teamIdOf(member.crewKey ?? '')}`);
      claimId = (claim as unknown as { Id: number }).Id;
      crewId = await privateComment('For Weld A', [[claimId, READ]]);
    });

    it('makes the claim a principal of its own: a security group with an id no site user has', async () => {
      const again = (await app.web.ensureUser(`c:0o.c|federateddirectoryclaimprovider|${teamIdOf(member.crewKey ?? '')}`)) as unknown as {
        Id: number;
        PrincipalType: number;
        LoginName: string;
      };
      expect(again.Id).toBe(claimId);
      expect(again.PrincipalType).toBe(4);
      expect(again.LoginName).toBe(`c:0o.c|federateddirectoryclaimprovider|${teamIdOf(member.crewKey ?? '')}`);
      const siteUserIds = tenant.context.directory.all().map((p) => p.spUserId);
      expect(siteUserIds).not.toContain(claimId);
      expect(claimId).toBeGreaterThan(Math.max(...siteUserIds));
      const listed = await app.web.siteUsers.select('Id', 'PrincipalType')<Array<{ Id: number; PrincipalType: number }>>();
      // Listed once among the site's users (the demo plant's crew posts made claims of their own).
      expect(listed.filter((u) => u.Id === claimId).map((u) => u.PrincipalType)).toEqual([4]);
      expect(listed.filter((u) => u.PrincipalType === 4).every((u) => !siteUserIds.includes(u.Id))).toBe(true);
    });

    it("refuses a group the tenant does not have, as SharePoint refuses an unknown user", async () => {
      const error = await failure(app.web.ensureUser('c:0o.c|federateddirectoryclaimprovider|00000000-0000-0000-0000-0000000000aa'));
      expect(error.status).toBe(404);
      expect(error.message).toContain('could not be found');
    });

    it("shows the item to the crew's team members, and to nobody else", async () => {
      for (const person of [member, colleague, leader]) {
        expect([person.displayName, await readById(person, crewId)]).toEqual([person.displayName, 'ok']);
        expect(await idsSeenBy(person)).toContain(crewId);
      }
      for (const person of [hr, owner, outsider]) {
        expect([person.displayName, await readById(person, crewId)]).toEqual([person.displayName, 404]);
        expect(await idsSeenBy(person)).not.toContain(crewId);
      }
      const item = comments(app).items.getById(crewId);
      expect(await item.userHasPermissions(leader.loginName, PermissionKind.ViewListItems)).toBe(true);
      expect(await item.userHasPermissions(outsider.loginName, PermissionKind.ViewListItems)).toBe(false);
      const held = await assignments(crewId);
      expect(held.find((a) => a.PrincipalId === claimId)?.Member).toMatchObject({ PrincipalType: 4, Id: claimId });
    });
  });

  describe('copying, removing and resetting', () => {
    it('keeps everyone when copying: the site groups with their levels, not the caller', async () => {
      const id = await addComment('Copied');
      await comments(app).items.getById(id).breakRoleInheritance(true, false);
      const held = await assignments(id);
      expect(held.map((a) => [a.PrincipalId, a.RoleDefinitionBindings.map((b) => b.Id)])).toEqual([
        [OWNERS_GROUP_ID, [FULL_CONTROL]],
        [MEMBERS_GROUP_ID, [CONTRIBUTE]],
        [HR_GROUP_ID, [1073741828]]
      ]);
      for (const person of everyone) {
        expect([person.displayName, await readById(person, id)]).toEqual([person.displayName, 'ok']);
      }
      // The list's own settings still bind on top: members edit only their own comments (WriteSecurity 2).
      expect((await failure(as(member).items.getById(id).update({ Body: 'Changed by a member' }))).status).toBe(403);
      expect(await as(member).items.getById(id).getCurrentUserEffectivePermissions()).toMatchObject(PERMISSION_LEVELS.Contribute);
    });

    it('takes the access away with the role assignment', async () => {
      const id = await privateComment('Granted, then taken back', [
        [colleague.spUserId, READ],
        [HR_GROUP_ID, READ]
      ]);
      expect(await readById(colleague, id)).toBe('ok');
      await comments(app).items.getById(id).roleAssignments.remove(colleague.spUserId, READ);
      expect(await readById(colleague, id)).toBe(404);
      expect(await idsSeenBy(colleague)).not.toContain(id);
      expect(await readById(hr, id)).toBe('ok');
      expect((await assignments(id)).map((a) => a.PrincipalId)).toEqual([HR_GROUP_ID, RELAY_USER_ID]);
      const again = await failure(comments(app).items.getById(id).roleAssignments.remove(colleague.spUserId, READ));
      expect(again.status).toBe(404);
      expect(again.message).toContain(`Can not find the principal with id: ${colleague.spUserId}`);
      await comments(app).items.getById(id).roleAssignments.getById(HR_GROUP_ID).delete();
      expect(await readById(hr, id)).toBe(404);
    });

    it("gives the item the list's permissions again when reset", async () => {
      const id = await privateComment('Reset', [[colleague.spUserId, CONTRIBUTE]]);
      expect(await readById(member, id)).toBe(404);
      await comments(app).items.getById(id).resetRoleInheritance();
      for (const person of everyone) {
        expect([person.displayName, await readById(person, id)]).toEqual([person.displayName, 'ok']);
      }
      const item = await comments(app).items.getById(id).select('HasUniqueRoleAssignments')<{ HasUniqueRoleAssignments: boolean }>();
      expect(item.HasUniqueRoleAssignments).toBe(false);
      // An item that inherits answers the site's role assignments, and takes no role assignment of its own.
      expect((await assignments(id)).map((a) => a.PrincipalId)).toEqual([OWNERS_GROUP_ID, MEMBERS_GROUP_ID, HR_GROUP_ID]);
      const refused = await failure(comments(app).items.getById(id).roleAssignments.add(colleague.spUserId, READ));
      expect(refused.status).toBe(400);
      expect(refused.message).toContain('inherits permissions');
    });
  });

  describe('who may change item permissions', () => {
    let id: number;

    beforeAll(async () => {
      id = await addComment('Everyone sees this one');
    });

    it('refuses a member and HR (Design has no Manage Permissions), and lets neither read the role assignments', async () => {
      for (const person of [member, hr]) {
        const error = await failure(as(person).items.getById(id).breakRoleInheritance(false, false));
        expect([person.displayName, error.status]).toEqual([person.displayName, 403]);
        expect((await failure(as(person).items.getById(id).roleAssignments())).status).toBe(403);
      }
      expect(await readById(member, id)).toBe('ok');
      expect((await failure(spAs(tenant, member).web.roleAssignments())).status).toBe(403);
    });

    it('lets the site owner break it, keeping Full Control when not copying', async () => {
      const ownId = await addComment('Broken by the site owner');
      await as(owner).items.getById(ownId).breakRoleInheritance(false, true);
      expect((await assignments(ownId)).map((a) => [a.PrincipalId, a.RoleDefinitionBindings.map((b) => b.Id)])).toEqual([[owner.spUserId, [FULL_CONTROL]]]);
      expect(await readById(owner, ownId)).toBe('ok');
      expect(await readById(hr, ownId)).toBe(404);
      // The relay holds nothing on it, and is not bound by item permissions: its rights are its grant on the site.
      expect((await comments(app).items.getById(ownId).select('Title')<{ Title: string }>()).Title).toBe('Broken by the site owner');
      await comments(app).items.getById(ownId).roleAssignments.add(HR_GROUP_ID, READ);
      expect(await readById(hr, ownId)).toBe('ok');
    });

    it('refuses a principal or a role definition the site does not have', async () => {
      const target = await privateComment('Unknown principals', []);
      const principal = await failure(comments(app).items.getById(target).roleAssignments.add(987_654, READ));
      expect(principal.status).toBe(404);
      expect(principal.message).toContain('Can not find the principal with id: 987654');
      const role = await failure(comments(app).items.getById(target).roleAssignments.add(colleague.spUserId, 1_234));
      expect(role.status).toBe(404);
    });

    it('deletes the role assignments with the item', async () => {
      const target = await privateComment('Deleted', [[colleague.spUserId, READ]]);
      const listId = (await comments(app).select('Id')<{ Id: string }>()).Id;
      const held = (): number =>
        (tenant.context.db.prepare('SELECT COUNT(*) AS n FROM sp_item_roles WHERE list_id = ? AND item_id = ?').get(listId, target) as { n: number }).n;
      expect(held()).toBe(2);
      await comments(app).items.getById(target).delete();
      expect(held()).toBe(0);
    });
  });

  describe('site groups and role definitions', () => {
    it('answers the three groups, with ids no site user has, their members and the level each is bound to', async () => {
      const sp = spAs(tenant, owner);
      const groups = await sp.web.siteGroups.select('Id', 'Title', 'PrincipalType')<Array<{ Id: number; Title: string; PrincipalType: number }>>();
      expect(groups.map((g) => g.Id)).toEqual([OWNERS_GROUP_ID, MEMBERS_GROUP_ID, HR_GROUP_ID]);
      expect(groups.every((g) => g.PrincipalType === 8)).toBe(true);
      const siteUserIds = new Set(tenant.context.directory.all().map((p) => p.spUserId));
      expect(groups.filter((g) => siteUserIds.has(g.Id))).toEqual([]);
      expect((await sp.web.associatedOwnerGroup.select('Id')<{ Id: number }>()).Id).toBe(OWNERS_GROUP_ID);
      expect((await sp.web.associatedMemberGroup.select('Id')<{ Id: number }>()).Id).toBe(MEMBERS_GROUP_ID);
      const hrMembers = (await sp.web.siteGroups.getById(HR_GROUP_ID).users.select('Id')<Array<{ Id: number }>>()).map((u) => u.Id);
      expect(hrMembers).toContain(hr.spUserId);
      expect(hrMembers).not.toContain(member.spUserId);
      const members = (await sp.web.siteGroups.getById(MEMBERS_GROUP_ID).users.select('Id')<Array<{ Id: number }>>()).map((u) => u.Id);
      expect(members).toEqual(expect.arrayContaining([member.spUserId, colleague.spUserId, leader.spUserId]));
      expect(members).not.toContain(RELAY_USER_ID);
      expect(members).not.toContain(owner.spUserId);
      const bound = await sp.web.roleAssignments.expand('Member', 'RoleDefinitionBindings')<Assignment[]>();
      expect(bound.map((a) => [a.Member.Title, a.RoleDefinitionBindings.map((b) => b.Name)])).toEqual([
        ['Shopfloor Engage Owners', ['Full Control']],
        ['Shopfloor Engage Members', ['Contribute']],
        ['Shopfloor Engage HR', ['Design']]
      ]);
      expect((await failure(sp.web.siteGroups.getById(4)())).message).toContain('Group cannot be found');
    });

    it("answers the built-in role definitions with SharePoint's ids and types", async () => {
      const sp = spAs(tenant, member);
      const definitions = await sp.web.roleDefinitions.select('Id', 'Name', 'RoleTypeKind')<Array<{ Id: number; Name: string; RoleTypeKind: number }>>();
      expect(definitions.map((d) => [d.Name, d.Id, d.RoleTypeKind])).toEqual([
        ['Full Control', FULL_CONTROL, 5],
        ['Design', 1073741828, 4],
        ['Edit', 1073741830, 6],
        ['Contribute', CONTRIBUTE, 3],
        ['Read', READ, 2]
      ]);
      expect((await sp.web.roleDefinitions.getByType(5).select('Id')<{ Id: number }>()).Id).toBe(FULL_CONTROL);
      expect((await sp.web.roleDefinitions.getByName('Contribute').select('Id')<{ Id: number }>()).Id).toBe(CONTRIBUTE);
      expect(await sp.web.roleDefinitions.getById(READ).select('BasePermissions')<unknown>()).toEqual({ BasePermissions: PERMISSION_LEVELS.Read });
    });

    it('gives the relay Full Control on the site (its Sites.Selected fullcontrol grant)', async () => {
      expect(await app.web.getCurrentUserEffectivePermissions()).toMatchObject(PERMISSION_LEVELS['Full Control']);
    });
  });
});
