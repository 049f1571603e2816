/**
 * Time zones for iCalendar feeds. A feed's own VTIMEZONE is used by ical.js as is. A TZID the
 * feed names without defining it (many exports write `TZID=Europe/Stockholm` and nothing else)
 * gets a VTIMEZONE generated from the engine's tz database through Intl, added to that parsed
 * calendar only — nothing is registered globally, so feeds cannot disturb each other.
 */
import ICAL from 'ical.js';

import { isValidTimeZone, offsetMinutesAt, zoneTransitions } from '../../core/zonedTime';

/** Years covered by generated definitions; outside them the nearest known offset applies. */
export const GENERATED_ZONE_YEARS = { from: 2000, to: 2040 } as const;

/** Windows zone names that exporters (Outlook, some WFM tools) put in TZID. */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'FLE Standard Time': 'Europe/Helsinki',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC'
};

/**
 * The IANA zone a TZID means: the TZID itself, a Windows name, or the `Area/City` at the end of
 * a prefixed id such as `/freeassociation.sourceforge.net/Europe/Amsterdam`.
 */
export function resolveIanaZone(tzid: string): string | undefined {
  const trimmed = tzid.trim();
  if (isValidTimeZone(trimmed)) {
    return trimmed;
  }
  const windows = WINDOWS_ZONES[trimmed];
  if (windows) {
    return windows;
  }
  const segments = trimmed.split('/').filter((s) => s !== '');
  for (let take = Math.min(3, segments.length); take >= 2; take--) {
    const candidate = segments.slice(segments.length - take).join('/');
    if (isValidTimeZone(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** jCal date-time of a wall-clock time (UTC ms shifted by the offset). */
function localDateTime(utcMs: number, offsetMinutes: number): string {
  return new Date(utcMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
}

const generated = new Map<string, unknown[]>();

function zoneJcal(tzid: string, iana: string): unknown[] {
  const key = `${tzid}\n${iana}`;
  const cached = generated.get(key);
  if (cached) {
    return cached;
  }
  const from = Date.UTC(GENERATED_ZONE_YEARS.from, 0, 1);
  const to = Date.UTC(GENERATED_ZONE_YEARS.to + 1, 0, 1);
  const transitions = zoneTransitions(iana, from, to);
  const firstOffset = offsetMinutesAt(from, iana);
  // A first change at the start of the range, so times before any transition have an offset.
  const changes: unknown[] = [
    ['standard', [['dtstart', {}, 'date-time', localDateTime(from, firstOffset)], ['tzoffsetfrom', {}, 'utc-offset', offsetText(firstOffset)], ['tzoffsetto', {}, 'utc-offset', offsetText(firstOffset)]], []]
  ];
  for (const t of transitions) {
    changes.push([
      t.offsetAfter > t.offsetBefore ? 'daylight' : 'standard',
      [
        ['dtstart', {}, 'date-time', localDateTime(t.at, t.offsetBefore)],
        ['tzoffsetfrom', {}, 'utc-offset', offsetText(t.offsetBefore)],
        ['tzoffsetto', {}, 'utc-offset', offsetText(t.offsetAfter)]
      ],
      []
    ]);
  }
  const jcal: unknown[] = ['vtimezone', [['tzid', {}, 'text', tzid], ['x-lic-location', {}, 'text', iana]], changes];
  generated.set(key, jcal);
  return jcal;
}

/** A VTIMEZONE for `tzid` from the tz database of the engine (cached per zone). */
export function generatedVtimezone(tzid: string, iana: string): ICAL.Component {
  return new ICAL.Component(JSON.parse(JSON.stringify(zoneJcal(tzid, iana))) as unknown[]);
}

/**
 * Adds a generated VTIMEZONE to `calendar` for each TZID used but not defined in it. Returns
 * the TZIDs that are neither defined nor a known zone (the caller reports them).
 */
export function completeTimezones(calendar: ICAL.Component, tzidsUsed: readonly string[], tzidsDefined: readonly string[]): string[] {
  const unknown: string[] = [];
  for (const tzid of tzidsUsed) {
    if (tzidsDefined.includes(tzid)) {
      continue;
    }
    const iana = resolveIanaZone(tzid);
    if (iana) {
      calendar.addSubcomponent(generatedVtimezone(tzid, iana));
    } else {
      unknown.push(tzid);
    }
  }
  return unknown;
}
