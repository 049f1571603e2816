/**
 * Rosters from an iCalendar (RFC 5545) feed — the export most WFM systems (Quinyx, Planday,
 * UKG…) offer: either a personal feed (every event is the signed-in person's) or a crew feed
 * whose events name their people (ATTENDEE, ORGANIZER, or a property such as X-EMPLOYEE-ID).
 */
import axios, { AxiosInstance } from 'axios';
import ICAL from 'ical.js';

import type { CrewMember, RosterSource, Shift, TimeOff, TimeRange } from '../../core/roster/types';
import { RosterError } from '../../core/roster/types';
import {
  assertFeedUrl,
  CachedFeed,
  DEFAULT_MAX_AGE_MS,
  DEFAULT_RUNTIME,
  FeedHttpOptions,
  FeedBackedSource,
  fetchFeedText,
  FetchRuntime,
  LastGoodStore
} from './feedFetcher';
import { expandOccurrences, IcalEventInfo, IcalOccurrence, IcalParticipant } from './icalOccurrences';
import { parseIcal, readAllValues } from './icalText';
import { completeTimezones, resolveIanaZone } from './icalTimezones';
import { isValidTimeZone } from '../../core/zonedTime';

/** How a crew feed's events are matched to the signed-in person. */
export interface IcalPersonMatch {
  /** Matched against ATTENDEE (or, on events without attendees, ORGANIZER) `mailto:`. */
  readonly email?: string;
  /** Matched against the value of `employeeIdProperty`. */
  readonly employeeId?: string;
  /** The event property holding the employee id; default `X-EMPLOYEE-ID`. */
  readonly employeeIdProperty?: string;
}

export interface IcalTimeOffRule {
  /** CATEGORIES values (case-insensitive) that mark time off; default DEFAULT_TIME_OFF_CATEGORIES. */
  readonly categories?: readonly string[];
  /** Decides instead of the categories when given. */
  readonly isTimeOff?: (event: IcalEventInfo) => boolean;
}

export interface IcalRosterOptions extends FeedHttpOptions {
  /** The feed address (a personal export URL or a crew feed). */
  readonly url: string;
  /** Absent: a personal feed. Present: a crew feed, filtered to this person. */
  readonly personMatch?: IcalPersonMatch;
  /** Zone of floating times and all-day dates; default X-WR-TIMEZONE, else the one zone the feed uses, else UTC. */
  readonly timeZone?: string;
  readonly timeOff?: IcalTimeOffRule;
  /** The directory id put on the person's shifts and time off, when the host knows it. */
  readonly personId?: string;
  /** The crew key put on shifts; default the event's X-CREW-ID. */
  readonly crewId?: string;
}

export const DEFAULT_TIME_OFF_CATEGORIES: readonly string[] = [
  'time off', 'timeoff', 'time-off', 'leave', 'absence', 'vacation', 'holiday', 'sick', 'pto',
  'ledig', 'ledighet', 'semester', 'frånvaro', 'sjuk', 'verlof', 'vakantie', 'afwezig', 'ziek'
];

/** A parsed feed and the zone its floating times and dates are read in. */
export interface ParsedFeed {
  readonly calendar: ICAL.Component;
  readonly feedZone: string;
}

export type IcalFeedStore = LastGoodStore<ParsedFeed>;

/** Reads and parses an iCalendar text; RosterError('malformedFeed') with line and problem on failure. */
export function parseFeed(text: string, configuredZone?: string): ParsedFeed {
  const { calendar, facts } = parseIcal(text);
  const unknownZones = completeTimezones(calendar, facts.tzidsUsed, facts.tzidsDefined);
  if (unknownZones.length > 0) {
    throw new RosterError('malformedFeed', `The roster feed uses time zone "${unknownZones[0]}", which it does not define and which is not a known zone`);
  }
  readAllValues(calendar);
  const named = facts.calendarTimeZone ? resolveIanaZone(facts.calendarTimeZone) : undefined;
  // Else the one zone the feed uses, if it uses exactly one.
  const zones: string[] = [];
  for (const tzid of [...facts.tzidsDefined, ...facts.tzidsUsed]) {
    const zone = resolveIanaZone(tzid);
    if (zone && !zones.includes(zone)) {
      zones.push(zone);
    }
  }
  const only = zones.length === 1 ? zones[0] : undefined;
  return { calendar, feedZone: configuredZone ?? named ?? only ?? 'UTC' };
}

