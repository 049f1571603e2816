/**
 * The SharePoint groups of the engagement site: its Owners (site owners, Full Control), its
 * Members (every other person, Contribute) and the HR group (Design). Each person's level on the
 * site (permissionLevels.ts) is the level of the groups they are in.
 *
 * SharePoint principals (users and groups) share one id space per site collection. Site user ids
 * are the relay's 9 and people's 10 and up (people.ts), SharePoint's system account 1073741823;
 * the groups take ids below 9, as a new site's own groups do (its Owners 3, Visitors 4, Members
 * 5). Visitors is not modelled: nobody in the demo plant only reads.
 */
import type { Person } from './directory';
import { hrLevel, type PermissionLevelName } from './permissionLevels';

export interface SiteGroup {
  readonly id: number;
  readonly title: string;
  readonly description: string;
  /** The level the group is bound to on the site (`web/roleassignments`). */
  level(env?: NodeJS.ProcessEnv): PermissionLevelName;
  isMember(person: Person): boolean;
}

export const OWNERS_GROUP_ID = 3;
export const MEMBERS_GROUP_ID = 5;
export const HR_GROUP_ID = 6;

/** The highest id a site group may take: people start above it. */
export const HIGHEST_GROUP_ID = 8;

export const SITE_GROUPS: readonly SiteGroup[] = [
  {
    id: OWNERS_GROUP_ID,
    title: 'Shopfloor Engage Owners',
    description: 'The site owners: Full Control.',
    level: () => 'Full Control',
    isMember: (person) => person.isSiteOwner && person.isApp !== true
  },
  {
    id: MEMBERS_GROUP_ID,
    title: 'Shopfloor Engage Members',
    description: 'Everyone else who uses the site: Contribute.',
    level: () => 'Contribute',
    isMember: (person) => person.isApp !== true && !person.isSiteOwner && !person.isHr
  },
  {
    id: HR_GROUP_ID,
    title: 'Shopfloor Engage HR',
    description: 'HR: Design (Override List Behaviors: reads every report).',
    level: (env) => hrLevel(env),
    isMember: (person) => person.isHr && person.isApp !== true
  }
];

export function siteGroupById(id: number): SiteGroup | undefined {
  return SITE_GROUPS.find((group) => group.id === id);
}

/** The site groups `person` is in (none for the relay's app identity). */
export function siteGroupsOf(person: Person): SiteGroup[] {
  return SITE_GROUPS.filter((group) => group.isMember(person));
}
