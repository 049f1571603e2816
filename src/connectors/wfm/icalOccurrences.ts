/**
 * From a parsed VCALENDAR to the occurrences that overlap a range, as UTC instants: single
 * events, RRULE/RDATE series expanded with ical.js (EXDATE honoured), RECURRENCE-ID overrides
 * (moved or cancelled occurrences, also when moved into or out of the range), and several
 * versions of one event or occurrence resolved by SEQUENCE (then LAST-MODIFIED/DTSTAMP).
 *
 * Ends: DTEND keeps its wall-clock distance from DTSTART on every occurrence, so a weekly
 * 22:00–06:00 night rota ends at 06:00 also on the night the clocks change (7 h or 9 h).
 * DURATION follows RFC 5545: days and weeks are nominal, hours/minutes/seconds exact.
 * Floating times and all-day dates are read in the feed's zone.
 */
import ICAL from 'ical.js';

import type { TimeRange } from '../../core/roster/types';
import { zonedToUtc } from '../../core/zonedTime';

export interface IcalParticipant {
  readonly email?: string;
  readonly name?: string;
  readonly declined: boolean;
}

/** What person matching, crew lists and the time-off predicate may look at. */
export interface IcalEventInfo {
  readonly uid: string;
  readonly summary?: string;
  readonly description?: string;
  readonly categories: readonly string[];
  readonly allDay: boolean;
  readonly attendees: readonly IcalParticipant[];
  readonly organizer?: IcalParticipant;
  /** Any property's first value as text, e.g. `X-EMPLOYEE-ID` or `X-MICROSOFT-CDO-BUSYSTATUS`. */
  property(name: string): string | undefined;
}

export interface IcalOccurrence {
  /** UID, plus `/` and the original start (RECURRENCE-ID) in UTC for occurrences of a series. */
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly cancelled: boolean;
  readonly event: IcalEventInfo;
}

/** A guard against endless rules read from the start of a long series. */
export const MAX_OCCURRENCES_PER_SERIES = 20_000;

type Time = ICAL.Time;

function firstTime(component: ICAL.Component, name: string): Time | undefined {
  const value = component.getFirstPropertyValue(name);
  return value instanceof ICAL.Time ? value : undefined;
}

function firstText(component: ICAL.Component, name: string): string | undefined {
  const value: unknown = component.getFirstPropertyValue(name);
  if (value === null || value === undefined) {
    return undefined;
  }
  return typeof value === 'string' ? value : String(value);
}

function isFloating(time: Time): boolean {
  return !time.zone || time.zone === ICAL.Timezone.localTimezone || time.zone.tzid === 'floating';
}

/** The UTC instant (ms) of an ical.js time; dates and floating times are read in `feedZone`. */
export function instantOf(time: Time, feedZone: string): number {
  if (time.isDate || isFloating(time)) {
    const wall = { year: time.year, month: time.month, day: time.day, hour: time.isDate ? 0 : time.hour, minute: time.isDate ? 0 : time.minute, second: time.isDate ? 0 : time.second };
    return zonedToUtc(wall, feedZone);
  }
  return time.toUnixTime() * 1000;
}

function sameZone(a: Time, b: Time): boolean {
  return a.isDate === b.isDate && (a.zone?.tzid ?? 'floating') === (b.zone?.tzid ?? 'floating');
}

function endOf(component: ICAL.Component, start: Time, feedZone: string, master?: ICAL.Component): number {
  const dtstart = firstTime(component, 'dtstart');
  const dtend = firstTime(component, 'dtend');
  const startMs = instantOf(start, feedZone);
  if (dtstart && dtend) {
    if (sameZone(dtstart, dtend)) {
      const end = start.clone();
      end.addDuration(dtend.subtractDate(dtstart));
      return instantOf(end, feedZone);
    }
    return startMs + (instantOf(dtend, feedZone) - instantOf(dtstart, feedZone));
  }
  const duration = component.getFirstPropertyValue('duration');
  if (duration instanceof ICAL.Duration) {
    const sign = duration.isNegative ? -1 : 1;
    const end = start.clone();
    end.addDuration(ICAL.Duration.fromData({ weeks: duration.weeks, days: duration.days, isNegative: duration.isNegative }));
    return instantOf(end, feedZone) + sign * (duration.hours * 3600 + duration.minutes * 60 + duration.seconds) * 1000;
  }
  if (master && master !== component) {
    return endOf(master, start, feedZone);
  }
  if (start.isDate) {
    const end = start.clone();
    end.addDuration(ICAL.Duration.fromData({ days: 1 }));
    return instantOf(end, feedZone);
  }
  return startMs;
}

