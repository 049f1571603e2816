/**
 * How the relay seals comment-thread messages and names threads (relay/src/pulse/threadsStore.ts):
 * one size for every message, bound to its round and item, thread ids from the comment's token
 * that stay the same across a key rotation and never equal a token or an author tag. Over HTTP
 * in test/integration/relayPulseThreads.test.ts.
 */
import { newPulseKey, PulseKeyError, pulseKeyring } from '../../relay/src/pulse/envelope';
import { MESSAGE_PLAIN_BYTES, messageContext, messagePlainText, messageTitle, parseMessage, type SealedMessage, sealedMessageItem, threadIdOf } from '../../relay/src/pulse/threadsStore';

const OLD = newPulseKey('2025-q4');
const NEW = newPulseKey('2026-q1');

const message = (text: string, kind: SealedMessage['kind'] = 'reply'): SealedMessage => ({ threadId: `2025-q4:${'ab'.repeat(32)}`, kind, role: kind === 'hidden' ? 'hr' : 'leader', text });

describe('thread messages', () => {
  it('come back as they were written, markup, right-to-left text, emoji and control characters alike', () => {
    const text = '<script>x</script> شكرا 🙏 \u0000\u001f "quoted"\n';
    expect(parseMessage(messagePlainText(message(text)))).toEqual(message(text));
  });

  it('take the same room whatever they hold: a hide, a word and the longest reply', () => {
    const sizes = [message('', 'hidden'), message('ok'), message('\u0001'.repeat(1000)), message('🙏'.repeat(500))].map((m) => Buffer.byteLength(messagePlainText(m), 'utf8'));
    expect(new Set(sizes)).toEqual(new Set([MESSAGE_PLAIN_BYTES]));
    const keys = pulseKeyring(OLD);
    const sealed = [message('', 'hidden'), message('x'.repeat(1000))].map((m) => keys.seal(messagePlainText(m), messageContext(4, 'title')).length);
    expect(sealed[0]).toBe(sealed[1]);
    expect(() => messagePlainText(message('x'.repeat(1001)))).toThrow();
  });

  it('open only at the round and item they were sealed for', () => {
    const keys = pulseKeyring(OLD);
    const sealed = keys.seal(messagePlainText(message('Thanks')), messageContext(4, 'k:1'));
    expect(parseMessage(keys.open(sealed, messageContext(4, 'k:1')))?.text).toBe('Thanks');
    expect(() => keys.open(sealed, messageContext(5, 'k:1'))).toThrow(PulseKeyError);
    expect(() => keys.open(sealed, messageContext(4, 'k:2'))).toThrow(PulseKeyError);
  });

  it('are written as an item of Title, round and sealed body only', () => {
    const keys = pulseKeyring(OLD);
    const item = sealedMessageItem(keys, 4, 'request-000000000009', message('Noted'));
    expect(Object.keys(item).sort()).toEqual(['Body', 'RoundId', 'Title']);
    expect(item.Title).toBe(messageTitle(keys, 4, 'request-000000000009'));
    expect(parseMessage(keys.open(String(item.Body), messageContext(4, item.Title)))).toEqual(message('Noted'));
    expect(JSON.stringify(item)).not.toContain('Noted');
  });

  it('refuse plain text that is no message', () => {
    expect(parseMessage('not json')).toBeUndefined();
    expect(parseMessage(JSON.stringify({ v: 1, thread: 't', kind: 'shout', role: 'hr', text: '' }))).toBeUndefined();
    expect(parseMessage(JSON.stringify({ v: 1, thread: 't', kind: 'reply', role: 'owner', text: '' }))).toBeUndefined();
  });
});

describe('thread ids', () => {
  const keys = pulseKeyring(OLD);
  const token = keys.token(7, 'submission-key-0001:one-thing-better');
  const other = keys.token(7, 'submission-key-0002:one-thing-better');

  it('name the comment: the same for its token, unrelated for another comment, never the token or an author tag', () => {
    const id = threadIdOf(keys, 7, { token });
    expect(threadIdOf(keys, 7, { token })).toBe(id);
    expect(threadIdOf(keys, 7, { token: other })).not.toBe(id);
    expect(id).toMatch(/^2025-q4:[0-9a-f]{64}$/);
    expect([token, other, keys.authorTag(7, 'person-1')]).not.toContain(id);
    // Another round, another id.
    expect(threadIdOf(keys, 8, { token })).not.toBe(id);
  });

  it('stay the same when a new key becomes active, while the key that made the token is kept', () => {
    const rotated = pulseKeyring(`${NEW},${OLD}`);
    expect(threadIdOf(rotated, 7, { token })).toBe(threadIdOf(keys, 7, { token }));
    // A comment written after the rotation gets its id from the new key.
    expect(threadIdOf(rotated, 7, { token: rotated.token(7, 'submission-key-0003:q') })).toMatch(/^2026-q1:/);
  });

  it('give each write its own Title, which no one can make without the key', () => {
    expect(messageTitle(keys, 7, 'request-000000000001')).not.toBe(messageTitle(keys, 7, 'request-000000000002'));
    expect(messageTitle(pulseKeyring(NEW), 7, 'request-000000000001')).not.toBe(messageTitle(keys, 7, 'request-000000000001'));
  });
});
