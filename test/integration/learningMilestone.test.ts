/**
 * A finished learning path on the recognition wall as a milestone, over real HTTP against the
 * local tenant and its relay (relay/src/learning/milestone.ts): posted once by the relay after the
 * last step when the person allowed it on their own preferences row, in their language; a resend
 * of the finishing write posts nothing more; nothing without consent, on consent written by
 * someone else, for a path finished before consent, or for someone off the public wall.
 */
import { randomUUID } from 'crypto';

import { SharePointMilestoneConsent } from '../../src/connectors/sharepoint/learning/milestoneConsent';
import { LEARNING_PATH_MILESTONE, learningMilestoneKey } from '../../src/core/learning/milestone';
import { personKey } from '../../src/core/models/keys';
import { memberLogin } from '../../src/core/people/claims';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { relayPrincipal } from '../support/permissionMatrix';
import { findPerson, persona, spAs, startTestTenant, tokenFor } from '../support/tenant';

/** A station of line GOT-PRESS1: the post's site is the line's (the demo plant has two sites). */
const STATION = 'GOT-PRESS1-LOAD';

async function call(tenant: RunningTenant, person: Person, route: string, body: unknown): Promise<number> {
  const response = await fetch(`${tenant.origin}/relay/api/learning/${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(tenant, person)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
  await response.json();
  return response.status;
}

const progress = (tenant: RunningTenant, person: Person, stepId: number, requestId: string): Promise<number> => call(tenant, person, 'progress', { stepId, requestId });

/** Rows of a list in the store, by a column's value. */
function rowsWhere(tenant: RunningTenant, list: string, column: string, value: unknown): Array<{ id: number; authorId: number; values: Readonly<Record<string, unknown>> }> {
  const info = tenant.context.sp.list(list);
  const rows: Array<{ id: number; authorId: number; values: Readonly<Record<string, unknown>> }> = [];
  for (let id = 1; id <= (info?.itemCount ?? 0) + 200; id += 1) {
    const item = tenant.context.sp.item(list, id);
    if (item && item.values[column] === value) {
      rows.push({ id: item.id, authorId: item.authorId, values: item.values });
    }
  }
  return rows;
}

describe('a finished learning path on the recognition wall', () => {
  let tenant: RunningTenant;
  let hr: Person;
  let relayId: number;
  const taken = new Set<string>();

  beforeAll(async () => {
    tenant = await startTestTenant();
    hr = persona(tenant, 'hr');
    relayId = relayPrincipal(tenant).spUserId;
  }, 60_000);
  afterAll(async () => tenant?.close());

  /** An operator without a preferences row of the seed's, each test its own. */
  function operator(): Person {
    const person = findPerson(
      tenant,
      (p) => p.role === 'operator' && !p.isApp && p.siteCode === 'GOT' && !taken.has(p.id) && rowsWhere(tenant, 'SE_Preferences', 'Person', p.spUserId).length === 0
    );
    taken.add(person.id);
    return person;
  }

  /** HR's path of two read steps granting L on the station, assigned by the relay to `person`. */
  function twoStepPath(person: Person, name: string): { path: number; steps: [number, number] } {
    const sp = tenant.context.sp;
    const path = sp.addItem(
      'SE_LearningPaths',
      {
        Title: name,
        Category: 'onboarding',
        ValidityMonths: 0,
        LapseDays: 0,
        IsActive: true,
        Grants: JSON.stringify([{ station: STATION, level: 'L' }]),
        Translations: JSON.stringify({ 'en-us': { name }, 'nl-nl': { name: `${name} (nl)` }, 'sv-se': { name: `${name} (sv)` } })
      },
      { authorId: hr.spUserId }
    );
    const step = (order: number): number =>
      sp.addItem('SE_LearningSteps', { Title: `${name} ${order}`, PathId: path, SortOrder: order, Kind: 'read', ContentUrl: '/sites/engage/SitePages/sheet.aspx', EstimatedMinutes: 3 }, { authorId: hr.spUserId });
    const steps: [number, number] = [step(10), step(20)];
    const key = `${path}:${person.spUserId}`;
    sp.addItem('SE_Assignments', { Title: key, LearnerId: person.spUserId, PathId: path, Reason: 'onboarding', AssignmentKey: key }, { authorId: relayId });
    return { path, steps };
  }

  /** The person's preferences row, written by `author` (the person themselves, unless said). */
  function preferences(person: Person, values: Record<string, unknown>, author: Person = person): void {
    tenant.context.sp.addItem(
      'SE_Preferences',
      { Title: person.userPrincipalName, PersonId: person.spUserId, PersonKey: personKey(memberLogin(person.userPrincipalName)), ...values },
      { authorId: author.spUserId }
    );
  }

  const posts = (path: number, person: Person): ReturnType<typeof rowsWhere> => rowsWhere(tenant, 'SE_Recognitions', 'ClientRequestId', learningMilestoneKey(path, person.spUserId));
  const since = (msAgo: number): string => new Date(tenant.context.now().getTime() - msAgo).toISOString();

  it('posts one milestone after the last step when the person allowed it, in their language, however often the last step is sent', async () => {
    const person = operator();
    preferences(person, { ShareLearningSince: since(86_400_000), PreferredLanguage: 'nl-nl' });
    const { path, steps } = twoStepPath(person, `Onboarding ${randomUUID().slice(0, 8)}`);

    expect(await progress(tenant, person, steps[0], randomUUID())).toBe(200);
    expect(posts(path, person)).toEqual([]);

    const last = randomUUID();
    expect(await progress(tenant, person, steps[1], last)).toBe(200);
    const stored = posts(path, person);
    expect(stored).toHaveLength(1);
    expect(stored[0].authorId).toBe(relayId);
    expect(stored[0].values).toMatchObject({
      Recipient: person.spUserId,
      Kind: 'milestone',
      MilestoneKind: LEARNING_PATH_MILESTONE,
      Visibility: 'everyone',
      Status: 'published',
      SiteCode: 'GOT'
    });
    expect(String(stored[0].values.Message)).toContain('(nl)');
    expect(String(stored[0].values.Message)).toContain('leerpad');

    // The answer lost, the device sends the last step again: nothing more.
    expect(await progress(tenant, person, steps[1], last)).toBe(200);
    expect(posts(path, person)).toHaveLength(1);
  });

  it('posts nothing without consent, or on consent someone else wrote on the person’s row', async () => {
    const silent = operator();
    const first = twoStepPath(silent, `Forklift ${randomUUID().slice(0, 8)}`);
    for (const step of first.steps) {
      expect(await progress(tenant, silent, step, randomUUID())).toBe(200);
    }
    expect(posts(first.path, silent)).toEqual([]);

    const other = operator();
    const colleague = operator();
    preferences(other, { ShareLearningSince: since(86_400_000) }, colleague);
    const second = twoStepPath(other, `Lockout ${randomUUID().slice(0, 8)}`);
    for (const step of second.steps) {
      expect(await progress(tenant, other, step, randomUUID())).toBe(200);
    }
    expect(posts(second.path, other)).toEqual([]);
  });

  it('posts nothing for someone off the public wall', async () => {
    const person = operator();
    preferences(person, { ShareLearningSince: since(86_400_000), HideFromPublicWall: true });
    const { path, steps } = twoStepPath(person, `Cranes ${randomUUID().slice(0, 8)}`);
    for (const step of steps) {
      expect(await progress(tenant, person, step, randomUUID())).toBe(200);
    }
    expect(posts(path, person)).toEqual([]);
  });

  it('never posts a path finished before the person allowed it, even when its last step is sent again after', async () => {
    const person = operator();
    const { path, steps } = twoStepPath(person, `Gauges ${randomUUID().slice(0, 8)}`);
    expect(await progress(tenant, person, steps[0], randomUUID())).toBe(200);
    const last = randomUUID();
    expect(await progress(tenant, person, steps[1], last)).toBe(200);
    // Allowed a minute later than now, so after the finish whatever the clocks say.
    preferences(person, { ShareLearningSince: since(-60_000) });
    expect(await progress(tenant, person, steps[1], last)).toBe(200);
    expect(posts(path, person)).toEqual([]);
  });

  it('takes the choice the person saves in My learning on their own row, and stops when they switch it off', async () => {
    const person = operator();
    const consent = new SharePointMilestoneConsent(spAs(tenant, person));
    expect(await consent.allowed()).toBe(false);
    await consent.setAllowed(true, new Date(tenant.context.now().getTime() - 60_000));
    expect(await consent.allowed()).toBe(true);
    const own = rowsWhere(tenant, 'SE_Preferences', 'Person', person.spUserId);
    expect(own.map((row) => row.authorId)).toEqual([person.spUserId]);

    const shared = twoStepPath(person, `Welding ${randomUUID().slice(0, 8)}`);
    for (const step of shared.steps) {
      expect(await progress(tenant, person, step, randomUUID())).toBe(200);
    }
    expect(posts(shared.path, person)).toHaveLength(1);
    expect(String(posts(shared.path, person)[0].values.Message)).toContain('Finished the learning path');

    await consent.setAllowed(false);
    expect(await consent.allowed()).toBe(false);
    expect(rowsWhere(tenant, 'SE_Preferences', 'Person', person.spUserId)).toHaveLength(1);
    const unshared = twoStepPath(person, `Painting ${randomUUID().slice(0, 8)}`);
    for (const step of unshared.steps) {
      expect(await progress(tenant, person, step, randomUUID())).toBe(200);
    }
    expect(posts(unshared.path, person)).toEqual([]);
  });

  it('posts once when a trainer signs off the last step, however often the sign-off is sent', async () => {
    const person = operator();
    const trainer = operator();
    preferences(person, { ShareLearningSince: since(86_400_000), PreferredLanguage: 'sv-se' });
    const name = `Press ${randomUUID().slice(0, 8)}`;
    const sp = tenant.context.sp;
    const path = sp.addItem(
      'SE_LearningPaths',
      { Title: name, Category: 'machine-qualification', ValidityMonths: 12, LapseDays: 0, IsActive: true, Grants: JSON.stringify([{ station: STATION, level: 'U' }]), TrainerIds: JSON.stringify([trainer.spUserId]) },
      { authorId: hr.spUserId }
    );
    const step = sp.addItem('SE_LearningSteps', { Title: `${name} practice`, PathId: path, SortOrder: 10, Kind: 'practice', RequiresSignOff: true, EstimatedMinutes: 30 }, { authorId: hr.spUserId });
    const key = `${path}:${person.spUserId}`;
    sp.addItem('SE_Assignments', { Title: key, LearnerId: person.spUserId, PathId: path, Reason: 'qualification', AssignmentKey: key }, { authorId: relayId });

    expect(await call(tenant, person, 'signoff-request', { stepId: step, requestId: randomUUID() })).toBe(200);
    expect(posts(path, person)).toEqual([]);
    const signOff = { learnerId: person.id, stepId: step, station: STATION, requestId: randomUUID(), timeZone: 'Europe/Stockholm' };
    expect(await call(tenant, trainer, 'signoff', signOff)).toBe(200);
    expect(posts(path, person)).toHaveLength(1);
    expect(posts(path, person)[0].values).toMatchObject({ Recipient: person.spUserId, Kind: 'milestone', MilestoneKind: LEARNING_PATH_MILESTONE });
    expect(String(posts(path, person)[0].values.Message)).toContain('utbildningsvägen');
    expect(await call(tenant, trainer, 'signoff', signOff)).toBe(200);
    expect(posts(path, person)).toHaveLength(1);
  });
});
