import {
  answeredBy,
  authorActsCutoff,
  checkThreadText,
  mayAnswerBack,
  messagesByThread,
  parseThreadRequest,
  type StoredThreadMessage,
  THREAD_TEXT_MAX,
  threadFor
} from './threads';

const DAY = 24 * 60 * 60 * 1000;
const MONDAY = Date.UTC(2026, 11, 7);

const message = (kind: StoredThreadMessage['kind'], role: StoredThreadMessage['role'], writtenAt: number, text = '', threadId = 'k1:c1'): StoredThreadMessage => ({ threadId, kind, role, text, writtenAt });

describe('a comment thread', () => {
  const thread = [
    message('reply', 'hr', MONDAY + 9 * 3600_000, 'Thanks, we will look at the handover.'),
    message('answer', 'employee', MONDAY + 10 * 3600_000, 'It is the night shift mostly.'),
    message('reply', 'leader', MONDAY + 11 * 3600_000, 'Noted for Thursday.')
  ];

  it('reads to its author with every message at once, in the order written', () => {
    const view = threadFor(thread);
    expect(view).toEqual({
      status: 'visible',
      messages: [
        { role: 'hr', text: 'Thanks, we will look at the handover.' },
        { role: 'employee', text: 'It is the night shift mostly.' },
        { role: 'leader', text: 'Noted for Thursday.' }
      ]
    });
    expect(answeredBy(view)).toBe('leader');
    expect(mayAnswerBack(view)).toBe(true);
  });

  it('shows HR and leaders the author’s answer back only from the next midnight (UTC), their own at once', () => {
    const sameDay = threadFor(thread, { authorActsBefore: authorActsCutoff(new Date(MONDAY + 12 * 3600_000)) });
    expect(sameDay.messages.map((m) => m.role)).toEqual(['hr', 'leader']);
    const nextDay = threadFor(thread, { authorActsBefore: authorActsCutoff(new Date(MONDAY + DAY + 60_000)) });
    expect(nextDay.messages.map((m) => m.role)).toEqual(['hr', 'employee', 'leader']);
  });

  it('is deleted for good by its author, for others from the next midnight, and HR showing it again does not undo that', () => {
    const deleted = thread.concat([message('deleted', 'employee', MONDAY + 13 * 3600_000), message('shown', 'hr', MONDAY + DAY + 3600_000)]);
    expect(threadFor(deleted).status).toBe('deleted');
    expect(threadFor(deleted, { authorActsBefore: authorActsCutoff(new Date(MONDAY + 14 * 3600_000)) }).status).toBe('visible');
    expect(threadFor(deleted, { authorActsBefore: authorActsCutoff(new Date(MONDAY + DAY + 7200_000)) }).status).toBe('deleted');
    expect(mayAnswerBack(threadFor(deleted))).toBe(false);
  });

  it('is hidden by HR and shown again by HR’s last word', () => {
    const hidden = [message('hidden', 'hr', MONDAY), message('reply', 'hr', MONDAY + 1, 'Please keep it respectful.')];
    expect(threadFor(hidden).status).toBe('hidden');
    expect(mayAnswerBack(threadFor(hidden))).toBe(false);
    expect(threadFor(hidden.concat([message('shown', 'hr', MONDAY + 2)])).status).toBe('visible');
  });

  it('lets the author answer back only once someone replied', () => {
    expect(mayAnswerBack(threadFor([]))).toBe(false);
    expect(answeredBy(threadFor([]))).toBeUndefined();
    expect(answeredBy(threadFor([message('reply', 'hr', MONDAY, 'x'), message('answer', 'employee', MONDAY + 1, 'y')]))).toBeUndefined();
  });

  it('groups messages by thread, keeping each thread’s order', () => {
    const byThread = messagesByThread([message('reply', 'hr', 1, 'a', 't1'), message('reply', 'hr', 2, 'b', 't2'), message('answer', 'employee', 3, 'c', 't1')]);
    expect([...byThread.keys()]).toEqual(['t1', 't2']);
    expect(byThread.get('t1')?.map((m) => m.text)).toEqual(['a', 'c']);
  });
});

describe('a thread request', () => {
  const threadId = `k1:${'ab'.repeat(32)}`;
  const requestId = 'req-0123456789abcdef';

  it('takes a reply verbatim (markup, emoji, right-to-left text) up to the comment limit', () => {
    const text = '<b>Bedankt</b> 🙏 شكرا';
    expect(parseThreadRequest({ threadId, requestId, text }, 'text')).toEqual({ ok: true, request: { threadId, requestId, text } });
    expect(checkThreadText('x'.repeat(THREAD_TEXT_MAX))).toEqual({ ok: true, text: 'x'.repeat(THREAD_TEXT_MAX) });
  });

  it('names the broken rule', () => {
    expect(parseThreadRequest('nope', 'text')).toEqual({ ok: false, error: 'body' });
    expect(parseThreadRequest({ threadId: 'k1:short', requestId, text: 'x' }, 'text')).toEqual({ ok: false, error: 'threadId' });
    expect(parseThreadRequest({ threadId, requestId: 'short', text: 'x' }, 'text')).toEqual({ ok: false, error: 'requestId' });
    expect(parseThreadRequest({ threadId, requestId, text: '  \n ' }, 'text')).toEqual({ ok: false, error: 'textEmpty' });
    expect(parseThreadRequest({ threadId, requestId, text: 'x'.repeat(THREAD_TEXT_MAX + 1) }, 'text')).toEqual({ ok: false, error: 'textTooLong' });
    expect(parseThreadRequest({ threadId, requestId, text: 5 }, 'text')).toEqual({ ok: false, error: 'text' });
    expect(parseThreadRequest({ threadId, requestId, hidden: 'yes' }, 'hidden')).toEqual({ ok: false, error: 'hidden' });
  });

  it('takes HR’s hide or show, and a deletion with ids only', () => {
    expect(parseThreadRequest({ threadId, requestId, hidden: false }, 'hidden')).toEqual({ ok: true, request: { threadId, requestId, hidden: false } });
    expect(parseThreadRequest({ threadId, requestId, text: 'ignored' }, 'nothing')).toEqual({ ok: true, request: { threadId, requestId } });
  });
});
