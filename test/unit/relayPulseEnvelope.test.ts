/**
 * The relay's pulse keys: AES-256-GCM envelopes bound to their round and box, tokens, and key
 * rotation without losing what older keys wrote.
 */
import { boxContext, newPulseKey, PulseKeyError, pulseKeyring } from '../../relay/src/pulse/envelope';

const OLD = newPulseKey('2025-q4');
const NEW = newPulseKey('2026-q1');

describe('pulse envelopes', () => {
  it('open what they sealed, for the same round and box only', () => {
    const keys = pulseKeyring(OLD);
    const sealed = keys.seal('{"version":1,"entries":[]}', boxContext(12, '12:3:0'));
    expect(sealed.split('.').slice(0, 2)).toEqual(['pe1', '2025-q4']);
    expect(keys.open(sealed, boxContext(12, '12:3:0'))).toBe('{"version":1,"entries":[]}');
    expect(() => keys.open(sealed, boxContext(13, '12:3:0'))).toThrow(PulseKeyError);
    expect(() => keys.open(sealed, boxContext(12, '12:4:0'))).toThrow(PulseKeyError);
  });

  it('use a fresh IV each time: the same box sealed twice looks different', () => {
    const keys = pulseKeyring(OLD);
    const a = keys.seal('same', boxContext(1, '1:0:0'));
    const b = keys.seal('same', boxContext(1, '1:0:0'));
    expect(a).not.toBe(b);
  });

  it('refuse a changed ciphertext, tag or key id', () => {
    const keys = pulseKeyring(`${NEW},${OLD}`);
    const sealed = keys.seal('{"answers":[4]}', boxContext(1, '1:0:0'));
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[4], 'base64url');
    flipped[0] ^= 1;
    expect(() => keys.open([...parts.slice(0, 4), flipped.toString('base64url')].join('.'), boxContext(1, '1:0:0'))).toThrow(PulseKeyError);
    expect(() => keys.open([parts[0], '2025-q4', ...parts.slice(2)].join('.'), boxContext(1, '1:0:0'))).toThrow(PulseKeyError);
    expect(() => keys.open('not an envelope', boxContext(1, '1:0:0'))).toThrow(PulseKeyError);
  });

  it('do not open with another relay\'s key of the same id', () => {
    const mine = pulseKeyring(OLD);
    const theirs = pulseKeyring(`2025-q4=${Buffer.alloc(32, 1).toString('base64')}`);
    expect(() => theirs.open(mine.seal('secret', boxContext(1, '1:0:0')), boxContext(1, '1:0:0'))).toThrow(PulseKeyError);
  });

  it('rotate: a new key first seals from then on, and the old key still opens and recognises what it wrote', () => {
    const before = pulseKeyring(OLD);
    const oldBox = before.seal('old round', boxContext(7, '7:1:0'));
    const oldToken = before.token(7, 'device-key-0123456789');
    const after = pulseKeyring(`${NEW},${OLD}`);
    expect(after.activeId).toBe('2026-q1');
    expect(after.open(oldBox, boxContext(7, '7:1:0'))).toBe('old round');
    expect(after.seal('new', boxContext(7, '7:1:0')).split('.')[1]).toBe('2026-q1');
    // A pending answer made under the old key is still recognised when its device sends it again.
    expect(after.isTokenOf(oldToken, 7, 'device-key-0123456789')).toBe(true);
    expect(after.token(7, 'device-key-0123456789', '2025-q4')).toBe(oldToken);
    expect(after.token(7, 'device-key-0123456789')).not.toBe(oldToken);
    // Dropping the old key loses what it wrote: keep it while its rounds matter.
    expect(() => pulseKeyring(NEW).open(oldBox, boxContext(7, '7:1:0'))).toThrow(PulseKeyError);
  });

  it('make tokens per round and submission key, that reveal neither', () => {
    const keys = pulseKeyring(OLD);
    const token = keys.token(7, 'device-key-0123456789');
    expect(token).toMatch(/^2025-q4:[0-9a-f]{64}$/);
    expect(token).not.toContain('device-key');
    expect(keys.token(8, 'device-key-0123456789')).not.toBe(token);
    expect(keys.isTokenOf(token, 7, 'device-key-0123456789')).toBe(true);
    expect(keys.isTokenOf(token, 7, 'device-key-0123456780')).toBe(false);
    expect(keys.isTokenOf('nokey:00', 7, 'device-key-0123456789')).toBe(false);
  });

  it('tag a person\'s comments per round, under every key, without telling who', () => {
    const keys = pulseKeyring(`${NEW},${OLD}`);
    const tag = keys.authorTag(7, '2B0F5C1E-0000-4000-8000-000000000001');
    expect(tag).toMatch(/^2026-q1:[0-9a-f]{64}$/);
    expect(tag).toBe(keys.authorTag(7, '2b0f5c1e-0000-4000-8000-000000000001'));
    expect(keys.authorTag(8, '2b0f5c1e-0000-4000-8000-000000000001')).not.toBe(tag);
    expect(keys.authorTags(7, '2b0f5c1e-0000-4000-8000-000000000001')).toEqual([tag, pulseKeyring(OLD).authorTag(7, '2b0f5c1e-0000-4000-8000-000000000001')]);
    // Not the submission token of anything: a tag and a token never coincide.
    expect(keys.token(7, 'author:2b0f5c1e-0000-4000-8000-000000000001')).not.toBe(tag);
  });

  it('refuse settings that are not keys, without telling the key', () => {
    expect(() => pulseKeyring('')).toThrow('names no key');
    expect(() => pulseKeyring('k1=short')).toThrow('not 32 bytes');
    expect(() => pulseKeyring(`bad id=${Buffer.alloc(32).toString('base64')}`)).toThrow(PulseKeyError);
    expect(() => pulseKeyring(`${OLD},${OLD}`)).toThrow('given twice');
  });
});
