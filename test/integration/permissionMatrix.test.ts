/**
 * The permission matrix: for every product list, what members (operator, agency operator, team
 * leader: Contribute), HR (Design: Override List Behaviors, so a list's ReadSecurity and
 * WriteSecurity do not bind it), the site owner (Full Control) and the relay (app-only identity,
 * Full Control through Sites.Selected) may do, tried over real REST on the local tenant: read
 * (a query, and an item by id), create, update and delete an item the caller wrote and one
 * someone else wrote. Once on a fresh install (lists as SharePoint provisions them, before Engage
 * Setup) and once after setup (the product's list access settings applied).
 *
 * The expected tables are written out here on purpose, not derived from LIST_SECURITY: they are
 * the product's rules as a planner reads them, so a wrong rule or a wrong enforcement fails.
 * Cell format and legend: test/support/permissionMatrix.ts. A denied write answers 403 (access
 * denied); an item the caller may not read is absent from queries, and by id, for a read, update
 * or delete, answers 404 ("Item does not exist"), as SharePoint does for own-items-only lists.
 * Items with permissions of their own (private and crew posts in SE_Recognitions) are not part
 * of this matrix. The tables observed are printed at the end of each run, in the same format.
 */
import { LISTS } from '../../src/core/schema/lists';
import { PRODUCT_LIST_TITLES } from '../../src/core/setup/productLists';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import type { PersonaKey } from '../../local/tenant/personas';
import {
  formatMatrix,
  type Group,
  type Matrix,
  type MatrixRow,
  parseMatrix,
  probeCell,
  type ProbeItems,
  relayPrincipal,
  sampleItem,
  SiteRest
} from '../support/permissionMatrix';
import { persona, startTestTenant } from '../support/tenant';

/** After Engage Setup: the product's rules (src/core/setup/listSecurity.ts says why per list). */
const AFTER_SETUP = parseMatrix(`
  list             | members        | hr             | owner          | relay
  SE_Settings      | all C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Values        | all C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Recognitions  | all C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Reactions     | all C+ U+- D+- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Reports       | own C+ U+- D+- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Preferences   | all C+ U+- D+- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Questions     | all C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Surveys       | all C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_SurveyRounds  | all C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Responses     | own C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Participation | own C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Reminders     | own C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Comments      | own C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_ActionPlans   | own C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_LearningPaths | all C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_LearningSteps | all C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Assignments   | all C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Progress      | all C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Skills        | all C- U-- D-- | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
`);

/**
 * A fresh install, before Engage Setup: SharePoint's default, every list open to every member.
 * The product must protect itself in this window (other tests); here it is only stated.
 */
const FRESH_INSTALL = parseMatrix(`
  list             | members        | hr             | owner          | relay
  SE_Settings      | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Values        | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Recognitions  | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Reactions     | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Reports       | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Preferences   | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Questions     | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Surveys       | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_SurveyRounds  | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Responses     | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Participation | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Reminders     | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Comments      | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_ActionPlans   | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_LearningPaths | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_LearningSteps | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Assignments   | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Progress      | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
  SE_Skills        | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++ | all C+ U++ D++
`);

/** Who is tried, and the group whose cell they must match. */
const CALLERS: ReadonlyArray<{ readonly name: string; readonly persona?: PersonaKey; readonly group: Group }> = [
  { name: 'operator', persona: 'operator', group: 'members' },
  { name: 'agencyOperator', persona: 'agencyOperator', group: 'members' },
  { name: 'teamLeader', persona: 'teamLeader', group: 'members' },
  { name: 'hr', persona: 'hr', group: 'hr' },
  { name: 'siteAdmin', persona: 'siteAdmin', group: 'owner' },
  { name: 'relay', group: 'relay' }
];

interface Caller {
  readonly name: string;
  readonly group: Group;
  readonly person: Person;
  readonly rest: SiteRest;
  /** Per list: an item the caller wrote and one a colleague wrote, both put in the list beforehand. */
  readonly items: Map<string, ProbeItems>;
}

/** Each caller's cell per list, grouped back into the table's shape (members who differ are all shown). */
function observedMatrix(observed: ReadonlyMap<string, ReadonlyMap<string, string>>): Matrix {
  const matrix = new Map<string, MatrixRow>();
  for (const [list, cells] of observed) {
    const cellOf = (group: Group): string => [...new Set(CALLERS.filter((c) => c.group === group).map((c) => cells.get(c.name) ?? '(not tried)'))].join(' / ');
    matrix.set(list, { members: cellOf('members'), hr: cellOf('hr'), owner: cellOf('owner'), relay: cellOf('relay') });
  }
  return matrix;
}

function describeMatrix(state: string, freshInstall: boolean, expected: Matrix): void {
  describe(`the permission matrix ${state}`, () => {
    let tenant: RunningTenant;
    const callers: Caller[] = [];
    const observed = new Map<string, Map<string, string>>();
    let next = 1;

    beforeAll(async () => {
      tenant = await startTestTenant({ freshInstall });
      const operator = persona(tenant, 'operator');
      const colleague = persona(tenant, 'agencyOperator');
      for (const { name, persona: key, group } of CALLERS) {
        const person = key ? persona(tenant, key) : relayPrincipal(tenant);
        const rest = key ? await SiteRest.asPerson(tenant, person) : await SiteRest.asRelay(tenant);
        callers.push({ name, group, person, rest, items: new Map() });
      }
      // The items each caller works on, put into the lists through the tenant's store (only the
      // tries go over HTTP): the caller's own (as if written before setup, for lists the caller
      // may no longer add to) and a member colleague's.
      for (const caller of callers) {
        const other = caller.person.id === operator.id ? colleague : operator;
        const subject = caller.person.isApp ? operator : caller.person;
        for (const list of PRODUCT_LIST_TITLES) {
          const own = tenant.context.sp.addItem(list, sampleItem(list, next++, subject), { authorId: caller.person.spUserId });
          const others = tenant.context.sp.addItem(list, sampleItem(list, next++, other), { authorId: other.spUserId });
          caller.items.set(list, { own, others });
        }
      }
    }, 60_000);

    afterAll(async () => {
      if (observed.size > 0) {
        // eslint-disable-next-line no-console
        console.log(formatMatrix(`Permission matrix ${state}, as observed:`, observedMatrix(observed)));
      }
      await tenant?.close();
    });

    it('covers every list of the registry, in its order', () => {
      expect([...expected.keys()]).toEqual(Object.values(LISTS).map((list) => list.title));
    });

    it('signs each caller in as themselves (the relay as its app identity)', async () => {
      for (const caller of callers) {
        const me = await caller.rest.call('GET', 'web/currentuser?$select=Id');
        expect([caller.name, me.status, (me.body as { Id?: number }).Id]).toEqual([caller.name, 200, caller.person.spUserId]);
      }
    });

    it.each([...expected.keys()])('%s', async (list) => {
      const row = expected.get(list) as MatrixRow;
      const want: Record<string, string> = {};
      const got: Record<string, string> = {};
      for (const caller of callers) {
        const subject = caller.person.isApp ? persona(tenant, 'operator') : caller.person;
        want[caller.name] = row[caller.group];
        got[caller.name] = await probeCell(tenant, caller.rest, caller.person, list, caller.items.get(list) as ProbeItems, sampleItem(list, next++, subject));
      }
      observed.set(list, new Map(Object.entries(got)));
      expect(got).toEqual(want);
    });
  });
}

describeMatrix('on a fresh install', true, FRESH_INSTALL);
describeMatrix('after Engage Setup', false, AFTER_SETUP);
