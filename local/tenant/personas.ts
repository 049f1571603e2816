/**
 * The workbench's persona switcher: stable people to sign in as. The same people in every
 * seed (they are fixed in the plant model): an operator at Göteborg (Åsa Bäckström, Weld A),
 * an agency welder in the same crew (Seán O'Brien), their team leader (Jonas Ødegaard), an HR
 * partner (Leyla Ünal) and the site admin (Erik Lindqvist). Falls back to role-based picks
 * for a directory that does not hold them. Their rights on the site (permissionLevels.ts): the
 * site admin Full Control, HR Design (Edit with `LOCAL_TENANT_HR_LEVEL=edit`), the others
 * Contribute.
 */
import type { Directory, Person } from './directory';
import { FIXED_PEOPLE, MAIL_DOMAIN } from './plantModel';
import { asciiFold } from './names';

export const PERSONA_KEYS = ['operator', 'agencyOperator', 'teamLeader', 'hr', 'siteAdmin'] as const;
export type PersonaKey = (typeof PERSONA_KEYS)[number];

export interface PersonaChoice {
  readonly key: PersonaKey;
  readonly person: Person;
}

function fixedUpn(key: PersonaKey): string | undefined {
  const fixed = FIXED_PEOPLE.find((p) => p.key === key);
  return fixed ? `${asciiFold(fixed.givenName)}.${asciiFold(fixed.surname)}@${MAIL_DOMAIN}` : undefined;
}

export function personas(directory: Directory): PersonaChoice[] {
  const people = directory.all().filter((p) => !p.isApp);
  const byKey = (key: PersonaKey): Person | undefined => {
    const upn = fixedUpn(key);
    return upn ? directory.byLogin(upn) : undefined;
  };
  const operator = byKey('operator') ?? directory.defaultPersona();
  const agencyOperator =
    byKey('agencyOperator') ??
    people.find((p) => p.employeeType === 'Agency' && p.role === 'operator' && p.crewKey === operator.crewKey) ??
    people.find((p) => p.employeeType === 'Agency' && p.role === 'operator');
  const manager = operator.managerId ? directory.byId(operator.managerId) : undefined;
  const teamLeader =
    byKey('teamLeader') ?? (manager && manager.role === 'teamLeader' ? manager : people.find((p) => p.role === 'teamLeader'));
  const hr = byKey('hr') ?? people.find((p) => p.isHr && p.siteCode === operator.siteCode) ?? people.find((p) => p.isHr);
  const siteAdmin = byKey('siteAdmin') ?? people.find((p) => p.isSiteOwner);
  const choices: Array<[PersonaKey, Person | undefined]> = [
    ['operator', operator],
    ['agencyOperator', agencyOperator],
    ['teamLeader', teamLeader],
    ['hr', hr],
    ['siteAdmin', siteAdmin]
  ];
  return choices
    .filter((choice): choice is [PersonaKey, Person] => choice[1] !== undefined)
    .map(([key, person]) => ({ key, person }));
}
