/**
 * The round's inbox: one parcel per answer, of one size per round, and the timer's drain into the
 * ballot boxes. The parcel's rules on their own (its size, its text kept verbatim), then against the
 * local tenant over HTTP: a drain that dies half way, two drains at once, and an answer whose
 * request died after its parcel was written, each counted once.
 */
import { readRoundBoxes, storeInSlot } from '../../relay/src/pulse/ballotStore';
import { parcelTokens, postParcel, readLane, readRoundInbox } from '../../relay/src/pulse/inbox';
import {
  entriesOfParcel,
  INBOX_HEADER,
  INBOX_PLAINTEXT_LIMIT,
  inboxHasRoom,
  type Parcel,
  parcelBucket,
  parcelLine,
  parseInbox,
  parseParcelLine,
  serialiseInbox
} from '../../relay/src/pulse/inboxParcel';
import { drainRound } from '../../relay/src/pulse/timerDrain';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { type BallotEntry, distinctEntries, slotOf, utf8Length } from '../../src/core/pulse/ballot';
import { PULSE_TEXT_MAX } from '../../src/core/pulse/submission';
import { LISTS } from '../../src/core/schema/lists';
import { addPending, addRound, callRelay, DAY, entriesOf, KEYS, runPulseTimer, submissionKey, type TestRound } from '../support/pulse';
import { spAsApp, startTestTenant } from '../support/tenant';

const GROUPS: Parcel['groups'] = { site: 'got', line: 'got-weld2', crew: 'a1b2c3d4-0000-4000-8000-000000000001', employmentType: 'agency', tenureBand: 'under-1', groupKey: 'got/weld2/a1b2c3d4-0000-4000-8000-000000000001' };

/** The characters that take most room once stored: control characters, quotes, backslashes, lone surrogates, CJK, emoji. */
const WORST_UNITS = '\u0001"\\\ud800漢😀';
const WORST = WORST_UNITS.repeat(Math.floor(PULSE_TEXT_MAX / WORST_UNITS.length)) + '\u0002'.repeat(PULSE_TEXT_MAX % WORST_UNITS.length);

function parcelOf(roundId: number, key: string, comments: Record<string, string>): Parcel {
  const keys = Object.keys(comments);
  return {
    token: KEYS.token(roundId, key),
    day: '2026-05-04',
    groups: GROUPS,
    answers: { 'part-of-team': 4, 'recommend-workplace': 10 },
    comments: keys.map((questionKey) => ({ questionKey, token: KEYS.token(roundId, `${key}|comment|${questionKey}`), text: comments[questionKey] })),
    ...(keys.length > 0 ? { author: KEYS.authorTag(roundId, 'person-object-id') } : {})
  };
}

describe('an inbox parcel', () => {
  const questions = [
    { key: 'part-of-team', kind: 'likert5' },
    { key: 'recommend-workplace', kind: 'enps11' },
    { key: 'one-thing-better', kind: 'text' }
  ];

  it('takes the round\'s one size without a comment, with a short one and with the longest of the worst characters', () => {
    expect(WORST).toHaveLength(PULSE_TEXT_MAX);
    const bucket = parcelBucket(questions);
    const alike: Array<Record<string, string>> = [{}, { 'one-thing-better': 'Ok' }, { 'one-thing-better': WORST }];
    const sizes = alike.map((comments) => {
      const { line, oversized } = parcelLine(parcelOf(7, submissionKey(), comments), bucket);
      expect(oversized).toBe(false);
      return utf8Length(line);
    });
    expect(sizes).toEqual([bucket, bucket, bucket]);
    // Some parcels share an inbox item: a few buckets fit.
    expect(Math.floor(INBOX_PLAINTEXT_LIMIT / (bucket + 1))).toBeGreaterThanOrEqual(4);
  });

  it('fits the largest submission a survey allows (12 text questions, keys of 64 characters) in one inbox item SharePoint takes', () => {
    const texts = Array.from({ length: 12 }, (_, i) => ({ key: `${'q'.repeat(61)}-${String(i).padStart(2, '0')}`, kind: 'text' }));
    const bucket = parcelBucket(texts);
    const comments: Record<string, string> = {};
    texts.forEach((q) => {
      comments[q.key] = WORST;
    });
    const { line, oversized } = parcelLine(parcelOf(7, submissionKey(), comments), bucket);
    expect(oversized).toBe(false);
    const lines = [line];
    expect(inboxHasRoom([], line)).toBe(true);
    const plain = serialiseInbox(lines);
    expect(utf8Length(plain)).toBeLessThanOrEqual(INBOX_PLAINTEXT_LIMIT);
    // SharePoint's multiple lines of text take 63,999 characters.
    expect(KEYS.seal(plain, 'round:7|box:7:inbox:0:0').length).toBeLessThan(64_000);
  });

  it('gives back every comment verbatim, with the scores apart, in the entries the boxes keep', () => {
    const key = submissionKey();
    const text = `<b>x</b> ${WORST.slice(0, 40)} \u202ereversed\u202c`;
    const { line } = parcelLine(parcelOf(7, key, { 'one-thing-better': text }), parcelBucket(questions));
    const [lineBack] = parseInbox(serialiseInbox([line]));
    const entries = entriesOfParcel(parseParcelLine(lineBack));
    expect(entries).toEqual([
      { kind: 'answers', token: KEYS.token(7, key), day: '2026-05-04', groups: GROUPS, answers: { 'part-of-team': 4, 'recommend-workplace': 10 } },
      { kind: 'comment', token: KEYS.token(7, `${key}|comment|one-thing-better`), groups: GROUPS, questionKey: 'one-thing-better', text, author: KEYS.authorTag(7, 'person-object-id') }
    ]);
    expect(parseInbox(INBOX_HEADER)).toEqual([]);
    expect(() => parseInbox('{"version":1,"entries":[]}')).toThrow();
  });
});