function validate(options: IcalRosterOptions): void {
  const what = 'iCalendar roster feed';
  assertFeedUrl(options.url, what);
  const match = options.personMatch;
  if (match && !match.email?.trim() && !match.employeeId?.trim()) {
    throw new RosterError('notConfigured', `${what}: "personMatch" needs "email" or "employeeId" to find the person in a crew feed`);
  }
  if (options.timeZone !== undefined && !isValidTimeZone(options.timeZone)) {
    throw new RosterError('notConfigured', `${what}: "timeZone" "${options.timeZone}" is not an IANA time zone such as Europe/Stockholm`);
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function overlapsMs(o: IcalOccurrence, start: number, end: number): boolean {
  return o.start < end && o.end > start;
}

export class IcalRosterSource extends FeedBackedSource<ParsedFeed> implements RosterSource {
  protected readonly feed: CachedFeed<ParsedFeed>;
  private readonly categories: readonly string[];

  public constructor(
    private readonly options: IcalRosterOptions,
    http: AxiosInstance = axios.create(),
    store: IcalFeedStore = new LastGoodStore<ParsedFeed>(),
    runtime: FetchRuntime = DEFAULT_RUNTIME
  ) {
    super();
    validate(options);
    this.categories = (options.timeOff?.categories ?? DEFAULT_TIME_OFF_CATEGORIES).map((c) => c.toLowerCase());
    const load = async (): Promise<ParsedFeed> => {
      const text = await fetchFeedText(http, options.url, 'text/calendar, text/plain;q=0.5, */*;q=0.1', options, runtime);
      return parseFeed(text, options.timeZone);
    };
    this.feed = new CachedFeed(options.url, load, store, options.maxAgeMs ?? DEFAULT_MAX_AGE_MS, runtime.now);
  }

  public async myShifts(range: TimeRange): Promise<Shift[]> {
    const occurrences = await this.mine(range);
    return occurrences
      .filter((o) => !o.event.allDay && !this.isTimeOff(o.event))
      .map((o) => ({
        id: o.id,
        personId: this.options.personId,
        crewId: this.crewOf(o.event),
        start: iso(o.start),
        end: iso(o.end),
        label: o.event.summary,
        notes: o.event.description,
        status: o.cancelled ? 'cancelled' : 'scheduled'
      }));
  }

  public async myTimeOff(range: TimeRange): Promise<TimeOff[]> {
    const occurrences = await this.mine(range);
    return occurrences
      .filter((o) => !o.cancelled && this.isTimeOff(o.event))
      .map((o) => ({
        id: o.id,
        personId: this.options.personId,
        start: iso(o.start),
        end: iso(o.end),
        reason: o.event.summary ?? this.timeOffCategory(o.event)
      }));
  }

  /** Other people on events overlapping the shift (crew feeds only; a personal feed knows no one else). */
  public async crewOnShift(shift: Shift): Promise<CrewMember[]> {
    if (!this.options.personMatch) {
      return [];
    }
    const start = Date.parse(shift.start);
    const end = Date.parse(shift.end);
    const crew = new Map<string, CrewMember>();
    for (const o of await this.occurrences({ start: new Date(start), end: new Date(end) })) {
      if (o.cancelled || o.event.allDay || this.isTimeOff(o.event) || !overlapsMs(o, start, end)) {
        continue;
      }
      const crewId = this.crewOf(o.event);
      if (shift.crewId && crewId && crewId !== shift.crewId) {
        continue;
      }
      for (const member of this.people(o.event)) {
        if (!crew.has(member.personId)) {
          crew.set(member.personId, member);
        }
      }
    }
    return Array.from(crew.values());
  }

  private async occurrences(range: TimeRange): Promise<IcalOccurrence[]> {
    const feed = await this.feed.current();
    try {
      return expandOccurrences(feed.calendar, range, feed.feedZone);
    } catch (error) {
      // A rule ical.js accepted but cannot expand.
      throw new RosterError('malformedFeed', `The roster feed has an event that cannot be expanded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async mine(range: TimeRange): Promise<IcalOccurrence[]> {
    return (await this.occurrences(range)).filter((o) => this.isMine(o.event)).sort((a, b) => a.start - b.start);
  }

  private crewOf(event: IcalEventInfo): string | undefined {
    return this.options.crewId ?? event.property('X-CREW-ID');
  }

  private timeOffCategory(event: IcalEventInfo): string | undefined {
    return event.categories.find((c) => this.categories.includes(c.toLowerCase()));
  }

  private isTimeOff(event: IcalEventInfo): boolean {
    const predicate = this.options.timeOff?.isTimeOff;
    if (predicate) {
      return predicate(event);
    }
    return this.timeOffCategory(event) !== undefined || (event.property('X-MICROSOFT-CDO-BUSYSTATUS') ?? '').toUpperCase() === 'OOF';
  }

  private employeeIdOf(event: IcalEventInfo): string | undefined {
    return event.property(this.options.personMatch?.employeeIdProperty ?? 'X-EMPLOYEE-ID')?.trim();
  }

  /** The people an event is for: attendees who did not decline, else the organizer. */
  private participants(event: IcalEventInfo): IcalParticipant[] {
    const attending = event.attendees.filter((a) => !a.declined);
    if (event.attendees.length > 0) {
      return attending;
    }
    return event.organizer ? [event.organizer] : [];
  }

  private isMine(event: IcalEventInfo): boolean {
    const match = this.options.personMatch;
    if (!match) {
      return true;
    }
    const employeeId = match.employeeId?.trim();
    if (employeeId && this.employeeIdOf(event) === employeeId) {
      return true;
    }
    const email = match.email?.trim().toLowerCase();
    return !!email && this.participants(event).some((p) => p.email === email);
  }

  private people(event: IcalEventInfo): CrewMember[] {
    const me = this.options.personMatch?.email?.trim().toLowerCase();
    const myId = this.options.personMatch?.employeeId?.trim();
    const employeeId = this.employeeIdOf(event);
    const participants = this.participants(event);
    if (participants.length <= 1 && employeeId) {
      // One person's event, identified by the employee id property.
      if (employeeId === myId || (me && participants[0]?.email === me)) {
        return [];
      }
      const displayName = participants[0]?.name ?? event.summary ?? employeeId;
      return [{ personId: participants[0]?.email ?? employeeId, displayName }];
    }
    return participants
      .filter((p) => p.email !== undefined && p.email !== me)
      .map((p) => ({ personId: p.email ?? '', displayName: p.name ?? (participants.length === 1 ? event.summary : undefined) ?? p.email ?? '' }));
  }
}
