import { MAX_NOTICE_KEYS, noticeKeysOf, renewalOpen, withNoticeKeys, withoutNoticeKeys } from './renewalRecord';

const d = (iso: string): Date => new Date(iso);

describe('the renewal notices kept on an assignment', () => {
  it('reads one key a line, each once, ignoring blank lines and what is not text', () => {
    expect(noticeKeysOf('a:2027-03-28:7\r\n\n  a:2027-03-28:9 \na:2027-03-28:7')).toEqual(['a:2027-03-28:7', 'a:2027-03-28:9']);
    expect(noticeKeysOf(null)).toEqual([]);
    expect(noticeKeysOf(12)).toEqual([]);
  });

  it('adds keys after the stored ones, once, and removes keys that were not sent', () => {
    const stored = withNoticeKeys(undefined, ['k:1', 'k:2']);
    expect(stored).toBe('k:1\nk:2');
    expect(withNoticeKeys(stored, ['k:2', 'k:3'])).toBe('k:1\nk:2\nk:3');
    expect(withoutNoticeKeys('k:1\nk:2\nk:3', ['k:2'])).toBe('k:1\nk:3');
  });

  it('keeps only the newest keys when there are too many', () => {
    const many = Array.from({ length: MAX_NOTICE_KEYS + 5 }, (_, i) => `k:${i}`);
    const kept = noticeKeysOf(withNoticeKeys(undefined, many));
    expect(kept).toHaveLength(MAX_NOTICE_KEYS);
    expect(kept[0]).toBe('k:5');
    expect(kept[kept.length - 1]).toBe(`k:${MAX_NOTICE_KEYS + 4}`);
  });
});

describe('whether the person has the renewal open', () => {
  const skillKey = 'got-press1-p1:12';
  const assessedAt = d('2026-03-28T09:00:00Z');
  const ends = d('2027-03-28T08:00:00Z');

  it('is not open without an assignment, or with the one the skill was assessed after', () => {
    expect(renewalOpen(undefined, skillKey, assessedAt, ends)).toBe(false);
    expect(renewalOpen({ created: '2026-01-10T08:00:00Z', assignedVia: 'crew:team-a' }, skillKey, assessedAt, ends)).toBe(false);
  });

  it('is open for an assignment made after the last assessment (HR assigned it again)', () => {
    expect(renewalOpen({ created: '2027-02-01T08:00:00Z', assignedVia: 'person' }, skillKey, assessedAt, ends)).toBe(true);
  });

  it('is open when the timer renewed it for this skill up to this end, not for an earlier end or another skill', () => {
    const renewed = { created: '2026-01-10T08:00:00Z', assignedVia: `renewal:${skillKey}`, dueDate: ends.toISOString() };
    expect(renewalOpen(renewed, skillKey, assessedAt, ends)).toBe(true);
    // Renewed since: the skill now ends a year later, the old renewal is done.
    expect(renewalOpen(renewed, skillKey, d('2027-03-20T09:00:00Z'), d('2028-03-20T09:00:00Z'))).toBe(false);
    expect(renewalOpen({ ...renewed, assignedVia: 'renewal:got-weld2-r1:12' }, skillKey, assessedAt, ends)).toBe(false);
  });

  it('without a known assessment only the timer\'s own renewal counts as open', () => {
    expect(renewalOpen({ created: '2027-02-01T08:00:00Z' }, skillKey, undefined, ends)).toBe(false);
  });
});
