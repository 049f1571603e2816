/**
 * Confidential pulse answering through the relay, against the real local tenant over HTTP: each
 * person's token, the relay the tenant hosts, and SharePoint REST as the site owner reads it.
 * Covers answering once, a resend that finishes a pending answer, a second submission refused,
 * the audience, closed and not yet open rounds, bad bodies and forged tokens, comments kept
 * verbatim, and what a site owner can and cannot learn from every list the product wrote
 * (docs/pulse-threat-model.md).
 */
import type { SPFI } from '@pnp/sp';
import { SignJWT, generateKeyPair } from 'jose';

import { readParticipation, readRoundBoxes } from '../../relay/src/pulse/ballotStore';
import { pulseKeyring } from '../../relay/src/pulse/envelope';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { RELAY } from '../../local/tenant/plantModel';
import { answerEntries, type BallotEntry, commentEntries } from '../../src/core/pulse/ballot';
import { LISTS } from '../../src/core/schema/lists';
import { PRODUCT_LIST_TITLES } from '../../src/core/setup/productLists';
import { addPending, addRound, type Answer, callRelay, DAY, entriesOf, KEYS, runPulseTimer, submissionKey, type TestRound } from '../support/pulse';
import { persona, spAs, spAsApp, startTestTenant, tokenFor } from '../support/tenant';

async function allEntries(tenant: RunningTenant, roundId: number): Promise<BallotEntry[]> {
  return (await readRoundBoxes(await spAsApp(tenant), KEYS, roundId)).reduce<BallotEntry[]>((all, box) => all.concat(box.entries), []);
}

type Row = Record<string, unknown> & { ID: number };

