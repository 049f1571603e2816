import type { GroupAttributes } from './audience';
import {
  answerEntries,
  BOX_BLOCK_BYTES,
  BOX_PLAINTEXT_LIMIT,
  BOX_SLOTS,
  type BallotEntry,
  commentEntries,
  distinctEntries,
  EMPTY_BOX,
  entryDay,
  generationOf,
  hasRoomFor,
  parseBox,
  participationStep,
  serialiseBox,
  shuffled,
  slotOf,
  utf8Length,
  withEntry
} from './ballot';

const GROUPS: GroupAttributes = { site: 'got', line: 'got-weld2', crew: 'team-1', employmentType: 'employee', tenureBand: '1-3', groupKey: 'got/weld2/team-1' };

function entry(token: string, comment = ''): BallotEntry {
  return comment
    ? { kind: 'comment', token, groups: GROUPS, questionKey: 'one-thing-better', text: comment, author: 'k1:ab' }
    : { kind: 'answers', token, day: '2026-12-06', groups: GROUPS, answers: { 'part-of-team': 4 } };
}

/** A seeded source of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('ballot boxes', () => {
  it('add an entry once per token, whatever else it says', () => {
    const once = withEntry(EMPTY_BOX, entry('k1:aa'), Math.random);
    expect(once.added).toBe(true);
    const again = withEntry(once.box, { ...entry('k1:aa'), day: '2026-12-07' } as BallotEntry, Math.random);
    expect(again).toEqual({ box: once.box, added: false });
  });

  it('shuffle the entries on every write, so the order does not tell which came last', () => {
    const random = seeded(7);
    let box = EMPTY_BOX;
    for (let i = 0; i < 30; i += 1) {
      box = withEntry(box, entry(`k1:${i.toString(16).padStart(8, '0')}`), random).box;
    }
    const arrival = Array.from({ length: 30 }, (_, i) => `k1:${i.toString(16).padStart(8, '0')}`);
    expect(box.entries.map((e) => e.token)).not.toEqual(arrival);
    expect(box.entries.map((e) => e.token).sort()).toEqual(arrival.slice().sort());
    // Where the last one lands is spread over the box.
    const lastPlaces = new Set<number>();
    for (let seed = 1; seed <= 40; seed += 1) {
      const next = withEntry(box, entry('k1:ffffffff'), seeded(seed)).box;
      lastPlaces.add(next.entries.findIndex((e) => e.token === 'k1:ffffffff'));
    }
    expect(lastPlaces.size).toBeGreaterThan(15);
  });

  it('pad the plain text to whole blocks, so a box grows in steps and not by one answer\'s length', () => {
    const small = serialiseBox(withEntry(EMPTY_BOX, entry('k1:01', 'ok'), Math.random).box);
    const longer = serialiseBox(withEntry(EMPTY_BOX, entry('k1:01', 'a much longer comment about the handover'), Math.random).box);
    expect(utf8Length(small) % BOX_BLOCK_BYTES).toBe(0);
    expect(utf8Length(small)).toBe(utf8Length(longer));
    expect(commentEntries(parseBox(small).entries)[0].text).toBe('ok');
  });

  it('measure UTF-8 as node does, emoji, right-to-left text and lone surrogates included', () => {
    for (const text of ['abc', 'åäö', 'مرحبا', '👩🏽‍🔧🙏', '\ud800x', 'x\udc00']) {
      expect([text, utf8Length(text)]).toEqual([text, Buffer.byteLength(text, 'utf8')]);
    }
  });

  it('have room until the limit, and always for a first entry', () => {
    const big = 'x'.repeat(1000);
    let box = EMPTY_BOX;
    let count = 0;
    while (hasRoomFor(box, entry(`k1:${count}`, big))) {
      box = withEntry(box, entry(`k1:${count}`, big), Math.random).box;
      count += 1;
    }
    expect(utf8Length(serialiseBox(box))).toBeLessThanOrEqual(BOX_PLAINTEXT_LIMIT);
    expect(count).toBeGreaterThan(30);
    expect(hasRoomFor(EMPTY_BOX, entry('k1:huge', 'y'.repeat(BOX_PLAINTEXT_LIMIT)))).toBe(true);
  });

  it('refuse plain text that is not a box', () => {
    expect(() => parseBox('{"version":2,"entries":[]}')).toThrow();
    expect(() => parseBox('{"version":1,"entries":[{"token":1}]}')).toThrow();
    expect(() => parseBox('{"version":1,"entries":[{"kind":"comment","token":"k1:01","groups":{},"text":"x"}]}')).toThrow();
    expect(() => parseBox('not json')).toThrow();
  });

  it('put a token in a slot taken from its own digits, spread over the slots', () => {
    expect(slotOf('k1:0000000a')).toBe(10 % BOX_SLOTS);
    const slots = new Set(Array.from({ length: 64 }, (_, i) => slotOf(`k1:${(i * 2654435761).toString(16).padStart(8, '0')}`)));
    expect(slots.size).toBe(BOX_SLOTS);
    expect(generationOf('12:3:4', 12, 3)).toBe(4);
    expect(generationOf('12:3:x', 12, 3)).toBeUndefined();
    expect(generationOf('13:3:4', 12, 3)).toBeUndefined();
  });

  it('tell answer entries from comment entries', () => {
    const box = withEntry(withEntry(EMPTY_BOX, entry('k1:01'), Math.random).box, entry('k1:02', 'words'), Math.random).box;
    expect(answerEntries(box.entries).map((e) => e.token)).toEqual(['k1:01']);
    expect(commentEntries(box.entries).map((e) => [e.token, e.text])).toEqual([['k1:02', 'words']]);
  });

  it('count each token once across boxes (a box written twice in a race holds a copy)', () => {
    const a = withEntry(EMPTY_BOX, entry('k1:01'), Math.random).box;
    const b = withEntry(withEntry(EMPTY_BOX, entry('k1:01'), Math.random).box, entry('k1:02'), Math.random).box;
    expect(distinctEntries([a, b]).map((e) => e.token).sort()).toEqual(['k1:01', 'k1:02']);
  });

  it('date an entry by its UTC day only', () => {
    expect(entryDay(new Date('2026-12-06T23:59:59.999Z'))).toBe('2026-12-06');
  });

  it('shuffle without losing or adding anything', () => {
    expect(shuffled([1, 2, 3, 4], seeded(3)).sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('participationStep', () => {
  it('starts, finishes a pending one with the same token, settles another token, refuses once counted', () => {
    expect(participationStep(undefined, 'k1:aa')).toBe('start');
    expect(participationStep({ status: 'pending', token: 'k1:aa' }, 'k1:aa')).toBe('finish');
    expect(participationStep({ status: 'pending', token: 'k1:bb' }, 'k1:aa')).toBe('settleOther');
    expect(participationStep({ status: 'pending' }, 'k1:aa')).toBe('settleOther');
    expect(participationStep({ status: 'counted' }, 'k1:aa')).toBe('alreadyAnswered');
  });
});
