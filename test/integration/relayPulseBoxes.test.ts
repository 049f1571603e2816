/**
 * Ballot boxes written by several relay instances at once, against the local SharePoint over
 * HTTP: every writer reads the box, adds its entry and writes it back with the box's ETag
 * (`IF-MATCH`). SharePoint answers 412 to all but one writer of a version; the others read the box
 * again and retry. No entry may be lost or written twice.
 */
import { appendEntry, readRoundBoxes } from '../../relay/src/pulse/ballotStore';
import type { RunningTenant } from '../../local/server/tenant';
import { type BallotEntry, BOX_SLOTS, distinctEntries, slotOf } from '../../src/core/pulse/ballot';
import { LISTS } from '../../src/core/schema/lists';
import { addRound, KEYS } from '../support/pulse';
import { persona, spAs, spAsApp, startTestTenant } from '../support/tenant';

describe('Ballot boxes written by several relay instances at once', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTestTenant();
  }, 60_000);
  afterAll(async () => tenant.close());

  it('keeps every entry once: a writer that lost the box to another (412) reads it again and retries', async () => {
    const round = addRound(tenant);
    const app = await spAsApp(tenant);
    // 24 answers whose tokens all fall in one slot, so every writer wants the same box.
    const entries: BallotEntry[] = [];
    for (let i = 0; entries.length < 24; i += 1) {
      const token = KEYS.token(round.roundId, `instance-race-${i.toString().padStart(8, '0')}`);
      if (slotOf(token) === 3) {
        entries.push({ kind: 'answers', token, day: '2026-12-06', groups: { site: 'got', line: 'got-weld2', crew: 'none', employmentType: 'employee', tenureBand: '1-3', groupKey: 'got/staff' }, answers: { 'part-of-team': (i % 5) + 1 } });
      }
    }
    // The first makes the box; then 23 writers, each as its own relay instance (its own turns).
    await appendEntry(app, KEYS, entries[0], { roundId: round.roundId, surveyId: round.surveyId });
    const log: string[] = [];
    const results = await Promise.all(
      entries.slice(1).map((entry) => appendEntry(app, KEYS, entry, { roundId: round.roundId, surveyId: round.surveyId, turns: new Map(), log: (line) => log.push(line) }))
    );
    expect(results.every((r) => r === 'added')).toBe(true);
    // SharePoint refused stale writes, and the writers tried again.
    expect(log.filter((line) => line.includes('(412)')).length).toBeGreaterThan(0);
    const boxes = await readRoundBoxes(app, KEYS, round.roundId);
    const all = boxes.reduce<BallotEntry[]>((out, box) => out.concat(box.entries), []);
    expect(all.map((e) => e.token).sort()).toEqual(entries.map((e) => e.token).sort());
    expect(distinctEntries(boxes)).toHaveLength(entries.length);
    // All in the one box of slot 3.
    const items = await app.web.lists.getByTitle(LISTS.responses.title).items.select('Title', 'BoxKey').filter(`RoundId eq ${round.roundId}`)<Array<{ Title: string; BoxKey: string }>>();
    expect(items).toEqual([expect.objectContaining({ Title: `${round.roundId}:3:0`, BoxKey: `${round.roundId}:3` })]);
    expect(BOX_SLOTS).toBeGreaterThan(3);
  }, 120_000);

  it('never writes over a box it cannot open, and ignores a box someone else wrote', async () => {
    const round = addRound(tenant);
    const app = await spAsApp(tenant);
    const owner = spAs(tenant, persona(tenant, 'siteAdmin'));
    const groups = { site: 'got', line: 'unknown', crew: 'none', employmentType: 'employee', tenureBand: '3-10', groupKey: 'got/staff' } as const;
    const inSlot = (slot: number, label: string): BallotEntry => {
      for (let i = 0; ; i += 1) {
        const token = KEYS.token(round.roundId, `${label}-${i.toString().padStart(12, '0')}`);
        if (slotOf(token) === slot) {
          return { kind: 'answers', token, day: '2026-12-06', groups, answers: { 'part-of-team': 4 } };
        }
      }
    };
    await appendEntry(app, KEYS, inSlot(1, 'first'), { roundId: round.roundId, surveyId: round.surveyId });
    const responses = owner.web.lists.getByTitle(LISTS.responses.title);
    const [box] = await responses.items.select('ID', 'Envelope').filter(`BoxKey eq '${round.roundId}:1'`)<Array<{ ID: number; Envelope: string }>>();
    // The site owner changes one character of the box, and adds a box of their own in another slot.
    const tampered = `${box.Envelope.slice(0, -2)}${box.Envelope.endsWith('A') ? 'B' : 'A'}${box.Envelope.slice(-1)}`;
    await responses.items.getById(box.ID).update({ Envelope: tampered });
    await responses.items.add({ Title: `${round.roundId}:2:0`, RoundId: round.roundId, SurveyId: round.surveyId, BoxKey: `${round.roundId}:2`, Envelope: KEYS.seal('{"version":1,"entries":[]}', `round:${round.roundId}|box:${round.roundId}:2:0`) });

    const log: string[] = [];
    expect(await appendEntry(app, KEYS, inSlot(1, 'second'), { roundId: round.roundId, surveyId: round.surveyId, log: (line) => log.push(line) })).toBe('added');
    expect(await appendEntry(app, KEYS, inSlot(2, 'third'), { roundId: round.roundId, surveyId: round.surveyId, log: (line) => log.push(line) })).toBe('added');
    expect(log.some((line) => line.includes('does not open'))).toBe(true);
    // The changed box is left as it was; the slot goes on in its next box.
    expect((await responses.items.getById(box.ID).select('Envelope')<{ Envelope: string }>()).Envelope).toBe(tampered);
    const titles = (await app.web.lists.getByTitle(LISTS.responses.title).items.select('Title', 'AuthorId').filter(`RoundId eq ${round.roundId}`)<Array<{ Title: string; AuthorId: number }>>())
      .map((row) => `${row.Title} by ${row.AuthorId === persona(tenant, 'siteAdmin').spUserId ? 'owner' : 'relay'}`)
      .sort();
    expect(titles).toEqual([`${round.roundId}:1:0 by relay`, `${round.roundId}:1:1 by relay`, `${round.roundId}:2:0 by owner`, `${round.roundId}:2:0 by relay`]);
    // The relay reads its own boxes that open: the two later answers (the first is lost with its box).
    expect(distinctEntries(await readRoundBoxes(app, KEYS, round.roundId))).toHaveLength(2);
  });

  it('sends an entry already in its box again without adding it twice, also from two instances at once', async () => {
    const round = addRound(tenant);
    const app = await spAsApp(tenant);
    const entry: BallotEntry = {
      kind: 'answers',
      token: KEYS.token(round.roundId, 'twice-at-once-0001'),
      day: '2026-12-06',
      groups: { site: 'got', line: 'unknown', crew: 'none', employmentType: 'agency', tenureBand: 'under-1', groupKey: 'got/staff' },
      answers: { 'part-of-team': 3 }
    };
    await appendEntry(app, KEYS, entry, { roundId: round.roundId, surveyId: round.surveyId });
    const again = await Promise.all([1, 2].map(() => appendEntry(app, KEYS, entry, { roundId: round.roundId, surveyId: round.surveyId, turns: new Map() })));
    expect(again).toEqual(['present', 'present']);
    const boxes = await readRoundBoxes(app, KEYS, round.roundId);
    expect(boxes.reduce((n, box) => n + box.entries.length, 0)).toBe(1);
  });
});