describe('Pulse answers through the relay', () => {
  let tenant: RunningTenant;
  let operator: Person;
  let agency: Person;
  let owner: Person;
  let round: TestRound;

  beforeAll(async () => {
    tenant = await startTestTenant();
    operator = persona(tenant, 'operator');
    agency = persona(tenant, 'agencyOperator');
    owner = persona(tenant, 'siteAdmin');
    round = addRound(tenant);
  }, 60_000);
  afterAll(async () => tenant.close());

  it('lists the round open for me, with its questions in the survey\'s languages and who can see my answer', async () => {
    const open = await callRelay(tenant, operator, 'GET', 'open');
    expect(open.status).toBe(200);
    const mine = open.body.rounds?.find((r) => r.roundId === round.roundId);
    expect(mine).toBeDefined();
    expect(mine?.answered).toBe(false);
    expect(mine?.questions.map((q) => q.key)).toEqual(['part-of-team', 'safe-to-speak-up', 'recommend-workplace', 'one-thing-better']);
    expect(mine?.questions[0].texts['sv-se']).toBe('Jag känner mig som en del av mitt lag.');
    // Åsa's own language (sv-SE in the directory) to start in.
    expect(mine?.language).toBe('sv-se');
    expect(mine?.privacy).toMatchObject({ anonymous: true, minGroupSize: 5, minCommentGroupSize: 10 });
  });

  it('counts an answer once: participation counted without a token, the answer in a box without identity', async () => {
    const key = submissionKey();
    const answered = await callRelay(tenant, operator, 'POST', 'answers', {
      roundId: round.roundId,
      submissionKey: key,
      answers: { 'part-of-team': 4, 'safe-to-speak-up': null, 'recommend-workplace': 9 },
      comments: { 'one-thing-better': 'More handover time' }
    });
    expect(answered).toEqual({ status: 200, body: { status: 'counted', resent: false } });
    const record = await readParticipation(await spAsApp(tenant), round.roundId, operator.spUserId, false);
    expect(record).toMatchObject({ status: 'counted', token: undefined });
    const entries = await entriesOf(tenant, round.roundId);
    // The scores in one entry, the comment in another: with its author's tag, without the scores or the day.
    const [scores] = answerEntries(entries);
    const [comment] = commentEntries(entries);
    expect(entries).toHaveLength(2);
    expect(scores).toEqual({
      kind: 'answers',
      token: KEYS.token(round.roundId, key),
      day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown as string,
      answers: { 'part-of-team': 4, 'recommend-workplace': 9 },
      groups: expect.objectContaining({ site: 'got', employmentType: 'employee' }) as unknown as BallotEntry['groups']
    });
    expect(comment).toEqual({
      kind: 'comment',
      token: expect.stringMatching(/^local-1:[0-9a-f]{64}$/) as unknown as string,
      questionKey: 'one-thing-better',
      text: 'More handover time',
      author: KEYS.authorTag(round.roundId, operator.id),
      groups: scores.groups
    });
    expect(comment.token).not.toBe(scores.token);
    expect(JSON.stringify(entries)).not.toContain(operator.userPrincipalName);
    expect(JSON.stringify(entries)).not.toContain(operator.id);
    const open = await callRelay(tenant, operator, 'GET', 'open');
    expect(open.body.rounds?.find((r) => r.roundId === round.roundId)?.answered).toBe(true);
  });

  it('refuses a second submission by the same person, and a resend after the count, with alreadyAnswered; nothing is stored twice', async () => {
    const second = await callRelay(tenant, operator, 'POST', 'answers', { roundId: round.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 1 } });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'alreadyAnswered' });
    // The first answer's scores and its comment, nothing more.
    expect(await allEntries(tenant, round.roundId)).toHaveLength(2);
  });

  it('finishes a pending answer when the device sends it again, storing it once', async () => {
    const key = submissionKey();
    // The first try wrote the entry, then failed before counting (participation still pending).
    const first = await callRelay(tenant, agency, 'POST', 'answers', { roundId: round.roundId, submissionKey: key, answers: { 'part-of-team': 5 } });
    expect(first.status).toBe(200);
    const app = await spAsApp(tenant);
    const record = await readParticipation(app, round.roundId, agency.spUserId, false);
    await app.web.lists
      .getByTitle(LISTS.participation.title)
      .items.getById(record?.id as number)
      .update({ Status: 'pending', Token: KEYS.token(round.roundId, key) });

    const again = await callRelay(tenant, agency, 'POST', 'answers', { roundId: round.roundId, submissionKey: key, answers: { 'part-of-team': 5 } });
    expect(again).toEqual({ status: 200, body: { status: 'counted', resent: true } });
    expect(await readParticipation(app, round.roundId, agency.spUserId, false)).toMatchObject({ status: 'counted', token: undefined });
    const tokens = (await allEntries(tenant, round.roundId)).map((e) => e.token);
    expect(tokens.filter((t) => t === KEYS.token(round.roundId, key))).toHaveLength(1);
  });

  it('counts a resent answer of someone who left the audience since the relay accepted it, and nobody else\'s from outside', async () => {
    // HR narrowed the audience to Eindhoven after this Göteborg operator's first try was accepted.
    const narrowed = addRound(tenant, { audience: { siteCodes: ['EIN'] } });
    const key = submissionKey();
    await addPending(tenant, narrowed.roundId, operator, key);
    const resent = await callRelay(tenant, operator, 'POST', 'answers', { roundId: narrowed.roundId, submissionKey: key, answers: { 'part-of-team': 2 } });
    expect(resent).toEqual({ status: 200, body: { status: 'counted', resent: true } });
    expect(answerEntries(await entriesOf(tenant, narrowed.roundId))).toHaveLength(1);
    const outsider = await callRelay(tenant, agency, 'POST', 'answers', { roundId: narrowed.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 2 } });
    expect(outsider.body.error?.code).toBe('notInAudience');
  });

  it('refuses a submission key someone else\'s answer already stands under (submissionKeyUsed), counts nothing for it, and takes the answer again with a new key', async () => {
    const shared = addRound(tenant);
    const key = submissionKey();
    const first = await callRelay(tenant, operator, 'POST', 'answers', { roundId: shared.roundId, submissionKey: key, answers: { 'part-of-team': 4 } });
    expect(first.status).toBe(200);
    const clash = await callRelay(tenant, agency, 'POST', 'answers', { roundId: shared.roundId, submissionKey: key, answers: { 'part-of-team': 1 } });
    expect(clash.status).toBe(409);
    expect(clash.body.error?.code).toBe('submissionKeyUsed');
    const app = await spAsApp(tenant);
    expect(await readParticipation(app, shared.roundId, agency.spUserId, false)).toBeUndefined();
    expect(answerEntries(await entriesOf(tenant, shared.roundId))).toHaveLength(1);

    const again = await callRelay(tenant, agency, 'POST', 'answers', { roundId: shared.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 1 } });
    expect(again).toEqual({ status: 200, body: { status: 'counted', resent: false } });
    expect(answerEntries(await entriesOf(tenant, shared.roundId))).toHaveLength(2);
    expect(await readParticipation(app, shared.roundId, agency.spUserId, false)).toMatchObject({ status: 'counted', token: undefined });
  });

  it('refuses a person outside the audience, and rounds that are closed or not open yet, writing nothing', async () => {
    const einOnly = addRound(tenant, { audience: { siteCodes: ['EIN'] } });
    const closed = addRound(tenant, { opens: Date.now() - 10 * DAY, closes: Date.now() - DAY });
    const closedEarly = addRound(tenant, { status: 'closed' });
    const future = addRound(tenant, { opens: Date.now() + DAY, closes: Date.now() + 8 * DAY, status: 'scheduled' });
    const draft = addRound(tenant, { surveyStatus: 'draft' });
    const send = (r: TestRound): Promise<Answer> => callRelay(tenant, operator, 'POST', 'answers', { roundId: r.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 3 } });
    expect((await send(einOnly)).body.error?.code).toBe('notInAudience');
    expect((await send(closed)).body.error?.code).toBe('roundClosed');
    expect((await send(closedEarly)).body.error?.code).toBe('roundClosed');
    expect((await send(draft)).body.error?.code).toBe('roundClosed');
    expect((await send(future)).body.error?.code).toBe('roundNotOpen');
    expect((await send({ surveyId: 1, roundId: 999_999 })).status).toBe(404);
    const app = await spAsApp(tenant);
    for (const r of [einOnly, closed, closedEarly, future, draft]) {
      expect(await readParticipation(app, r.roundId, operator.spUserId, false)).toBeUndefined();
      expect(await entriesOf(tenant, r.roundId)).toEqual([]);
    }
    const open = await callRelay(tenant, operator, 'GET', 'open');
    const listed = (open.body.rounds ?? []).map((r) => r.roundId);
    expect([einOnly, closed, closedEarly, future, draft].filter((r) => listed.includes(r.roundId))).toEqual([]);
  });

  it('answers the seeded open round into the boxes the history wrote, keeping every earlier answer', async () => {
    const app = await spAsApp(tenant);
    const [seeded] = await app.web.lists.getByTitle(LISTS.surveyRounds.title).items.filter("Status eq 'open'").top(1)<Row[]>();
    const roundId = seeded.ID;
    const before = await entriesOf(tenant, roundId);
    const answeredIds = new Set(
      (await app.web.lists.getByTitle(LISTS.participation.title).items.select('ParticipantId').filter(`RoundId eq ${roundId}`).top(5000)<Array<{ ParticipantId: number }>>()).map(
        (row) => row.ParticipantId
      )
    );
    expect(answerEntries(before)).toHaveLength(answeredIds.size);
    const newcomer = tenant.context.directory.all().find((p) => !p.isApp && p.siteCode === 'GOT' && p.crewKey !== undefined && !answeredIds.has(p.spUserId)) as Person;
    const answered = await callRelay(tenant, newcomer, 'POST', 'answers', { roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 5 } });
    expect(answered.status).toBe(200);
    const after = await entriesOf(tenant, roundId);
    expect(answerEntries(after)).toHaveLength(answeredIds.size + 1);
    expect(after.map((e) => e.token)).toEqual(expect.arrayContaining(before.map((e) => e.token)));
  });

  it('refuses bad bodies with the rule they break, and stores nothing', async () => {
    const fresh = addRound(tenant);
    const base = { roundId: fresh.roundId, submissionKey: submissionKey() };
    const cases: Array<[unknown, number, string | undefined]> = [
      [{ ...base, answers: { 'part-of-team': 6 } }, 400, 'outOfRange'],
      [{ ...base, answers: { 'part-of-team': 0 } }, 400, 'outOfRange'],
      [{ ...base, answers: { 'recommend-workplace': 11 } }, 400, 'outOfRange'],
      [{ ...base, answers: { 'part-of-team': 2.5 } }, 400, 'outOfRange'],
      [{ ...base, answers: { 'part-of-team': '4' } }, 400, 'outOfRange'],
      [{ ...base, answers: { 'no-such-question': 3 } }, 400, 'unknownQuestion'],
      [{ ...base, answers: { 'one-thing-better': 3 } }, 400, 'notATextQuestion'],
      [{ ...base, comments: { 'part-of-team': 'words' } }, 400, 'commentNotText'],
      [{ ...base, comments: { 'one-thing-better': 'x'.repeat(1001) } }, 400, 'commentTooLong'],
      [{ ...base, answers: {} }, 400, 'nothingAnswered'],
      [{ ...base, answers: [] }, 400, 'answers'],
      [{ ...base, submissionKey: 'short' }, 400, 'submissionKey'],
      [{ ...base, roundId: 'one' }, 400, 'roundId'],
      [[1, 2], 400, 'body'],
      ['{"roundId": ', 400, undefined],
      [{ ...base, answers: { 'part-of-team': 3 }, comments: { 'one-thing-better': 'y'.repeat(40_000) } }, 413, undefined]
    ];
    const got: Array<[number, string | undefined]> = [];
    for (const [body, ,] of cases) {
      const answer = await callRelay(tenant, agency, 'POST', 'answers', body);
      got.push([answer.status, answer.body.error?.field]);
    }
    expect(got).toEqual(cases.map(([, status, field]) => [status, field]));
    expect(await readParticipation(await spAsApp(tenant), fresh.roundId, agency.spUserId, false)).toBeUndefined();
    expect(await entriesOf(tenant, fresh.roundId)).toEqual([]);
  });

  it('refuses forged and expired tokens before reading anything', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ scp: 'user_impersonation', oid: operator.id, upn: operator.userPrincipalName })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer('https://login.microsoftonline.com/forged/v2.0')
      .setAudience('api://shopfloor-engage-relay')
      .setExpirationTime('1h')
      .sign(privateKey);
    const body = { roundId: round.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 1 } };
    expect((await callRelay(tenant, operator, 'POST', 'answers', body, forged)).status).toBe(401);
    expect((await callRelay(tenant, operator, 'GET', 'open', undefined, forged)).status).toBe(401);
    const real = await tokenFor(tenant, operator);
    const [head, payload] = real.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...claims, upn: agency.userPrincipalName, oid: agency.id })).toString('base64url')}.${real.split('.')[2]}`;
    expect((await callRelay(tenant, agency, 'POST', 'answers', body, tampered)).status).toBe(401);
  });

  it('keeps a comment verbatim: markup, right-to-left text and emoji', async () => {
    const fresh = addRound(tenant);
    const comment = '<script>alert("x")</script> <b>bold</b> مرحبا بالعالم ‮reversed‬ 👩🏽‍🔧🙏 & "quotes"';
    const answered = await callRelay(tenant, agency, 'POST', 'answers', {
      roundId: fresh.roundId,
      submissionKey: submissionKey(),
      answers: { 'part-of-team': 2 },
      comments: { 'one-thing-better': comment }
    });
    expect(answered.status).toBe(200);
    const [entry] = commentEntries(await entriesOf(tenant, fresh.roundId));
    expect(entry.text).toBe(comment);
    expect(entry.groups.employmentType).toBe('agency');
  });

  describe('what a site owner sees written for an answer, and when', () => {
    /** An SE_Responses item as a reader without the key sees it: its place, its ETag, its size. */
    interface Seen {
      readonly title: string;
      readonly etag: string;
      readonly size: number;
    }

    async function responsesOf(roundId: number): Promise<Map<number, Seen>> {
      const rows = await spAs(tenant, owner).web.lists.getByTitle(LISTS.responses.title).items.filter(`RoundId eq ${roundId}`).top(5000)<Row[]>();
      return new Map(rows.map((row) => [row.ID, { title: String(row.Title), etag: String(row['odata.etag']), size: String(row.Envelope).length }]));
    }

    /** The items added or changed between two reads (none is removed by an answer). */
    function written(before: Map<number, Seen>, after: Map<number, Seen>): Seen[] {
      expect([...before.keys()].filter((id) => !after.has(id))).toEqual([]);
      return [...after.entries()].filter(([id, seen]) => before.get(id)?.etag !== seen.etag).map(([, seen]) => seen);
    }

    const GOT = (): Person[] => tenant.context.directory.all().filter((p) => !p.isApp && p.siteCode === 'GOT');

    it('the answer\'s request writes exactly one SE_Responses item, of the same size without a comment, with a short one and with the longest', async () => {
      // The longest comment: 1000 UTF-16 units, the characters that take most room once stored.
      const longest = '\u0001"\\'.repeat(200) + '漢'.repeat(300) + '😀'.repeat(50);
      expect(longest).toHaveLength(1000);
      const comments: Array<string | undefined> = [undefined, 'Ok', longest];
      const sizes: number[] = [];
      for (const [index, comment] of comments.entries()) {
        // Rounds alike, one answer each: the first write of each round's inbox.
        const alike = addRound(tenant);
        const before = await responsesOf(alike.roundId);
        const answered = await callRelay(tenant, GOT()[100 + index], 'POST', 'answers', {
          roundId: alike.roundId,
          submissionKey: submissionKey(),
          answers: { 'part-of-team': 3 },
          comments: comment === undefined ? {} : { 'one-thing-better': comment }
        });
        expect(answered.status).toBe(200);
        const changed = written(before, await responsesOf(alike.roundId));
        expect(changed).toHaveLength(1);
        // Not a ballot box: the round's inbox.
        expect(changed[0].title.indexOf(`${alike.roundId}:inbox:`)).toBe(0);
        sizes.push(changed[0].size);
        if (comment !== undefined) {
          expect(commentEntries(await entriesOf(tenant, alike.roundId)).map((e) => e.text)).toEqual([comment]);
        }
      }
      expect(new Set(sizes).size).toBe(1);
    }, 60_000);

    it('writes ballot boxes only when the timer runs, and only for as many answers as the round\'s minimum group', async () => {
      const batch = addRound(tenant);
      const people = GOT().slice(110, 116);
      const answer = (person: Person, index: number): Promise<Answer> =>
        callRelay(tenant, person, 'POST', 'answers', {
          roundId: batch.roundId,
          submissionKey: submissionKey(),
          answers: { 'part-of-team': (index % 5) + 1 },
          comments: index % 2 === 0 ? { 'one-thing-better': `Comment ${index}` } : {}
        });
      const boxesOf = (seen: Map<number, Seen>): Seen[] => [...seen.values()].filter((s) => !s.title.includes(':inbox:'));
      // Four answers, fewer than the round's minimum group of 5: the timer leaves them in the inbox.
      for (const [index, person] of people.slice(0, 4).entries()) {
        expect((await answer(person, index)).status).toBe(200);
      }
      expect(boxesOf(await responsesOf(batch.roundId))).toEqual([]);
      await runPulseTimer(tenant);
      expect(boxesOf(await responsesOf(batch.roundId))).toEqual([]);
      // Counted and found by everything that reads answers all the same.
      expect(answerEntries(await entriesOf(tenant, batch.roundId))).toHaveLength(4);
      for (const [index, person] of people.slice(4).entries()) {
        expect((await answer(person, index + 4)).status).toBe(200);
      }
      const before = await responsesOf(batch.roundId);
      expect(boxesOf(before)).toEqual([]);
      const participation = await spAs(tenant, owner).web.lists.getByTitle(LISTS.participation.title).items.filter(`RoundId eq ${batch.roundId}`)<Row[]>();

      // The timer run: the six answers into the boxes at once, the inbox emptied; participation untouched.
      await runPulseTimer(tenant);
      const after = await responsesOf(batch.roundId);
      // One box in every slot, whichever slots the batch's entries went to: the number of boxes written tells nothing.
      expect(boxesOf(after).map((box) => box.title).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((slot) => `${batch.roundId}:${slot}:0`));
      const entries = await entriesOf(tenant, batch.roundId);
      expect(answerEntries(entries)).toHaveLength(6);
      expect(commentEntries(entries)).toHaveLength(3);
      const app = await spAsApp(tenant);
      const inboxes = await app.web.lists.getByTitle(LISTS.responses.title).items.filter(`RoundId eq ${batch.roundId}`)<Row[]>();
      for (const row of inboxes.filter((r) => String(r.Title).includes(':inbox:'))) {
        expect(KEYS.open(String(row.Envelope), `round:${batch.roundId}|box:${String(row.Title)}`).trim().split('\n')).toHaveLength(1);
      }
      const again = await spAs(tenant, owner).web.lists.getByTitle(LISTS.participation.title).items.filter(`RoundId eq ${batch.roundId}`)<Row[]>();
      expect(again.map((row) => row['odata.etag'])).toEqual(participation.map((row) => row['odata.etag']));
    }, 60_000);
  });

  describe('as the site owner and as a SharePoint admin (site collection administrator)', () => {
    let fresh: TestRound;
    const comments = new Map<string, string>();
    const keys = new Map<string, string>();
    let people: Person[];

    beforeAll(async () => {
      fresh = addRound(tenant);
      people = tenant.context.directory
        .all()
        .filter((p) => !p.isApp && p.siteCode === 'GOT')
        .slice(0, 12);
      for (const [index, person] of people.entries()) {
        const key = submissionKey();
        const comment = `Distinct comment number ${index} from a person`;
        keys.set(person.userPrincipalName, key);
        comments.set(person.userPrincipalName, comment);
        const answered = await callRelay(tenant, person, 'POST', 'answers', {
          roundId: fresh.roundId,
          submissionKey: key,
          answers: { 'part-of-team': (index % 5) + 1, 'recommend-workplace': index % 11 },
          comments: { 'one-thing-better': comment }
        });
        expect([person.userPrincipalName, answered.status]).toEqual([person.userPrincipalName, 200]);
      }
    }, 120_000);

    /** Every item of every product list, every field SharePoint gives the reader (no $select), and the lists' settings. */
    async function everythingAs(sp: SPFI): Promise<{ lists: Record<string, unknown>; items: Record<string, Row[]> }> {
      const items: Record<string, Row[]> = {};
      const lists: Record<string, unknown> = {};
      for (const title of PRODUCT_LIST_TITLES) {
        const list = sp.web.lists.getByTitle(title);
        lists[title] = await list();
        items[title] = await list.items.top(5000)<Row[]>();
      }
      return { lists, items };
    }

    it.each([
      ['the site owner', 'siteAdmin'],
      ['a SharePoint admin', 'sharePointAdmin']
    ])('%s reads every list and item the product wrote, and can pair no answer with a participation record, nor decrypt one', async (_who, reader) => {
      // The local tenant has no site collection administrators; a SharePoint admin who makes
      // themselves one reads every item whatever its permissions, as the app-only Full Control
      // identity does: that is the reader here.
      const sp = reader === 'siteAdmin' ? spAs(tenant, owner) : await spAsApp(tenant);
      const seen = await everythingAs(sp);
      const boxes = seen.items[LISTS.responses.title].filter((row) => row.RoundId === fresh.roundId);
      const participation = seen.items[LISTS.participation.title].filter((row) => row.RoundId === fresh.roundId);
      // They see who took part…
      expect(participation.map((row) => row.ParticipantId).sort()).toEqual(people.map((p) => p.spUserId).sort());
      // …and not one thing that is an answer, a comment, a submission key or a token.
      const text = JSON.stringify(seen);
      for (const person of people) {
        expect(text).not.toContain(comments.get(person.userPrincipalName));
        expect(text).not.toContain(keys.get(person.userPrincipalName));
        expect(text).not.toContain(KEYS.token(fresh.roundId, keys.get(person.userPrincipalName) as string).split(':')[1]);
      }
      // Participation is counted, with no token left.
      expect(participation.every((row) => row.Status === 'counted' && !row.Token)).toBe(true);
      // Answers are in a few boxes, not one item per answer, written by the relay, with no person and no time of their own.
      expect(boxes.length).toBeLessThan(people.length);
      expect(boxes.every((row) => row.AuthorId === RELAY.spUserId && row.EditorId === RELAY.spUserId)).toBe(true);
      const boxColumns = new Set(boxes.flatMap((row) => Object.keys(row)));
      for (const column of ['ParticipantId', 'GroupKey', 'Answers', 'ResponseDay', 'SubmissionKey']) {
        expect([column, boxColumns.has(column)]).toEqual([column, false]);
      }
      // Nothing decrypts without the relay's key: not with another key, not a box moved to another place.
      const other = pulseKeyring(`local-1=${Buffer.alloc(32, 7).toString('base64')}`);
      for (const row of boxes) {
        const envelope = String(row.Envelope);
        expect(envelope.startsWith('pe1.local-1.')).toBe(true);
        expect(() => other.open(envelope, `round:${fresh.roundId}|box:${String(row.Title)}`)).toThrow();
        expect(() => KEYS.open(envelope, `round:${fresh.roundId}|box:${fresh.roundId}:9:0`)).toThrow();
        expect(() => KEYS.open(envelope, `round:${fresh.roundId}|box:${String(row.Title)}`)).not.toThrow();
      }
      // The lists keep no versions, where an older version would keep a box or a token.
      expect(seen.lists[LISTS.responses.title]).not.toMatchObject({ EnableVersioning: true });
      expect(seen.lists[LISTS.participation.title]).not.toMatchObject({ EnableVersioning: true });
      // Search keeps out of them (Engage Setup sets NoCrawl).
      for (const title of [LISTS.responses.title, LISTS.participation.title, LISTS.reminders.title]) {
        const list = await spAs(tenant, owner).web.lists.getByTitle(title).select('NoCrawl')<{ NoCrawl?: boolean }>();
        expect([title, list.NoCrawl]).toEqual([title, true]);
      }
    });

    it('cannot tell from ids, order or times which box holds whose answer: ids and times of boxes are not those of answers', async () => {
      const sp = spAs(tenant, owner);
      const boxes = await sp.web.lists.getByTitle(LISTS.responses.title).items.filter(`RoundId eq ${fresh.roundId}`).top(100)<Row[]>();
      const participation = await sp.web.lists.getByTitle(LISTS.participation.title).items.filter(`RoundId eq ${fresh.roundId}`).top(100)<Row[]>();
      // Fewer boxes than answers: no item id stands for one answer.
      expect(boxes.length).toBeLessThan(participation.length);
      // Inside (with the relay's key), each box holds whole entries in no arrival order, days only.
      const entries = await allEntries(tenant, fresh.roundId);
      const scores = answerEntries(entries);
      expect(scores).toHaveLength(people.length);
      expect(scores.every((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.day))).toBe(true);
      // Comments apart from scores: the same number, and none of them carries a score or a day.
      expect(commentEntries(entries)).toHaveLength(people.length);
      expect(entries.filter((e) => e.kind === 'comment' && ('answers' in e || 'day' in e))).toEqual([]);
    });
  });
});
