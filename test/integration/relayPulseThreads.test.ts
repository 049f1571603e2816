/**
 * Comment threads through the relay, over real HTTP against the local tenant
 * (relay/src/routes/pulseThreads.ts, docs/relay.md "Comment threads"): a crew answers a round
 * with comments, the timer publishes it, and then HR, the crew's leader, another leader, the
 * authors and colleagues read and write threads. Who may do what comes from the token only; a
 * thread nobody may reach answers as one that does not exist; the author's acts reach HR and
 * leaders from the next midnight (UTC); nothing of a message is stored in plain text, and only
 * the relay's own items count.
 */
import { HttpRequestError } from '@pnp/queryable';

import { movableClock, type MovableClock } from '../../local/server/admin';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { teamIdOf } from '../../local/tenant/rosters';
import { appendEntry } from '../../relay/src/pulse/ballotStore';
import { threadIdOf } from '../../relay/src/pulse/threadsStore';
import { commentEntries } from '../../src/core/pulse/ballot';
import { isRefused, type PulseResultsBody, type RoundResultsShown } from '../../src/core/pulse/results/wire';
import type { MyCommentsBody, PulseThreadsBody } from '../../src/core/pulse/threads/wire';
import { LISTS } from '../../src/core/schema/lists';
import { RelayPulseThreads } from '../../src/connectors/relay/relayPulseThreads';
import { addRound, callRelay, DAY, entriesOf, KEYS, runPulseTimer, submissionKey, type TestRound } from '../support/pulse';
import { persona, relayClientAs, secureProductLists, spAs, spAsApp, startTestTenant } from '../support/tenant';

type Body = { error?: { code?: string; field?: string } } & Record<string, unknown>;

async function call(tenant: RunningTenant, person: Person, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: Body }> {
  const answer = await callRelay(tenant, person, method, path, body);
  return { status: answer.status, body: answer.body as Body };
}

let requests = 0;
const requestId = (): string => `thread-request-${Date.now().toString(36)}-${(requests += 1).toString(36).padStart(4, '0')}`;

