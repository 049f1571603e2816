/**
 * Who someone is, as the product needs it: the people directory. Implemented over Microsoft
 * Graph (src/connectors/graph); typed fakes implement it in tests.
 */
import type { IsoDate } from '../models/common';

/** Agency consultants are first-class people: the type only informs reports, never rights. */
export type EmploymentType = 'employee' | 'agency' | 'contractor' | 'unknown';

export interface PersonProfile {
  /** Directory object id (Graph user id). */
  readonly id: string;
  readonly displayName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly jobTitle?: string;
  readonly department?: string;
  readonly officeLocation?: string;
  readonly mail?: string;
  readonly userPrincipalName?: string;
  readonly employmentType: EmploymentType;
  /** BCP 47 as the directory holds it, e.g. `sv-SE`. */
  readonly preferredLanguage?: string;
  /** Service anniversaries come from this when the directory knows it. */
  readonly hireDate?: IsoDate;
}

export interface Photo {
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export interface PeopleDirectory {
  me(): Promise<PersonProfile>;
  person(id: string): Promise<PersonProfile>;
  /** People whose name starts with the words typed (diacritics ignored by the directory). */
  search(text: string, top?: number): Promise<PersonProfile[]>;
  /** The manager of `id` (of me when omitted); undefined when there is none. */
  manager(id?: string): Promise<PersonProfile | undefined>;
  directReports(id?: string): Promise<PersonProfile[]>;
  /** The person's photo; undefined when they have none. */
  photo(id: string): Promise<Photo | undefined>;
}

/** Maps a directory's free-text employee type to the product's categories. */
export function toEmploymentType(value: string | undefined): EmploymentType {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '') {
    return 'unknown';
  }
  if (/agency|temp|consultant|inhuur|bemanning|uitzend|inhyrd/.test(text)) {
    return 'agency';
  }
  if (/contract/.test(text)) {
    return 'contractor';
  }
  if (/employee|staff|medarbetare|anställd|werknemer|medewerker/.test(text)) {
    return 'employee';
  }
  return 'unknown';
}
