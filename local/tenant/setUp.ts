/**
 * The demo plant is a site in use: Engage Setup has run on it, so its lists have the access
 * settings the product needs (src/core/setup/listSecurity.ts), applied the way the setup part
 * applies them (uniqueness off first where a list needs it off). A fresh install
 * (`freshInstall`) leaves every list as SharePoint provisions it: open to every member.
 */
import { LISTS } from '../../src/core/schema/lists';
import { LIST_SECURITY } from '../../src/core/setup/listSecurity';
import type { Database } from '../server/db';
import { groupClaim, SitePrincipals } from '../sharepoint/principals';
import type { ItemPage, SqliteSharePointStore } from '../sharepoint/sqliteStore';
import type { Directory } from './directory';
import { hrLevel, roleDefinitionOf } from './permissionLevels';
import { HR_GROUP_ID, OWNERS_GROUP_ID } from './siteGroups';

export function applyProductListSecurity(sp: Pick<SqliteSharePointStore, 'list' | 'updateList' | 'setFieldUnique'>): void {
  for (const [title, rule] of Object.entries(LIST_SECURITY)) {
    if (!sp.list(title)) {
      continue;
    }
    for (const field of rule.notUnique ?? []) {
      sp.setFieldUnique(title, field, false);
    }
    sp.updateList(title, { readSecurity: rule.read, writeSecurity: rule.write, noCrawl: rule.noCrawl === true ? true : undefined });
  }
}

/**
 * What the relay does to every "private" and "my crew" post it writes (relay/src/itemAccess.ts),
 * done to the demo history's posts: permissions of their own, kept by those who moderate (the
 * Owners group with Full Control, the HR group with HR's level) and given Read to the giver, the
 * recipient, the recipient's manager and, for a crew post, the crew's Microsoft 365 group.
 */
export function restrictSeededPosts(sp: SqliteSharePointStore, directory: Directory, db: () => Database): void {
  const principals = new SitePrincipals(sp, directory, db);
  const read = roleDefinitionOf('Read').id;
  const title = LISTS.recognitions.title;
  for (const visibility of ['private', 'crew']) {
    for (let page: ItemPage | undefined = sp.queryItems(title, { filter: `Visibility eq '${visibility}'`, top: 5000 }); page; ) {
      for (const item of page.items) {
        const recipient = directory.bySpUserId(Number(item.values.Recipient));
        const giverId = Number(item.values.Giver);
        const manager = recipient?.managerId ? directory.byId(recipient.managerId) : undefined;
        const crewKey = typeof item.values.CrewKey === 'string' ? item.values.CrewKey : '';
        const crew = visibility === 'crew' && crewKey ? principals.ensureClaim(groupClaim(crewKey)) : undefined;
        const readers = [giverId, recipient?.spUserId, manager?.spUserId, crew?.id].filter((id): id is number => typeof id === 'number' && id > 0);
        sp.breakItemInheritance(title, item.id, [
          { principalId: OWNERS_GROUP_ID, roleDefId: roleDefinitionOf('Full Control').id },
          { principalId: HR_GROUP_ID, roleDefId: roleDefinitionOf(hrLevel()).id },
          ...readers.map((principalId) => ({ principalId, roleDefId: read }))
        ]);
      }
      page = page.nextSkipToken ? sp.queryItems(title, { filter: `Visibility eq '${visibility}'`, top: 5000, skipToken: page.nextSkipToken }) : undefined;
    }
  }
}