describe('comment threads on a crew\'s round', () => {
  const clock: MovableClock = movableClock(new Date());
  const START = clock();
  let tenant: RunningTenant;
  let round: TestRound;
  let leader: Person;
  let hr: Person;
  /** Thread id → the crew member who wrote its comment (found with the relay's keys, as only the relay can). */
  const authorOf = new Map<string, Person>();
  let threadIds: string[] = [];

  const resultsOf = async (person: Person): Promise<RoundResultsShown> => {
    const answer = await call(tenant, person, 'GET', 'results');
    expect(answer.status).toBe(200);
    const found = (answer.body as unknown as PulseResultsBody).rounds.find((r) => r.roundId === round.roundId);
    if (!found || isRefused(found)) {
      throw new Error(`Round ${round.roundId} is not shown.`);
    }
    return found;
  };
  const shownThreads = (results: RoundResultsShown): string[] =>
    results.release.comments.flatMap((list) => ('comments' in list ? list.comments.map((c) => c.threadId ?? '') : [])).filter((id, i, all) => all.indexOf(id) === i);
  const threadsOf = async (person: Person): Promise<PulseThreadsBody> => {
    const answer = await call(tenant, person, 'GET', 'threads');
    expect(answer.status).toBe(200);
    return answer.body as unknown as PulseThreadsBody;
  };
  const mineOf = async (person: Person): Promise<MyCommentsBody> => {
    const answer = await call(tenant, person, 'GET', 'threads/mine');
    expect(answer.status).toBe(200);
    return { comments: (answer.body as unknown as MyCommentsBody).comments.filter((c) => c.roundId === round.roundId) };
  };
  /** Someone of another crew, outside the round. */
  const outsider = (): Person => tenant.context.directory.all().find((p) => !p.isApp && p.crewKey !== undefined && p.crewKey !== leader.crewKey) as Person;
  const threadAt = (index: number): { threadId: string; author: Person } => {
    const threadId = threadIds[index];
    return { threadId, author: authorOf.get(threadId) as Person };
  };

  beforeAll(async () => {
    tenant = await startTestTenant({ now: clock });
    leader = persona(tenant, 'teamLeader');
    hr = persona(tenant, 'hr');
    const crewKey = leader.crewKey as string;
    round = addRound(tenant, { audience: { crewKeys: [teamIdOf(crewKey)] }, closes: START.getTime() + DAY });
    // The crew's operators answer, each with a comment.
    const crew = tenant.context.directory.all().filter((p) => !p.isApp && p.crewKey === crewKey && p.id !== leader.id);
    let answered = 0;
    for (const [index, person] of crew.entries()) {
      const answer = await callRelay(tenant, person, 'POST', 'answers', {
        roundId: round.roundId,
        submissionKey: submissionKey(),
        answers: { 'part-of-team': 4, 'recommend-workplace': 8 },
        comments: { 'one-thing-better': `Crew comment ${index}: more handover time` }
      });
      answered += answer.status === 200 ? 1 : 0;
    }
    expect(answered).toBeGreaterThanOrEqual(10);
    clock.moveTo(new Date(START.getTime() + DAY + 60_000));
    await runPulseTimer(tenant);
    // Who wrote which comment: what the relay alone can tell, from the author tags.
    const comments = commentEntries(await entriesOf(tenant, round.roundId));
    comments.forEach((entry) => {
      const author = crew.find((person) => KEYS.authorTags(round.roundId, person.id).indexOf(entry.author) >= 0);
      if (author) {
        authorOf.set(threadIdOf(KEYS, round.roundId, entry), author);
      }
    });
    threadIds = shownThreads(await resultsOf(hr));
  }, 180_000);
  afterAll(async () => tenant.close());

  it('gives each released comment an opaque thread id: the same to HR and the crew\'s leader, naming the comment and not its author', async () => {
    expect(threadIds.length).toBeGreaterThanOrEqual(10);
    threadIds.forEach((id) => expect(authorOf.has(id)).toBe(true));
    const leaders = shownThreads(await resultsOf(leader));
    expect(leaders.slice().sort()).toEqual(threadIds.slice().sort());
    // No id is a token or a tag the relay keeps.
    const kept = commentEntries(await entriesOf(tenant, round.roundId));
    const secrets = new Set(kept.flatMap((entry) => [entry.token, entry.author]));
    threadIds.forEach((id) => expect(secrets.has(id)).toBe(false));
    // An employee's results carry no comment and no thread.
    expect(shownThreads(await resultsOf(persona(tenant, 'agencyOperator')))).toEqual([]);
  });

  it('lets the crew\'s leader reply; the author sees "your team leader answered" and answers back; HR sees the answer back from the next midnight', async () => {
    const { threadId, author } = threadAt(0);
    const reply = await call(tenant, leader, 'POST', 'threads/reply', { threadId, requestId: requestId(), text: 'Thanks: we add ten minutes to the handover.' });
    expect([reply.status, reply.body]).toEqual([200, { done: true }]);

    const mine = await mineOf(author);
    expect(mine.comments).toHaveLength(1);
    expect(mine.comments[0]).toMatchObject({ threadId, status: 'visible', answeredBy: 'leader', canAnswer: true, messages: [{ role: 'leader', text: 'Thanks: we add ten minutes to the handover.', mine: false }] });
    // A colleague's own comment has no reply, and the thread replied to is not theirs.
    const colleague = threadAt(1).author;
    const theirs = await mineOf(colleague);
    expect(theirs.comments.map((c) => c.threadId)).toEqual([threadAt(1).threadId]);
    expect(theirs.comments[0]).toMatchObject({ messages: [], canAnswer: false });

    const back = await call(tenant, author, 'POST', 'threads/answer', { threadId, requestId: requestId(), text: 'Mostly on the night shift.' });
    expect(back.status).toBe(200);
    expect((await mineOf(author)).comments[0].messages.map((m) => [m.role, m.mine])).toEqual([
      ['leader', false],
      ['employee', true]
    ]);
    // Today HR and the leader see the reply, not yet the answer back.
    const today = (await threadsOf(hr)).threads.find((t) => t.threadId === threadId);
    expect(today?.messages.map((m) => m.role)).toEqual(['leader']);
  });

  it('answers an author acting on someone else\'s thread, an outsider, and a made-up id alike: notFound, and writes nothing', async () => {
    const { threadId, author } = threadAt(0);
    const colleague = threadAt(1).author;
    const madeUp = `${KEYS.activeId}:${'0'.repeat(64)}`;
    const owner = spAs(tenant, persona(tenant, 'siteAdmin'));
    const count = async (): Promise<number> => (await owner.web.lists.getByTitle(LISTS.comments.title).items.select('ID').filter(`RoundId eq ${round.roundId}`)()).length;
    const before = await count();
    const refusals = [
      await call(tenant, colleague, 'POST', 'threads/answer', { threadId, requestId: requestId(), text: 'Not mine' }),
      await call(tenant, colleague, 'POST', 'threads/delete', { threadId, requestId: requestId() }),
      await call(tenant, outsider(), 'POST', 'threads/delete', { threadId, requestId: requestId() }),
      await call(tenant, author, 'POST', 'threads/answer', { threadId: madeUp, requestId: requestId(), text: 'Hello' }),
      await call(tenant, author, 'POST', 'threads/delete', { threadId: madeUp, requestId: requestId() })
    ];
    refusals.forEach((refusal) => expect([refusal.status, refusal.body]).toEqual([404, refusals[0].body]));
    expect(refusals[0].body.error?.code).toBe('notFound');
    expect(await count()).toBe(before);
  });

  it('lets a leader reach only the threads in the crews they lead, and an employee none', async () => {
    const { threadId } = threadAt(2);
    const otherLeader = tenant.context.directory.all().find((p) => !p.isApp && p.role === 'teamLeader' && p.crewKey !== leader.crewKey && p.lineCode !== leader.lineCode) as Person;
    expect(otherLeader).toBeDefined();
    expect((await threadsOf(otherLeader)).threads).toEqual([]);
    const employee = persona(tenant, 'agencyOperator');
    expect(await threadsOf(employee)).toEqual({ viewer: { role: 'employee' }, threads: [] });
    const madeUp = `${KEYS.activeId}:${'f'.repeat(64)}`;
    const tries = [
      await call(tenant, otherLeader, 'POST', 'threads/reply', { threadId, requestId: requestId(), text: 'Who wrote this?' }),
      await call(tenant, employee, 'POST', 'threads/reply', { threadId, requestId: requestId(), text: 'Me too' }),
      await call(tenant, leader, 'POST', 'threads/reply', { threadId: madeUp, requestId: requestId(), text: 'Anyone?' })
    ];
    tries.forEach((answer) => expect([answer.status, answer.body.error?.code]).toEqual([404, 'notFound']));
    // Hiding is HR's: a leader and an employee are refused before any thread is looked at.
    for (const person of [leader, employee]) {
      const hide = await call(tenant, person, 'POST', 'threads/visibility', { threadId, requestId: requestId(), hidden: true });
      expect([hide.status, hide.body.error?.code]).toEqual([403, 'notAllowed']);
    }
  });

  it('refuses blank and over-long texts, and ids that are not ids, with the rule broken', async () => {
    const { threadId } = threadAt(2);
    const cases: Array<[unknown, string]> = [
      [{ threadId, requestId: requestId(), text: '   ' }, 'textEmpty'],
      [{ threadId, requestId: requestId(), text: 'x'.repeat(1001) }, 'textTooLong'],
      [{ threadId: 'not-a-thread', requestId: requestId(), text: 'Hi' }, 'threadId'],
      [{ threadId, requestId: 'short', text: 'Hi' }, 'requestId']
    ];
    for (const [body, field] of cases) {
      const answer = await call(tenant, hr, 'POST', 'threads/reply', body);
      expect([answer.status, answer.body.error?.code, answer.body.error?.field]).toEqual([400, 'invalidInput', field]);
    }
  });

  it('lets HR hide an abusive comment from leaders, keep it for HR, and show it again', async () => {
    const { threadId, author } = threadAt(3);
    const hide = await call(tenant, hr, 'POST', 'threads/visibility', { threadId, requestId: requestId(), hidden: true });
    expect(hide.status).toBe(200);
    expect(shownThreads(await resultsOf(leader))).not.toContain(threadId);
    expect((await threadsOf(leader)).threads.map((t) => t.threadId)).not.toContain(threadId);
    const reply = await call(tenant, leader, 'POST', 'threads/reply', { threadId, requestId: requestId(), text: 'Hm' });
    expect([reply.status, reply.body.error?.code]).toEqual([404, 'notFound']);
    expect(shownThreads(await resultsOf(hr))).toContain(threadId);
    expect((await threadsOf(hr)).threads.find((t) => t.threadId === threadId)).toMatchObject({ status: 'hidden' });
    expect((await mineOf(author)).comments[0]).toMatchObject({ status: 'hidden', canAnswer: false });

    const show = await call(tenant, hr, 'POST', 'threads/visibility', { threadId, requestId: requestId(), hidden: false });
    expect(show.status).toBe(200);
    expect(shownThreads(await resultsOf(leader))).toContain(threadId);
  });

  it('writes a resent reply once', async () => {
    const { threadId } = threadAt(4);
    const same = { threadId, requestId: requestId(), text: 'Sent twice by a shaky connection.' };
    expect((await call(tenant, hr, 'POST', 'threads/reply', same)).status).toBe(200);
    expect((await call(tenant, hr, 'POST', 'threads/reply', same)).status).toBe(200);
    expect((await threadsOf(hr)).threads.find((t) => t.threadId === threadId)?.messages).toEqual([{ role: 'hr', text: 'Sent twice by a shaky connection.' }]);
  });

  it('stores no text, thread, role or status in plain text, and counts only items the relay wrote', async () => {
    const owner = spAs(tenant, persona(tenant, 'siteAdmin'));
    const list = owner.web.lists.getByTitle(LISTS.comments.title);
    const items = await list.items.filter(`RoundId eq ${round.roundId}`).orderBy('ID', true)<Array<Record<string, unknown>>>();
    expect(items.length).toBeGreaterThanOrEqual(5);
    const text = JSON.stringify(items);
    for (const word of ['handover', 'night shift', 'shaky', 'leader', 'employee', 'hidden', ...threadIds]) {
      expect(text).not.toContain(word);
    }
    items.forEach((item) => {
      expect(String(item.Body)).toMatch(/^pe1\./);
      expect([item.ThreadId ?? null, item.AuthorRole ?? null, item.Status ?? null, item.GroupKey ?? null]).toEqual([null, null, null, null]);
    });
    // Every message is sealed to one size: a hide, an answer back and the longest reply alike.
    expect(new Set(items.map((item) => String(item.Body).length)).size).toBe(1);

    // The site owner copies the last message (HR's reply of the test before) into an item of their
    // own, under another Title too, then deletes the relay's: the copies count for nothing, so the
    // reply is gone (visibly undone, never forged).
    const { threadId } = threadAt(4);
    expect((await threadsOf(hr)).threads.find((t) => t.threadId === threadId)?.messages).toHaveLength(1);
    const sealed = items[items.length - 1];
    await list.items.add({ Title: sealed.Title, RoundId: round.roundId, Body: sealed.Body });
    await list.items.add({ Title: 'moved', RoundId: round.roundId, Body: sealed.Body });
    await list.items.getById(Number(sealed.ID)).delete();
    expect((await threadsOf(hr)).threads.find((t) => t.threadId === threadId)).toBeUndefined();
  });

  it('reads and writes through the page\'s connector, on the one relay client', async () => {
    const { threadId, author } = threadAt(6);
    await new RelayPulseThreads(relayClientAs(tenant, hr)).reply(threadId, 'Through the page.');
    const mine = await new RelayPulseThreads(relayClientAs(tenant, author)).mine();
    expect(mine.comments.find((c) => c.threadId === threadId)).toMatchObject({ answeredBy: 'hr', canAnswer: true, messages: [{ role: 'hr', text: 'Through the page.', mine: false }] });
    await expect(new RelayPulseThreads(relayClientAs(tenant, threadAt(7).author)).remove(threadId)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('keeps members out of SE_Comments: they read none and write none', async () => {
    const member = spAs(tenant, persona(tenant, 'operator'));
    const list = member.web.lists.getByTitle(LISTS.comments.title);
    expect(await list.items.filter(`RoundId eq ${round.roundId}`)()).toEqual([]);
    const written = await list.items.add({ Title: 'x', RoundId: round.roundId, Body: 'I wrote this' }).then(
      () => 'written',
      (error: unknown) => (error instanceof HttpRequestError ? error.status : String(error))
    );
    expect(written).toBe(403);
  });

  it('lets an author delete their comment: gone from every list and thread from the next midnight, counts unchanged', async () => {
    const { threadId, author } = threadAt(5);
    const before = await resultsOf(hr);
    const deleted = await call(tenant, author, 'POST', 'threads/delete', { threadId, requestId: requestId() });
    expect(deleted.status).toBe(200);
    // Deleting again changes nothing and is no error.
    expect((await call(tenant, author, 'POST', 'threads/delete', { threadId, requestId: requestId() })).status).toBe(200);
    expect((await mineOf(author)).comments[0]).toMatchObject({ threadId, status: 'deleted', canAnswer: false });
    // The same day HR still reads it: nobody can tell the minute it was deleted.
    expect(shownThreads(await resultsOf(hr))).toContain(threadId);

    // The next day (UTC): the answer back of the first test reaches HR too.
    const next = new Date(Date.UTC(clock().getUTCFullYear(), clock().getUTCMonth(), clock().getUTCDate() + 1, 0, 5));
    clock.moveTo(next);
    const after = await resultsOf(hr);
    expect(shownThreads(after)).not.toContain(threadId);
    expect(shownThreads(await resultsOf(leader))).not.toContain(threadId);
    expect((await threadsOf(hr)).threads.map((t) => t.threadId)).not.toContain(threadId);
    const reply = await call(tenant, hr, 'POST', 'threads/reply', { threadId, requestId: requestId(), text: 'Still there?' });
    expect([reply.status, reply.body.error?.code]).toEqual([404, 'notFound']);
    // Nothing that counts changed: the same groups, counts and lists, one comment fewer.
    expect(after.release.groups).toEqual(before.release.groups);
    expect(after.release.participation).toEqual(before.release.participation);
    expect(after.release.comments.map((l) => l.key)).toEqual(before.release.comments.map((l) => l.key));

    const first = threadAt(0).threadId;
    expect((await threadsOf(hr)).threads.find((t) => t.threadId === first)?.messages.map((m) => m.role)).toEqual(['leader', 'employee']);
  });
});

describe('a person\'s own comments, read again when the round\'s boxes change', () => {
  let tenant: RunningTenant;
  beforeAll(async () => (tenant = await startTestTenant()), 60_000);
  afterAll(async () => tenant.close());

  it('finds a comment the boxes gained after the person last looked', async () => {
    const person = persona(tenant, 'teamLeader');
    const round = addRound(tenant);
    const mine = async (): Promise<string[]> => {
      const answer = await call(tenant, person, 'GET', 'threads/mine');
      expect(answer.status).toBe(200);
      return (answer.body as unknown as MyCommentsBody).comments.filter((c) => c.roundId === round.roundId).map((c) => c.text);
    };
    expect(await mine()).toEqual([]);
    // The relay's own box gains the person's comment (as a drain would put it there).
    await appendEntry(await spAsApp(tenant), KEYS, {
      kind: 'comment',
      token: KEYS.token(round.roundId, submissionKey()),
      groups: { site: 'got', line: 'got-weld2', crew: 'none', employmentType: 'employee', tenureBand: '1-3', groupKey: 'got/weld2' },
      questionKey: 'one-thing-better',
      text: 'Written, then looked for',
      author: KEYS.authorTag(round.roundId, person.id)
    }, round);
    expect(await mine()).toEqual(['Written, then looked for']);
    // Someone else's comment is not theirs.
    const others = (await call(tenant, persona(tenant, 'operator'), 'GET', 'threads/mine')).body as unknown as MyCommentsBody;
    expect(others.comments.filter((c) => c.roundId === round.roundId)).toEqual([]);
  }, 60_000);
});

describe('comment threads before Engage Setup', () => {
  let tenant: RunningTenant;
  beforeAll(async () => (tenant = await startTestTenant({ freshInstall: true })), 60_000);
  afterAll(async () => tenant.close());

  it('are refused with notSetUp and write nothing; members may write SE_Comments only until setup', async () => {
    const hr = persona(tenant, 'hr');
    const operator = persona(tenant, 'operator');
    const threadId = `${KEYS.activeId}:${'a'.repeat(64)}`;
    for (const [person, method, path, body] of [
      [hr, 'GET', 'threads', undefined],
      [operator, 'GET', 'threads/mine', undefined],
      [hr, 'POST', 'threads/reply', { threadId, requestId: requestId(), text: 'Hi' }],
      [operator, 'POST', 'threads/delete', { threadId, requestId: requestId() }]
    ] as const) {
      const answer = await call(tenant, person, method, path, body);
      expect([path, answer.status, answer.body.error?.code]).toEqual([path, 409, 'notSetUp']);
    }
    const app = await spAsApp(tenant);
    const member = spAs(tenant, operator).web.lists.getByTitle(LISTS.comments.title);
    const relayWritten = async (): Promise<number> => (await app.web.lists.getByTitle(LISTS.comments.title).items.select('ID', 'Title').filter(`RoundId eq 424242`)()).length;
    // A fresh install leaves the list open: a member can write into it (the relay ignores it).
    await member.items.add({ Title: 'before setup', RoundId: 424242, Body: 'written by a member' });
    expect(await relayWritten()).toBe(1);
    await secureProductLists(tenant);
    const refused = await member.items.add({ Title: 'after setup', RoundId: 424242, Body: 'written by a member' }).then(
      () => 'written',
      (error: unknown) => (error instanceof HttpRequestError ? error.status : String(error))
    );
    expect(refused).toBe(403);
    expect(await relayWritten()).toBe(1);
  }, 60_000);
});
