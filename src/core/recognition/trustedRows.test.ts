import {
  optedOutPeople,
  parseReactionKey,
  type PreferenceRow,
  preferenceOf,
  reactionPerson,
  type ReactionRow,
  rowAuthor,
  speaksFor,
  squatProofKey,
  summariseReactions
} from './trustedRows';

const RELAY = rowAuthor(900, 'i:0i.t|ms.sp.ext|11111111-2222-3333-4444-555555555555@contoso');
const by = (id: number): ReturnType<typeof rowAuthor> => rowAuthor(id, `i:0#.f|membership|person${id}@contoso.com`);

function reaction(id: number, recognitionId: number, reactionKey: string, author: ReturnType<typeof rowAuthor>, kind = 'applause'): ReactionRow {
  return { id, recognitionId, reactionKey, kind, author };
}

describe('rowAuthor and speaksFor', () => {
  it('knows the relay by its app login', () => {
    expect(RELAY.isApp).toBe(true);
    expect(by(7).isApp).toBe(false);
    expect(rowAuthor(7, undefined)).toEqual({ id: 7, isApp: false });
  });

  it('lets a row speak for the person who wrote it, or for anyone when the relay wrote it', () => {
    expect(speaksFor(by(7), 7)).toBe(true);
    expect(speaksFor(by(8), 7)).toBe(false);
    expect(speaksFor(RELAY, 7)).toBe(true);
    expect(speaksFor(RELAY, 0)).toBe(false);
  });
});

describe('reaction keys', () => {
  it('reads both forms of the key, and nothing else', () => {
    expect(parseReactionKey('41:7')).toEqual({ recognitionId: 41, userId: 7 });
    expect(parseReactionKey(squatProofKey('41:7', '0a1b2c'))).toEqual({ recognitionId: 41, userId: 7 });
    expect(parseReactionKey('41:7:x1')).toBeUndefined();
    expect(parseReactionKey('41')).toBeUndefined();
    expect(parseReactionKey('made-up')).toBeUndefined();
  });

  it('names the person only when the Author is that person (or the relay) and the key is for this post', () => {
    expect(reactionPerson(reaction(1, 41, '41:7', by(7)))).toBe(7);
    expect(reactionPerson(reaction(1, 41, '41:7:rabc', by(7)))).toBe(7);
    expect(reactionPerson(reaction(1, 41, '41:7', RELAY))).toBe(7);
    expect(reactionPerson(reaction(1, 41, '41:7', by(8)))).toBeUndefined();
    expect(reactionPerson(reaction(1, 41, '42:7', by(7)))).toBeUndefined();
  });
});

describe('summariseReactions', () => {
  const wanted = new Set([41, 42]);

  it("ignores a reaction written under a colleague's key, and counts the colleague's own", () => {
    const rows = [reaction(1, 41, '41:7', by(8), 'heart'), reaction(2, 41, squatProofKey('41:7', 'f00'), by(7), 'applause')];
    expect(summariseReactions(rows, wanted, 7).get(41)).toEqual({ counts: { applause: 1 }, mine: 'applause' });
    expect(summariseReactions(rows, wanted, 8).get(41)).toEqual({ counts: { applause: 1 } });
  });

  it('counts one reaction per person per post however many keys they made up', () => {
    const rows = [
      reaction(1, 41, '41:8', by(8)),
      reaction(2, 41, '41:990001', by(8)),
      reaction(3, 41, '41:8:r1', by(8), 'heart'),
      reaction(4, 41, '41:8:r2', by(8), 'like'),
      reaction(5, 41, '42:8', by(8)),
      reaction(6, 41, 'made-up', by(8))
    ];
    expect(summariseReactions(rows, wanted, 8).get(41)).toEqual({ counts: { applause: 1 }, mine: 'applause' });
  });

  it("takes the person's own row before the relay's, then the oldest", () => {
    const rows = [reaction(1, 41, '41:7', RELAY, 'heart'), reaction(5, 41, '41:7:rb', by(7), 'like'), reaction(3, 41, '41:7:ra', by(7), 'celebrate')];
    expect(summariseReactions(rows, wanted, 7).get(41)).toEqual({ counts: { celebrate: 1 }, mine: 'celebrate' });
  });

  it('counts the relay’s reaction for the person it names', () => {
    expect(summariseReactions([reaction(1, 42, '42:7', RELAY, 'heart')], wanted, 7).get(42)).toEqual({ counts: { heart: 1 }, mine: 'heart' });
  });

  it('leaves out posts not asked for and kinds it does not know', () => {
    const rows = [reaction(1, 43, '43:7', by(7)), reaction(2, 41, '41:7', by(7), 'boo')];
    expect(summariseReactions(rows, wanted, 7).size).toBe(0);
  });

  it('counts several people per post and per kind', () => {
    const rows = [reaction(1, 41, '41:7', by(7)), reaction(2, 41, '41:8', by(8)), reaction(3, 41, '41:9', by(9), 'heart'), reaction(4, 42, '42:7', by(7))];
    const summary = summariseReactions(rows, wanted, 9);
    expect(summary.get(41)).toEqual({ counts: { applause: 2, heart: 1 }, mine: 'heart' });
    expect(summary.get(42)).toEqual({ counts: { applause: 1 } });
  });
});

describe('preferences', () => {
  const row = (id: number, personId: number, author: ReturnType<typeof rowAuthor>, hideFromPublicWall = true): PreferenceRow => ({ id, personId, hideFromPublicWall, author });

  it("leaves out a preference another member wrote about a colleague", () => {
    expect(optedOutPeople([row(1, 7, by(8)), row(2, 8, by(8)), row(3, 9, RELAY), row(4, 10, by(10), false)])).toEqual(new Set([8, 9]));
  });

  it("finds the person's own preference, not a decoy, own before the relay's, then the oldest", () => {
    const decoy = row(1, 7, by(8));
    expect(preferenceOf([decoy], 7)).toBeUndefined();
    expect(preferenceOf([decoy, row(4, 7, by(7), false)], 7)).toEqual(row(4, 7, by(7), false));
    expect(preferenceOf([row(2, 7, RELAY), row(6, 7, by(7), false), row(5, 7, by(7))], 7)?.id).toBe(5);
    expect(preferenceOf([row(2, 7, RELAY)], 7)?.id).toBe(2);
    expect(preferenceOf([row(3, 8, by(8))], 7)).toBeUndefined();
  });
});
