/**
 * A person's quiet hours as SE_Preferences keeps them (`QuietHours`: JSON `{ "from": "HH:mm",
 * "to": "HH:mm" }`, docs/data-model.md), read in a time zone: no prompt and no reminder inside
 * them (`mayPromptNow`, `planReminders`). Anything else (blank, malformed, a time that is no time
 * of day) is no quiet hours at all, never an error: a preference cannot break a page.
 */
import type { QuietHours } from './rules';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export function parseQuietHours(text: string | undefined, timeZone: string): QuietHours[] {
  let value: unknown;
  try {
    value = JSON.parse(text || 'null');
  } catch {
    return [];
  }
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  const { from, to } = value as { from?: unknown; to?: unknown };
  const valid = (t: unknown): t is string => typeof t === 'string' && TIME_OF_DAY.test(t);
  return valid(from) && valid(to) && from !== to ? [{ start: from, end: to, timeZone }] : [];
}
