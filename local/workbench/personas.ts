/**
 * The personas the workbench offers: operator, agency operator, team leader, HR, site admin.
 * Taken from the demo plant's `personas(directory)` when the tenant module exports it, or
 * picked from the directory by role otherwise.
 */
import * as tenant from '../tenant';
import type { Directory, Person } from '../tenant/directory';
import type { PersonaOption } from './shared';

const ROLE_LABELS: Readonly<Record<string, string>> = {
  operator: 'Operator',
  agencyOperator: 'Agency operator',
  teamLeader: 'Team leader',
  hr: 'HR',
  siteAdmin: 'Site admin',
  manager: 'Manager'
};

function isPerson(value: unknown): value is Person {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return (
    typeof record.userPrincipalName === 'string' &&
    typeof record.displayName === 'string' &&
    typeof record.loginName === 'string'
  );
}

export function labelOf(person: Person): string {
  if (person.role === 'operator' && person.employeeType !== 'Employee') {
    return ROLE_LABELS.agencyOperator;
  }
  return ROLE_LABELS[person.role] ?? person.role;
}

export function toOption(person: Person, label?: string): PersonaOption {
  return {
    id: person.id,
    siteUserId: person.spUserId,
    userPrincipalName: person.userPrincipalName,
    loginName: person.loginName,
    displayName: person.displayName,
    mail: person.mail,
    label: label ?? labelOf(person),
    role: person.role,
    employeeType: person.employeeType,
    jobTitle: person.jobTitle,
    department: person.department
  };
}

/** One person per role, from the directory, when the tenant has no persona list of its own. */
function pickFromDirectory(directory: Directory): Array<{ person: Person; label: string }> {
  const people = directory.all().filter((p) => !p.isApp);
  const picks: Array<[string, (p: Person) => boolean]> = [
    [ROLE_LABELS.operator, (p) => p.role === 'operator' && p.employeeType === 'Employee'],
    [ROLE_LABELS.agencyOperator, (p) => p.role === 'operator' && p.employeeType === 'Agency'],
    [ROLE_LABELS.teamLeader, (p) => p.role === 'teamLeader'],
    [ROLE_LABELS.hr, (p) => p.role === 'hr' || (p.isHr && !p.isSiteOwner)],
    [ROLE_LABELS.siteAdmin, (p) => p.role === 'siteAdmin' || p.isSiteOwner]
  ];
  const result: Array<{ person: Person; label: string }> = [];
  for (const [label, matches] of picks) {
    const person = people.find((p) => matches(p) && !result.some((r) => r.person.id === p.id));
    if (person) {
      result.push({ person, label });
    }
  }
  return result;
}

/** Reads whatever `personas(directory)` returns: people, or `{ key | label, person }` records. */
function fromTenant(directory: Directory): Array<{ person: Person; label?: string }> | undefined {
  const personas = (tenant as unknown as Record<string, unknown>).personas;
  if (typeof personas !== 'function') {
    return undefined;
  }
  const listed: unknown = (personas as (directory: Directory) => unknown)(directory);
  const items: unknown[] = Array.isArray(listed)
    ? listed
    : typeof listed === 'object' && listed !== null
      ? Object.values(listed)
      : [];
  const result: Array<{ person: Person; label?: string }> = [];
  for (const item of items) {
    if (isPerson(item)) {
      result.push({ person: item });
    } else if (typeof item === 'object' && item !== null) {
      const record = item as Record<string, unknown>;
      const person = isPerson(record.person) ? record.person : undefined;
      const byKey = typeof record.key === 'string' ? ROLE_LABELS[record.key] : undefined;
      const label = [record.label, record.title, byKey].find((v): v is string => typeof v === 'string');
      if (person) {
        result.push({ person, label });
      }
    }
  }
  return result.length > 0 ? result : undefined;
}

/** The persona list of the switcher; the signed-in and default persona are always in it. */
export function personaOptions(directory: Directory, signedIn: Person): PersonaOption[] {
  let listed: Array<{ person: Person; label?: string }>;
  try {
    listed = fromTenant(directory) ?? pickFromDirectory(directory);
  } catch {
    listed = [];
  }
  const options = listed.map(({ person, label }) => toOption(person, label));
  for (const person of [directory.defaultPersona(), signedIn]) {
    if (!options.some((option) => option.id === person.id)) {
      options.push(toOption(person));
    }
  }
  return options;
}