describe('the inbox and its drain, against the local tenant', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTestTenant();
  }, 60_000);
  afterAll(async () => tenant.close());

  const GOT = (from: number, count: number): Person[] =>
    tenant.context.directory
      .all()
      .filter((p) => !p.isApp && p.siteCode === 'GOT')
      .slice(from, from + count);

  async function answerAll(round: TestRound, from: number, count: number): Promise<void> {
    for (const [index, person] of GOT(from, count).entries()) {
      const answered = await callRelay(tenant, person, 'POST', 'answers', {
        roundId: round.roundId,
        submissionKey: submissionKey(),
        answers: { 'part-of-team': (index % 5) + 1 },
        comments: index % 2 === 0 ? { 'one-thing-better': `Said by number ${index}` } : {}
      });
      expect(answered.status).toBe(200);
    }
  }

  /** Every entry in the round's boxes and inbox, copies included (what `distinctEntries` would count once). */
  async function everyCopy(roundId: number): Promise<BallotEntry[]> {
    return (await readRoundBoxes(await spAsApp(tenant), KEYS, roundId)).reduce<BallotEntry[]>((all, box) => all.concat(box.entries), []);
  }

  async function parcelsLeft(roundId: number): Promise<number> {
    return (await readRoundInbox(await spAsApp(tenant), KEYS, roundId, () => undefined)).reduce((sum, item) => sum + (item.lines ?? []).length, 0);
  }

  it('loses nothing and counts nothing twice when a drain dies half way: the next run finishes it', async () => {
    const round = addRound(tenant);
    await answerAll(round, 0, 8);
    const app = await spAsApp(tenant);
    // Half a drain: the boxes of half the slots written, then it dies before the inbox is cleared.
    const entries = (await everyCopy(round.roundId)).slice();
    const slots = [...new Set(entries.map((e) => slotOf(e.token)))];
    for (const slot of slots.slice(0, Math.ceil(slots.length / 2))) {
      await storeInSlot(app, KEYS, slot, entries.filter((e) => slotOf(e.token) === slot), { roundId: round.roundId, surveyId: round.surveyId });
    }
    // Some entries are now in a box and in the inbox: counted once all the same.
    expect((await everyCopy(round.roundId)).length).toBeGreaterThan(entries.length);
    expect(distinctEntries(await readRoundBoxes(app, KEYS, round.roundId))).toHaveLength(entries.length);

    // Five more answers, so that what is not in a box yet makes a batch of at least the minimum
    // group (parcels already in a box do not count towards it).
    await answerAll(round, 40, 5);
    const run = await runPulseTimer(tenant);
    expect(run.status).toBe('done');
    expect(await parcelsLeft(round.roundId)).toBe(0);
    const copies = await everyCopy(round.roundId);
    const all = entries.length + 5 + 3;
    expect(copies).toHaveLength(all);
    expect(new Set(copies.map((e) => e.token)).size).toBe(all);
    expect(copies.filter((e) => e.kind === 'answers')).toHaveLength(13);
    expect(copies.filter((e) => e.kind === 'comment')).toHaveLength(7);
  }, 60_000);

  it('waits for the minimum group of answers not yet in a box: parcels a failed drain left behind do not make up a batch', async () => {
    const round = addRound(tenant);
    await answerAll(round, 20, 6);
    const app = await spAsApp(tenant);
    // A drain that wrote every box and then failed to take the parcels out of the inbox.
    const stale = (await everyCopy(round.roundId)).slice();
    for (const slot of [...new Set(stale.map((e) => slotOf(e.token)))]) {
      await storeInSlot(app, KEYS, slot, stale.filter((e) => slotOf(e.token) === slot), { roundId: round.roundId, surveyId: round.surveyId });
    }
    // One more answer: with the six left behind, seven parcels, but only one not in a box yet.
    await answerAll(round, 26, 1);
    const swept = { ...round, closesAt: Date.now() + DAY, closed: false, minGroupSize: 5 };
    const report = await drainRound(app, KEYS, swept, { log: () => undefined });
    expect(report).toEqual({ drained: 0, boxWrites: 0, waiting: 1 });
    // The parcels already in the boxes are out of the inbox; the new one waits there, in no box.
    expect(await parcelsLeft(round.roundId)).toBe(1);
    const staleTokens = new Set(stale.map((e) => e.token));
    const copies = await everyCopy(round.roundId);
    expect(copies.filter((e) => !staleTokens.has(e.token))).toHaveLength(2);
    // Each entry once: the six left behind only in their boxes now.
    expect(new Set(copies.map((e) => e.token)).size).toBe(copies.length);
  }, 60_000);

  it('counts each answer once when two drains run at once', async () => {
    const round = addRound(tenant);
    await answerAll(round, 10, 7);
    const app = await spAsApp(tenant);
    const swept = { ...round, closesAt: Date.now() + DAY, closed: false, minGroupSize: 5 };
    const reports = await Promise.all([1, 2].map(() => drainRound(app, KEYS, swept, { log: () => undefined })));
    expect(reports.some((r) => r.drained === 7)).toBe(true);
    expect(await parcelsLeft(round.roundId)).toBe(0);
    const copies = await everyCopy(round.roundId);
    expect(new Set(copies.map((e) => e.token)).size).toBe(copies.length);
    expect(copies).toHaveLength(7 + 4);
  }, 60_000);

  it('keeps an inbox item\'s parcels in an order that is not the order they came in', async () => {
    const round = addRound(tenant);
    const app = await spAsApp(tenant);
    const keys: string[] = [];
    while (keys.length < 3) {
      const key = submissionKey();
      if (slotOf(KEYS.token(round.roundId, key)) === 6) {
        keys.push(key);
      }
    }
    // Every write shuffles the item's parcels (here with a fixed source of numbers, to see it happen).
    for (const key of keys) {
      expect(await postParcel(app, KEYS, parcelOf(round.roundId, key, {}), { ...round, bucket: 2048, random: () => 0 })).toBe('added');
    }
    const [item, ...others] = await readLane(app, KEYS, round.roundId, 6, () => undefined);
    expect(others).toEqual([]);
    const stored = parcelTokens(item);
    const arrived = keys.map((key) => KEYS.token(round.roundId, key));
    expect([...stored].sort()).toEqual([...arrived].sort());
    expect(stored).not.toEqual(arrived);
  }, 60_000);

  it('finishes an answer whose request died after its parcel was in the inbox: the resend writes nothing, the answer counts once', async () => {
    const round = addRound(tenant);
    const [person] = GOT(20, 1);
    const key = submissionKey();
    // The first try: participation pending, the parcel in the inbox, then the request died.
    await addPending(tenant, round.roundId, person, key);
    const questions = [
      { key: 'part-of-team', kind: 'likert5' },
      { key: 'safe-to-speak-up', kind: 'likert5' },
      { key: 'recommend-workplace', kind: 'enps11' },
      { key: 'one-thing-better', kind: 'text' }
    ];
    const app = await spAsApp(tenant);
    expect(await postParcel(app, KEYS, parcelOf(round.roundId, key, { 'one-thing-better': 'First try' }), { ...round, bucket: parcelBucket(questions) })).toBe('added');
    const written = await app.web.lists.getByTitle(LISTS.responses.title).items.select('ID', 'Envelope').filter(`RoundId eq ${round.roundId}`)<Array<{ ID: number; Envelope: string }>>();

    const again = await callRelay(tenant, person, 'POST', 'answers', { roundId: round.roundId, submissionKey: key, answers: { 'part-of-team': 4 }, comments: { 'one-thing-better': 'First try' } });
    expect(again).toEqual({ status: 200, body: { status: 'counted', resent: true } });
    // Nothing written for the resend: the inbox is as the first try left it.
    expect(await app.web.lists.getByTitle(LISTS.responses.title).items.select('ID', 'Envelope').filter(`RoundId eq ${round.roundId}`)()).toEqual(written);
    const entries = await entriesOf(tenant, round.roundId);
    expect(entries.map((e) => e.kind).sort()).toEqual(['answers', 'comment']);
    // A second submission of the same person is refused, found in the inbox.
    const second = await callRelay(tenant, person, 'POST', 'answers', { roundId: round.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 1 } });
    expect(second.body.error?.code).toBe('alreadyAnswered');
  }, 60_000);
});
