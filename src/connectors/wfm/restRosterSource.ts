/**
 * Rosters from a REST/JSON feed of a WFM system, read through a declared field mapping (see
 * restMapping.ts), following next-page links. Same HTTP behaviour as the iCalendar source:
 * timeout, retries on 429/503, RosterError codes, last good roster kept when a read fails.
 */
import axios, { AxiosInstance } from 'axios';

import type { CrewMember, RosterSource, Shift, TimeOff, TimeRange } from '../../core/roster/types';
import { RosterError } from '../../core/roster/types';
import {
  assertFeedUrl,
  CachedFeed,
  DEFAULT_MAX_AGE_MS,
  DEFAULT_RUNTIME,
  describeUrl,
  FeedHttpOptions,
  FeedBackedSource,
  fetchFeedText,
  FetchRuntime,
  LastGoodStore
} from './feedFetcher';
import { readItem, RestFeedMapping, RestItem, textAt, validateMapping, valueAt } from './restMapping';

export interface RestPersonMatch {
  /** Compared with the item's `fields.personId`. */
  readonly personId?: string;
  /** Compared (case-insensitive) with the item's `fields.personEmail`. */
  readonly email?: string;
}

export interface RestRosterOptions extends RestFeedMapping, FeedHttpOptions {
  /** First page of the feed. */
  readonly url: string;
  /** Absent: every item is the signed-in person's. Present: a crew feed, filtered to this person. */
  readonly personMatch?: RestPersonMatch;
  /** A guard against endless paging; default 20. */
  readonly maxPages?: number;
}

export type RestFeedStore = LastGoodStore<RestItem[]>;

const DEFAULT_MAX_PAGES = 20;

function malformed(message: string): RosterError {
  return new RosterError('malformedFeed', `The roster feed is not readable: ${message}`);
}

function validate(options: RestRosterOptions): void {
  assertFeedUrl(options.url, 'REST roster feed');
  validateMapping(options);
  const match = options.personMatch;
  if (match) {
    if (!match.personId?.trim() && !match.email?.trim()) {
      throw new RosterError('notConfigured', 'REST roster feed mapping: "personMatch" needs "personId" or "email" to find the person in a crew feed');
    }
    if (match.personId && !options.fields.personId) {
      throw new RosterError('notConfigured', 'REST roster feed mapping: "fields.personId" is missing — it is needed to match "personMatch.personId"');
    }
    if (match.email && !options.fields.personEmail) {
      throw new RosterError('notConfigured', 'REST roster feed mapping: "fields.personEmail" is missing — it is needed to match "personMatch.email"');
    }
  }
  if (options.maxPages !== undefined && !(options.maxPages >= 1)) {
    throw new RosterError('notConfigured', 'REST roster feed mapping: "maxPages" must be at least 1');
  }
}

function parseJson(text: string, page: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const start = text.replace(/^\s+/, '').slice(0, 40).replace(/\s+/g, ' ');
    const hint = start.startsWith('<') ? ' — it is an HTML page, often a sign-in or error page' : '';
    throw malformed(`page ${page} is not JSON (starts with "${start}")${hint}`);
  }
}

/** Reads every page of the feed into checked items. */
export async function readAllPages(
  url: string,
  options: RestRosterOptions,
  fetchText: (pageUrl: string) => Promise<string>
): Promise<RestItem[]> {
  const items: RestItem[] = [];
  const seen: string[] = [];
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  for (let pageUrl: string | undefined = url, page = 1; pageUrl; page++) {
    if (page > maxPages) {
      throw malformed(`it has more than ${maxPages} pages`);
    }
    seen.push(pageUrl);
    const body = parseJson(await fetchText(pageUrl), page);
    const list = valueAt(body, options.itemsPath);
    if (!Array.isArray(list)) {
      throw malformed(`page ${page} has no list at "${options.itemsPath || '(the page itself)'}"`);
    }
    list.forEach((item, index) => items.push(readItem(item, `page ${page}, item ${index + 1}`, options)));
    const next = options.nextPagePath ? textAt(body, options.nextPagePath) : undefined;
    let nextUrl: string | undefined;
    if (next) {
      try {
        nextUrl = new URL(next, pageUrl).href;
      } catch {
        throw malformed(`page ${page} links to "${next}", which is not an address`);
      }
      if (seen.includes(nextUrl)) {
        throw malformed(`page ${page} links back to an earlier page (${describeUrl(nextUrl)})`);
      }
    }
    pageUrl = nextUrl;
  }
  return items;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export class RestRosterSource extends FeedBackedSource<RestItem[]> implements RosterSource {
  protected readonly feed: CachedFeed<RestItem[]>;

  public constructor(
    private readonly options: RestRosterOptions,
    http: AxiosInstance = axios.create(),
    store: RestFeedStore = new LastGoodStore<RestItem[]>(),
    runtime: FetchRuntime = DEFAULT_RUNTIME
  ) {
    super();
    validate(options);
    const load = (): Promise<RestItem[]> =>
      readAllPages(options.url, options, (pageUrl) => fetchFeedText(http, pageUrl, 'application/json', options, runtime));
    this.feed = new CachedFeed(options.url, load, store, options.maxAgeMs ?? DEFAULT_MAX_AGE_MS, runtime.now);
  }

  public async myShifts(range: TimeRange): Promise<Shift[]> {
    return (await this.mine(range))
      .filter((item) => !item.timeOff)
      .map((item) => ({
        id: item.id,
        personId: item.personId,
        crewId: item.crewId,
        start: iso(item.start),
        end: iso(item.end),
        label: item.label,
        notes: item.notes,
        status: item.cancelled ? 'cancelled' : 'scheduled'
      }));
  }

  public async myTimeOff(range: TimeRange): Promise<TimeOff[]> {
    return (await this.mine(range))
      .filter((item) => item.timeOff && !item.cancelled)
      .map((item) => ({ id: item.id, personId: item.personId, start: iso(item.start), end: iso(item.end), reason: item.reason ?? item.label }));
  }

  /** Other people's shifts overlapping this one, in the same crew when both name one. */
  public async crewOnShift(shift: Shift): Promise<CrewMember[]> {
    if (!this.options.personMatch) {
      return [];
    }
    const start = Date.parse(shift.start);
    const end = Date.parse(shift.end);
    const crew = new Map<string, CrewMember>();
    for (const item of await this.feed.current()) {
      const personId = item.personId ?? item.email;
      if (item.cancelled || item.timeOff || this.isMine(item) || !personId || item.start >= end || item.end <= start) {
        continue;
      }
      if (shift.crewId && item.crewId && item.crewId !== shift.crewId) {
        continue;
      }
      if (!crew.has(personId)) {
        crew.set(personId, { personId, displayName: item.displayName ?? item.email ?? personId });
      }
    }
    return Array.from(crew.values());
  }

  private async mine(range: TimeRange): Promise<RestItem[]> {
    const from = range.start.getTime();
    const to = range.end.getTime();
    return (await this.feed.current())
      .filter((item) => this.isMine(item) && item.start < to && item.end > from)
      .sort((a, b) => a.start - b.start);
  }

  private isMine(item: RestItem): boolean {
    const match = this.options.personMatch;
    if (!match) {
      return true;
    }
    const personId = match.personId?.trim();
    const email = match.email?.trim().toLowerCase();
    return (!!personId && item.personId === personId) || (!!email && item.email === email);
  }
}
