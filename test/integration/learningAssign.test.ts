/**
 * Assigning a learning path through the relay (`POST /api/learning/assign`,
 * relay/src/routes/learningAssign.ts), over real HTTP against the local tenant: HR assigns a
 * crew from its Teams Shifts roster, a team leader assigns a direct report (manager in Entra ID),
 * a leader naming someone else's report is refused, a member is refused, the same request sent
 * twice creates once, and a due date in the past is refused with nothing written.
 *
 * The relay here is the product's route table (`createRelayHandler`) with the relay's
 * dependencies pointed at the local tenant as `createRelay` points them, including the audience
 * reader (`graphAssignees`), served over HTTP by the test.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { randomUUID } from 'crypto';

import { createCallerVerifier } from '../../relay/src/auth';
import { graphDirectory } from '../../relay/src/directory';
import { createRelayHandler } from '../../relay/src/handler';
import { graphLearnerDirectory } from '../../relay/src/learning/people';
import { graphAssignees } from '../../relay/src/routes/learningAssign';
import { appOnlySharePoint } from '../../relay/src/sharepoint';
import { LOCAL_ISSUER, RELAY_RESOURCE } from '../../local/server/authority';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { teamIdOf } from '../../local/tenant/rosters';
import { findPerson, persona, startTestTenant, tokenFor } from '../support/tenant';

interface Answer {
  readonly status: number;
  readonly body: {
    readonly error?: { readonly code: string; readonly field?: string };
    readonly created?: ReadonlyArray<{ id: string }>;
    readonly alreadyAssigned?: ReadonlyArray<{ id: string }>;
    readonly notLed?: number;
  };
}

/** The relay's routes over HTTP, with the local tenant as the relay's site, directory and roster. */
async function startRelay(tenant: RunningTenant): Promise<{ url: string; close: () => Promise<void> }> {
  const authority = tenant.context.authority;
  if (!authority) {
    throw new Error('The local tenant has no authority');
  }
  const tokens = (resource: string): Promise<string> => authority.appToken(resource);
  const graphUrl = `${tenant.origin}/graph/v1.0`;
  const sharePoint = appOnlySharePoint(tenant.siteUrl, tokens);
  const handle = createRelayHandler({
    verifyCaller: createCallerVerifier({ issuer: LOCAL_ISSUER, audience: RELAY_RESOURCE, keys: authority.keys() }),
    sharePoint: () => sharePoint,
    directory: graphDirectory({ graphUrl, tokens }),
    learners: graphLearnerDirectory({ graphUrl, tokens }),
    learningAssignees: graphAssignees({ graphUrl, tokens }),
    allowedOrigins: [tenant.origin],
    now: () => tenant.context.now().getTime()
  });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string | undefined> = {};
      Object.entries(req.headers).forEach(([name, value]) => (headers[name] = Array.isArray(value) ? value.join(', ') : value));
      handle({ method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0], headers, body: Buffer.concat(chunks).toString('utf8') }).then(
        (answer) => {
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        },
        () => {
          res.writeHead(500);
          res.end();
        }
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('assigning a learning path through the relay', () => {
  let tenant: RunningTenant;
  let relay: { url: string; close: () => Promise<void> };
  let hr: Person;
  let leader: Person;
  let report: Person;
  let othersReport: Person;
  let member: Person;
  let pathId: number;

  const future = (days: number): string => new Date(tenant.context.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

  async function assign(person: Person, body: Record<string, unknown>): Promise<Answer> {
    const response = await fetch(`${relay.url}/api/learning/assign`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(tenant, person)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ pathId, requestId: randomUUID(), timeZone: 'Europe/Stockholm', ...body })
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  /** The assignment rows of the path, as stored. */
  function rows(path: number = pathId): Array<Readonly<Record<string, unknown>>> {
    const info = tenant.context.sp.list('SE_Assignments');
    const found: Array<Readonly<Record<string, unknown>>> = [];
    for (let id = 1; id <= (info?.itemCount ?? 0) + 500; id += 1) {
      const item = tenant.context.sp.item('SE_Assignments', id);
      if (item && item.values.PathId === path) {
        found.push(item.values);
      }
    }
    return found;
  }

  function newPath(title: string, extra: Record<string, unknown> = {}): number {
    return tenant.context.sp.addItem('SE_LearningPaths', { Title: title, Category: 'onboarding', IsActive: true, ValidityMonths: 0, LapseDays: 0, ...extra }, { authorId: hr.spUserId });
  }

  beforeAll(async () => {
    tenant = await startTestTenant();
    relay = await startRelay(tenant);
    hr = persona(tenant, 'hr');
    leader = persona(tenant, 'teamLeader');
    report = findPerson(tenant, (p) => !p.isApp && p.managerId === leader.id && !p.isHr && !p.isSiteOwner);
    othersReport = findPerson(tenant, (p) => !p.isApp && p.managerId !== undefined && p.managerId !== leader.id && p.role === 'operator' && !p.isHr);
    member = findPerson(tenant, (p) => p.role === 'operator' && !p.isApp && !p.isHr && !p.isSiteOwner && p.id !== report.id && p.id !== othersReport.id);
    pathId = newPath('Assign test path');
  }, 60_000);
  afterAll(async () => {
    await relay?.close();
    await tenant?.close();
  });

  it('lets HR assign a crew from its roster, each person once, with the crew and the due day', async () => {
    const crew = report.crewKey as string;
    const answer = await assign(hr, { audience: { kind: 'crew', crewKey: teamIdOf(crew) }, dueDate: future(14) });
    expect(answer.status).toBe(200);
    const created = answer.body.created ?? [];
    expect(created.length).toBeGreaterThan(1);
    const stored = rows();
    expect(stored).toHaveLength(created.length);
    expect(new Set(stored.map((row) => row.AssignmentKey)).size).toBe(stored.length);
    expect(stored.every((row) => row.CrewKey === teamIdOf(crew) && row.AssignedVia === `crew:${teamIdOf(crew)}` && typeof row.DueDate === 'string')).toBe(true);
    expect(stored.every((row) => row.AssignedBy === hr.spUserId)).toBe(true);
    // The same crew again: everyone had it.
    const again = await assign(hr, { audience: { kind: 'crew', crewKey: teamIdOf(crew) } });
    expect(again.status).toBe(200);
    expect(again.body.created).toEqual([]);
    expect(again.body.alreadyAssigned).toHaveLength(created.length);
    expect(rows()).toHaveLength(created.length);
  });

  it('lets a team leader assign a direct report', async () => {
    const path = newPath('Leader assigns');
    const answer = await assign(leader, { pathId: path, audience: { kind: 'people', people: [report.id] } });
    expect(answer.status).toBe(200);
    expect(answer.body.created?.map((p) => p.id.toLowerCase())).toEqual([report.id.toLowerCase()]);
    expect(rows(path).map((row) => [row.Learner, row.AssignedBy, row.AssignedVia])).toEqual([[report.spUserId, leader.spUserId, 'person']]);
  });

  it('refuses a leader naming someone else\'s report, creating nothing', async () => {
    const path = newPath('Leader oversteps');
    const answer = await assign(leader, { pathId: path, audience: { kind: 'people', people: [report.id, othersReport.id] } });
    expect([answer.status, answer.body.error?.code]).toEqual([403, 'notYourReport']);
    expect(rows(path)).toEqual([]);
  });

  it('narrows a leader\'s role audience to their direct reports and counts the others', async () => {
    const path = newPath('Leader by role');
    const answer = await assign(leader, { pathId: path, audience: { kind: 'role', role: report.jobTitle } });
    expect(answer.status).toBe(200);
    expect((answer.body.notLed ?? 0) + (answer.body.created?.length ?? 0)).toBeGreaterThan(answer.body.created?.length ?? 0);
    const learners = rows(path).map((row) => row.Learner);
    const reportsIds = tenant.context.directory.all().filter((p) => p.managerId === leader.id).map((p) => p.spUserId);
    expect(learners.length).toBeGreaterThan(0);
    expect(learners.every((id) => reportsIds.includes(id as number))).toBe(true);
  });

  it('refuses a member who leads no one in the audience', async () => {
    const path = newPath('Member tries');
    const named = await assign(member, { pathId: path, audience: { kind: 'people', people: [othersReport.id] } });
    expect([named.status, named.body.error?.code]).toEqual([403, 'notYourReport']);
    const crew = await assign(member, { pathId: path, audience: { kind: 'crew', crewKey: teamIdOf(othersReport.crewKey as string) } });
    expect([crew.status, crew.body.error?.code]).toEqual([403, 'notAllowed']);
    expect(rows(path)).toEqual([]);
  });

  it('creates once when the same request is sent twice, and answers the resend as the first', async () => {
    const path = newPath('Twice');
    const body = { pathId: path, requestId: `assign-${randomUUID()}`, audience: { kind: 'people', people: [report.id, othersReport.id] } };
    const [first, second] = await Promise.all([assign(hr, body), assign(hr, body)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(rows(path)).toHaveLength(2);
    expect(first.body.created).toHaveLength(2);
    expect(second.body.created).toHaveLength(2);
  });

  it('refuses a due date in the past with nothing written', async () => {
    const path = newPath('Too late');
    const answer = await assign(hr, { pathId: path, audience: { kind: 'people', people: [report.id] }, dueDate: future(-2) });
    expect([answer.status, answer.body.error?.code, answer.body.error?.field]).toEqual([400, 'dueDateInPast', 'dueDateInPast']);
    expect(rows(path)).toEqual([]);
  });

  it('assigns named people through the tenant\'s own relay too, and refuses a leader naming someone else\'s report there', async () => {
    const path = newPath('Through the tenant relay');
    const send = async (person: Person, people: string[]): Promise<Answer> => {
      const response = await fetch(`${tenant.origin}/relay/api/learning/assign`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await tokenFor(tenant, person)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ pathId: path, requestId: randomUUID(), audience: { kind: 'people', people } })
      });
      return { status: response.status, body: (await response.json()) as Answer['body'] };
    };
    const refused = await send(leader, [othersReport.id]);
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'notYourReport']);
    const byLeader = await send(leader, [report.id]);
    expect([byLeader.status, byLeader.body.created?.length]).toEqual([200, 1]);
    const byHr = await send(hr, [report.id, othersReport.id]);
    expect([byHr.status, byHr.body.created?.length, byHr.body.alreadyAssigned?.length]).toEqual([200, 1, 1]);
    expect(rows(path).map((row) => row.Learner).sort()).toEqual([report.spUserId, othersReport.spUserId].sort());
  });

  it('refuses a path HR switched off', async () => {
    const path = newPath('Switched off', { IsActive: false });
    const answer = await assign(hr, { pathId: path, audience: { kind: 'people', people: [report.id] } });
    expect([answer.status, answer.body.error?.code]).toEqual([409, 'pathInactive']);
    expect(rows(path)).toEqual([]);
  });
});
