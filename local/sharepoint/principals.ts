/**
 * The site's principals, which share one id space: site users (people and the relay's app
 * identity), the site groups (local/tenant/siteGroups.ts) and the Microsoft 365 groups made
 * principals by `ensureuser` with a claim (`c:0o.c|federateddirectoryclaimprovider|<groupId>`
 * for its members, `…_o` for its owners). A crew is a Teams team, so a claim stands for the
 * crew's team members as the tenant's Teams membership says (`team_members`, what Graph answers
 * `/me/joinedTeams` from), read when rights are judged.
 */
import type { Database } from '../server/db';
import type { Directory, Person } from '../tenant/directory';
import { HIGHEST_GROUP_ID, type SiteGroup, siteGroupById } from '../tenant/siteGroups';
import { createPlantData, type PlantData } from '../tenant/store';
import type { ClaimPrincipalRecord, SqliteSharePointStore } from './sqliteStore';

export type Principal =
  | { readonly kind: 'user'; readonly id: number; readonly person: Person }
  | { readonly kind: 'group'; readonly id: number; readonly group: SiteGroup }
  | { readonly kind: 'claim'; readonly id: number; readonly claim: ClaimPrincipalRecord };

const CLAIM_PREFIX = 'c:0o.c|federateddirectoryclaimprovider|';
const CLAIM = /^c:0o\.c\|federateddirectoryclaimprovider\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(_o)?$/i;

/** A Microsoft 365 group claim's group id and whether it names the owners; undefined for any other login. */
export function parseGroupClaim(login: string): { groupId: string; ownersOnly: boolean } | undefined {
  const match = CLAIM.exec(login.trim());
  return match ? { groupId: (match[1] ?? '').toLowerCase(), ownersOnly: match[2] !== undefined } : undefined;
}

/** The claim login of a Microsoft 365 group's members (or owners). */
export function groupClaim(groupId: string, ownersOnly = false): string {
  return `${CLAIM_PREFIX}${groupId.toLowerCase()}${ownersOnly ? '_o' : ''}`;
}

export class SitePrincipals {
  private plantData: PlantData | undefined;

  public constructor(
    private readonly store: SqliteSharePointStore,
    private readonly directory: Directory,
    private readonly db: () => Database
  ) {}

  private plant(): PlantData {
    this.plantData ??= createPlantData(this.db());
    return this.plantData;
  }

  public byId(id: number): Principal | undefined {
    const person = this.directory.bySpUserId(id);
    if (person) {
      return { kind: 'user', id, person };
    }
    const group = siteGroupById(id);
    if (group) {
      return { kind: 'group', id, group };
    }
    const claim = this.store.claimPrincipals().find((c) => c.id === id);
    return claim ? { kind: 'claim', id, claim } : undefined;
  }

  /** Claim principals made so far. */
  public claims(): ClaimPrincipalRecord[] {
    return this.store.claimPrincipals();
  }

  /**
   * `ensureuser` of a Microsoft 365 group claim: the principal, made with the site collection's
   * next free id the first time; undefined for a group the tenant does not have.
   */
  public ensureClaim(login: string): ClaimPrincipalRecord | undefined {
    const claim = parseGroupClaim(login);
    const team = claim ? this.plant().team(claim.groupId) : undefined;
    if (!claim || !team) {
      return undefined;
    }
    const loginName = groupClaim(team.id, claim.ownersOnly);
    const lowestId = Math.max(HIGHEST_GROUP_ID, ...this.directory.all().map((p) => p.spUserId)) + 1;
    return this.store.addClaimPrincipal(
      { loginName, title: claim.ownersOnly ? `${team.displayName} Owners` : team.displayName, groupId: team.id, ownersOnly: claim.ownersOnly },
      lowestId
    );
  }

  /** Whether `person` is in the Microsoft 365 group (its owners, for an owners claim) now. */
  private inClaim(claim: ClaimPrincipalRecord, person: Person): boolean {
    if (claim.ownersOnly) {
      return this.plant().members(claim.groupId).some((m) => m.personId === person.id && m.role === 'owner');
    }
    return this.plant().isMember(claim.groupId, person.id);
  }

  /** The claim principals `person` is a member of. */
  public claimPrincipalIdsOf(person: Person): number[] {
    const claims = this.store.claimPrincipals();
    return claims.length === 0 ? [] : claims.filter((claim) => this.inClaim(claim, person)).map((claim) => claim.id);
  }

  /** The people a principal stands for. */
  public membersOf(principal: Principal): Person[] {
    switch (principal.kind) {
      case 'user':
        return [principal.person];
      case 'group':
        return this.directory.all().filter((person) => principal.group.isMember(person));
      case 'claim':
        return this.directory.all().filter((person) => this.inClaim(principal.claim, person));
    }
  }
}
