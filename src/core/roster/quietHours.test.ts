import { parseQuietHours } from './quietHours';
import { inQuietHours } from './rules';

describe('quiet hours from a preference', () => {
  it('reads from and to in the given zone, across midnight too', () => {
    const [quiet] = parseQuietHours('{"from":"22:00","to":"06:00"}', 'Europe/Stockholm');
    expect(quiet).toEqual({ start: '22:00', end: '06:00', timeZone: 'Europe/Stockholm' });
    expect(inQuietHours(new Date('2026-12-07T22:30:00Z'), quiet)).toBe(true);
    expect(inQuietHours(new Date('2026-12-07T12:00:00Z'), quiet)).toBe(false);
  });

  it('takes anything else as none, never as an error', () => {
    for (const text of [undefined, '', 'null', '[]', '{"from":"25:00","to":"06:00"}', '{"from":"22:00"}', '{"from":"07:00","to":"07:00"}', 'not json', '{"from":7,"to":8}']) {
      expect(parseQuietHours(text, 'Europe/Amsterdam')).toEqual([]);
    }
  });
});
