/**
 * End to end, on the shop floor's phone (360 × 740): the Crew skills matrix as the team leader,
 * in Swedish. The leader's people come from the directory (their direct reports in Entra ID, the
 * local tenant's Graph); the demo plant gives every crew one station only its leader runs alone
 * (`singleCoverStation`), so the coverage per coming shift shows it: a single point of failure
 * naming the leader on their shifts, a station nobody covers on the others. The CSV is read as
 * the browser saves it: byte order mark, the Swedish delimiter, the people shown.
 *
 * In every state every interactive element is a 48 × 48 px target, the page does not scroll
 * sideways, and axe finds no serious violation; once light on a strong section, once dark on none.
 */
import * as fs from 'fs';

import { singleCoverStation } from '../../local/tenant/history/learning';
import { LINES } from '../../local/tenant/plantModel';
import { format } from '../../src/ui/format';
import { matrixWords } from '../../src/ui/skillsMatrix/matrixWords';
import { openPartAt, phoneProblems, workbenchPersonas } from './support/partAt';
import { findPersona, type Persona } from './support/phoneParts';
import { workbenchSession } from './support/session';

jest.setTimeout(300_000);

const e2e = workbenchSession();
const PART = 'SkillsMatrixWebPart';
const sv = matrixWords('sv-se');

interface DirectoryPerson {
  readonly displayName: string;
  readonly userPrincipalName: string;
}

async function graphAs<T>(who: Persona, path: string): Promise<T> {
  const response = await fetch(`${e2e.tenant.origin}/graph/v1.0${path}`, { headers: { 'x-local-user': who.userPrincipalName } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('the Crew skills matrix on a phone, in Swedish, as the team leader', () => {
  let leader: Persona;
  let me: DirectoryPerson;
  let reports: DirectoryPerson[];
  let inspection: string;

  beforeAll(async () => {
    leader = findPersona(await workbenchPersonas(e2e), 'Team leader');
    me = await graphAs<DirectoryPerson>(leader, '/me?$select=displayName,userPrincipalName');
    reports = (await graphAs<{ value: DirectoryPerson[] }>(leader, '/me/directReports?$select=displayName,userPrincipalName')).value;
    expect(reports.length).toBeGreaterThan(2);
    // The leader's crew works on weld cell 2 (the demo plant's fixed people).
    const line = LINES.find((l) => l.code === 'GOT-WELD2');
    const code = line ? singleCoverStation(line) : undefined;
    inspection = line?.stations.find((s) => s.code === code)?.name ?? '';
    expect(inspection).not.toBe('');
  });

  it('light theme, strong section: the leader and their people × stations, the single point of failure per shift, and the CSV', async () => {
    const opened = await openPartAt(e2e, PART, 'light', 'strong', leader, { locale: 'sv-se' });
    const { part, page } = opened;
    try {
      const table = part.getByRole('table', { name: sv.matrixCaption });
      await table.waitFor({ timeout: 60_000 });
      const rows = (await table.getByRole('rowheader').allTextContents()).map((t) => t.trim());
      expect(rows).toContain(`${me.displayName} ${sv.you}`);
      for (const person of reports) {
        expect(rows).toContain(person.displayName);
      }
      expect(await table.getByRole('columnheader', { name: inspection }).count()).toBe(1);

      // Coverage: the inspection station, which only the leader runs alone, is a gap on every
      // coming shift of the crew: the leader alone on theirs, nobody on the others.
      const gaps = await part.getByRole('listitem').allTextContents();
      const single = format(sv.single, inspection, me.displayName);
      const inspectionGaps = gaps.filter((text) => text.includes(inspection));
      expect(inspectionGaps.length).toBeGreaterThan(0);
      for (const text of inspectionGaps.filter((t) => t.includes(format(sv.single, inspection, '')))) {
        expect(text).toContain(single);
      }
      expect(await phoneProblems(opened, 'light/strong matrix')).toEqual([]);

      const [download] = await Promise.all([page.waitForEvent('download'), part.getByRole('button', { name: sv.exportCsv }).click()]);
      const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
      expect(download.suggestedFilename()).toBe(`${sv.fileName}.csv`);
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.slice(1).split('\r\n');
      expect(lines[0].split(';')[0]).toBe(sv.person);
      expect(lines[0].split(';')).toContain(inspection);
      for (const person of reports) {
        expect(lines.some((l) => l.startsWith(`${person.displayName};`) || l.startsWith(`"${person.displayName}";`))).toBe(true);
      }
      expect(csv).toContain(sv.csvCoverage[0]);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });

  it('dark theme, no section: every target 48 px, no sideways scroll, axe clean', async () => {
    const opened = await openPartAt(e2e, PART, 'dark', 'none', leader, { locale: 'sv-se' });
    try {
      await opened.part.getByRole('table', { name: sv.matrixCaption }).waitFor({ timeout: 60_000 });
      await opened.part.getByRole('heading', { name: sv.coverageHeading }).waitFor();
      expect(await phoneProblems(opened, 'dark/none matrix')).toEqual([]);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});