function participant(property: ICAL.Property): IcalParticipant {
  const value: unknown = property.getFirstValue();
  const text = typeof value === 'string' ? value.trim() : '';
  const address = /^mailto:/i.test(text) ? text.slice(7) : text;
  const name: unknown = property.getFirstParameter('cn');
  const partstat: unknown = property.getFirstParameter('partstat');
  return {
    email: address.includes('@') ? address.toLowerCase() : undefined,
    name: typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined,
    declined: typeof partstat === 'string' && partstat.toUpperCase() === 'DECLINED'
  };
}

function eventInfo(component: ICAL.Component, uid: string): IcalEventInfo {
  const categories: string[] = [];
  for (const property of component.getAllProperties('categories')) {
    for (const value of property.getValues() as unknown[]) {
      if (typeof value === 'string' && value.trim() !== '') {
        categories.push(value.trim());
      }
    }
  }
  const organizer = component.getFirstProperty('organizer');
  return {
    uid,
    summary: firstText(component, 'summary'),
    description: firstText(component, 'description'),
    categories,
    allDay: firstTime(component, 'dtstart')?.isDate ?? false,
    attendees: component.getAllProperties('attendee').map(participant),
    organizer: organizer ? participant(organizer) : undefined,
    property: (name: string) => firstText(component, name.toLowerCase())
  };
}

interface Version {
  readonly component: ICAL.Component;
  readonly uid: string;
  /** RECURRENCE-ID as UTC ms; undefined for the master (or a single event). */
  readonly recurrence?: number;
  readonly sequence: number;
  readonly stamp: number;
  readonly index: number;
}

function newer(a: Version, b: Version): boolean {
  if (a.sequence !== b.sequence) {
    return a.sequence > b.sequence;
  }
  if (a.stamp !== b.stamp) {
    return a.stamp > b.stamp;
  }
  return a.index > b.index;
}

function versions(calendar: ICAL.Component, feedZone: string): Version[] {
  const latest = new Map<string, Version>();
  calendar.getAllSubcomponents('vevent').forEach((component, index) => {
    const uid = firstText(component, 'uid') ?? `event-${index + 1}`;
    const recurrenceId = firstTime(component, 'recurrence-id');
    const sequenceValue = Number(firstText(component, 'sequence') ?? 0);
    const stampTime = firstTime(component, 'last-modified') ?? firstTime(component, 'dtstamp');
    const version: Version = {
      component,
      uid,
      recurrence: recurrenceId ? instantOf(recurrenceId, feedZone) : undefined,
      sequence: Number.isFinite(sequenceValue) ? sequenceValue : 0,
      stamp: stampTime ? instantOf(stampTime, feedZone) : 0,
      index
    };
    const key = `${uid}\n${version.recurrence ?? 'master'}`;
    const current = latest.get(key);
    if (!current || newer(version, current)) {
      latest.set(key, version);
    }
  });
  return Array.from(latest.values());
}

function isCancelled(component: ICAL.Component): boolean {
  return (firstText(component, 'status') ?? '').toUpperCase() === 'CANCELLED';
}

/** All occurrences overlapping `range`, cancelled ones included, in no particular order. */
export function expandOccurrences(calendar: ICAL.Component, range: TimeRange, feedZone: string): IcalOccurrence[] {
  const from = range.start.getTime();
  const to = range.end.getTime();
  const all = versions(calendar, feedZone);
  const masters = new Map<string, Version>();
  const overridden = new Map<string, number[]>();
  for (const v of all) {
    if (v.recurrence === undefined) {
      masters.set(v.uid, v);
    } else {
      overridden.set(v.uid, [...(overridden.get(v.uid) ?? []), v.recurrence]);
    }
  }
  const result: IcalOccurrence[] = [];
  const add = (v: Version, id: string, start: number, end: number): void => {
    if (start < to && (end > from || (end === start && start >= from))) {
      result.push({ id, start, end, cancelled: isCancelled(v.component), event: eventInfo(v.component, v.uid) });
    }
  };
  for (const v of all) {
    const component = v.component;
    const dtstart = firstTime(component, 'dtstart');
    if (!dtstart) {
      continue;
    }
    if (v.recurrence !== undefined) {
      const master = masters.get(v.uid)?.component;
      add(v, `${v.uid}/${new Date(v.recurrence).toISOString()}`, instantOf(dtstart, feedZone), endOf(component, dtstart, feedZone, master));
      continue;
    }
    if (!component.hasProperty('rrule') && !component.hasProperty('rdate')) {
      add(v, v.uid, instantOf(dtstart, feedZone), endOf(component, dtstart, feedZone));
      continue;
    }
    const skip = overridden.get(v.uid) ?? [];
    const iterator = new ICAL.Event(component).iterator();
    let count = 0;
    for (let next: Time | null = iterator.next(); next && count < MAX_OCCURRENCES_PER_SERIES; next = iterator.next()) {
      count++;
      const start = instantOf(next, feedZone);
      if (start >= to) {
        break;
      }
      if (!skip.includes(start)) {
        add(v, `${v.uid}/${new Date(start).toISOString()}`, start, endOf(component, next, feedZone));
      }
    }
  }
  return result;
}
