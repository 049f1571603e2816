/**
 * The people of the demo plant, shared by the SharePoint and Graph stand-ins. One record per
 * person; SharePoint sees them as site users (numeric id, claims login), Graph as users (GUID).
 */
export type EmploymentType = 'Employee' | 'Agency' | 'Contractor';

export type PersonaRole = 'operator' | 'teamLeader' | 'hr' | 'siteAdmin' | 'manager';

export interface Person {
  /** Graph object id (GUID). */
  readonly id: string;
  /** SharePoint site user id (UserInfo list item id). */
  readonly spUserId: number;
  /** `i:0#.f|membership|<upn>` */
  readonly loginName: string;
  readonly userPrincipalName: string;
  readonly mail: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  readonly jobTitle: string;
  readonly department: string;
  readonly officeLocation: string;
  /** Graph `employeeType`: agency consultants are first-class people with their own type. */
  readonly employeeType: EmploymentType;
  /** BCP 47, e.g. `sv-SE`, `nl-NL`, `en-GB`. */
  readonly preferredLanguage: string;
  /** ISO date (Graph `employeeHireDate`). */
  readonly employeeHireDate: string;
  readonly managerId?: string;
  readonly role: PersonaRole;
  /** Site code of the plant (e.g. `GOT`, `EIN`). */
  readonly siteCode: string;
  readonly lineCode?: string;
  /**
   * The seed's crew key (`GOT-WELD2-A`). The crew's Teams team id, which the lists' CrewKey
   * columns hold, is `teamIdOf(crewKey)` (rosters.ts).
   */
  readonly crewKey?: string;
  /** Site owner (SharePoint Owners group). */
  readonly isSiteOwner: boolean;
  /** Member of the HR group (Design on the site: Manage Lists and Override List Behaviors; see permissionLevels.ts). */
  readonly isHr: boolean;
  /** Graph `mobilePhone` (absent = null). */
  readonly mobilePhone?: string;
  /** Graph `businessPhones` (absent = empty). */
  readonly businessPhones?: readonly string[];
  /** Has a profile photo (`/users/{id}/photo/$value` answers 404 `ImageNotFound` otherwise). */
  readonly hasPhoto?: boolean;
  /**
   * An app-only identity, not a person: the relay that writes pulse answers (site user 9,
   * claims login `i:0i.t|ms.sp.ext|…`). It exists as a SharePoint site user only; Graph does
   * not list it, it has no UPN or mail (empty strings), no crew and no shifts.
   */
  readonly isApp?: boolean;
}

/** Read access to the people; implemented over the tenant database. */
export interface Directory {
  all(): readonly Person[];
  byId(id: string): Person | undefined;
  bySpUserId(id: number): Person | undefined;
  /** Case-insensitive: login name (`i:0#.f|membership|upn`), UPN or mail. */
  byLogin(login: string): Person | undefined;
  /** The person a fresh browser is signed in as. */
  defaultPersona(): Person;
}
