/**
 * A structural check of an iCalendar (RFC 5545) text before ical.js reads it, so a broken feed
 * is reported by line and problem ("line 14: DTSTART "2026-13-45" is not a date-time") instead
 * of a parser's internal message, and ical.js never sees a feed it would half-read.
 */
import ICAL from 'ical.js';

import { RosterError } from '../../core/roster/types';

export interface ContentLine {
  /** 1-based line of the text where the (folded) content line starts. */
  readonly line: number;
  readonly name: string;
  readonly params: string;
  readonly value: string;
}

/** What the check learned about the feed, for time-zone set-up. */
export interface FeedFacts {
  /** TZIDs referenced by properties. */
  readonly tzidsUsed: readonly string[];
  /** TZIDs with a VTIMEZONE in the feed. */
  readonly tzidsDefined: readonly string[];
  /** X-WR-TIMEZONE, the zone many exporters name for the whole calendar. */
  readonly calendarTimeZone?: string;
  readonly prodId?: string;
  readonly eventCount: number;
}

function malformed(problem: string): RosterError {
  return new RosterError('malformedFeed', `The roster feed is not a valid iCalendar file: ${problem}`);
}

/** Unfolds (RFC 5545 3.1) and keeps each content line's first physical line number. */
export function unfold(text: string): Array<{ line: number; text: string }> {
  const result: Array<{ line: number; text: string }> = [];
  const physical = text.split(/\r\n|\n|\r/);
  physical.forEach((raw, index) => {
    const last = result[result.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) {
      last.text += raw.slice(1);
    } else if (raw.trim() !== '') {
      result.push({ line: index + 1, text: raw });
    }
  });
  return result;
}

/** NAME;PARAM=…:value — the first colon outside double quotes ends the parameters. */
export function parseContentLine(text: string, line: number): ContentLine | undefined {
  const nameMatch = /^([A-Za-z0-9-]+)([;:])/.exec(text);
  if (!nameMatch) {
    return undefined;
  }
  let quoted = false;
  for (let i = nameMatch[1].length; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      quoted = !quoted;
    } else if (c === ':' && !quoted) {
      return { line, name: nameMatch[1].toUpperCase(), params: text.slice(nameMatch[1].length, i), value: text.slice(i + 1) };
    }
  }
  return undefined;
}

/** A parameter's value from the raw `;A=b;C="d"` text (case-insensitive name). */
export function paramValue(params: string, name: string): string | undefined {
  const pattern = /;([A-Za-z0-9-]+)=("[^"]*"|[^;:]*)/g;
  for (let m = pattern.exec(params); m; m = pattern.exec(params)) {
    if (m[1].toUpperCase() === name.toUpperCase()) {
      return m[2].replace(/^"|"$/g, '');
    }
  }
  return undefined;
}

const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;
const DURATION_VALUE = /^[+-]?P(?:\d+W|(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)$/;
const DATE_PROPERTIES = ['DTSTART', 'DTEND', 'DUE', 'RECURRENCE-ID', 'EXDATE', 'RDATE', 'DTSTAMP', 'LAST-MODIFIED', 'CREATED'];

function realDate(value: string): boolean {
  const m = DATE_VALUE.exec(value);
  if (!m) {
    return false;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    return false;
  }
  return m[4] === undefined || (Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 60);
}

function checkDateProperty(cl: ContentLine): string | undefined {
  const isPeriod = (paramValue(cl.params, 'VALUE') ?? '').toUpperCase() === 'PERIOD';
  for (const item of cl.value.split(',')) {
    const [start, rest] = isPeriod ? item.split('/') : [item, undefined];
    const startOk = realDate(start.trim());
    const restOk = rest === undefined || realDate(rest.trim()) || DURATION_VALUE.test(rest.trim());
    if (!startOk || !restOk) {
      return `line ${cl.line}: ${cl.name} "${cl.value}" is not a valid date or date-time (expected e.g. 20260328T220000 or 20260328)`;
    }
  }
  return undefined;
}

function checkProperty(cl: ContentLine): string | undefined {
  if (DATE_PROPERTIES.includes(cl.name)) {
    return checkDateProperty(cl);
  }
  if (cl.name === 'DURATION' && !DURATION_VALUE.test(cl.value.trim())) {
    return `line ${cl.line}: DURATION "${cl.value}" is not a duration (expected e.g. PT8H)`;
  }
  if (cl.name === 'RRULE') {
    try {
      const rule = ICAL.Recur.fromString(cl.value);
      if (!rule.freq) {
        return `line ${cl.line}: RRULE "${cl.value}" has no FREQ`;
      }
    } catch (error) {
      return `line ${cl.line}: RRULE "${cl.value}" cannot be read (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  return undefined;
}

function describeStart(text: string): string {
  const start = text.replace(/^\s+/, '').slice(0, 40).replace(/\s+/g, ' ');
  if (/^<(!doctype|html|\?xml|head|body)/i.test(start) || /<html[\s>]/i.test(text.slice(0, 2000))) {
    return `the answer is an HTML page ("${start}…"), often a sign-in or error page, not an iCalendar feed`;
  }
  if (/^[[{]/.test(start)) {
    return `the answer is JSON ("${start}…"), not an iCalendar feed`;
  }
  return `it does not start with BEGIN:VCALENDAR (found "${start}")`;
}

interface OpenComponent {
  readonly name: string;
  readonly line: number;
  hasDtstart: boolean;
  uid?: string;
}

/** Checks structure and values; returns facts or throws RosterError('malformedFeed'). */
export function checkIcalText(text: string): FeedFacts {
  const lines = unfold(text.replace(/^\uFEFF/, ''));
  if (lines.length === 0) {
    throw malformed('the feed is empty');
  }
  if (lines[0].text.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    throw malformed(describeStart(text));
  }
  const stack: OpenComponent[] = [];
  const tzidsUsed: string[] = [];
  const tzidsDefined: string[] = [];
  let calendarTimeZone: string | undefined;
  let prodId: string | undefined;
  let eventCount = 0;
  let closed = false;
  // Structure first: a feed cut off mid-line is reported as cut off, not as a bad value.
  let firstProblem: string | undefined;
  const note = (problem: string): void => {
    firstProblem = firstProblem ?? problem;
  };
  for (const { line, text: raw } of lines) {
    if (closed) {
      throw malformed(`line ${line}: content after END:VCALENDAR ("${raw.slice(0, 40)}")`);
    }
    const cl = parseContentLine(raw, line);
    if (!cl) {
      note(`line ${line}: "${raw.slice(0, 60)}" is not an iCalendar content line (NAME:value)`);
      continue;
    }
    const top = stack[stack.length - 1];
    if (cl.name === 'BEGIN') {
      stack.push({ name: cl.value.trim().toUpperCase(), line, hasDtstart: false });
      continue;
    }
    if (cl.name === 'END') {
      const name = cl.value.trim().toUpperCase();
      if (!top || top.name !== name) {
        throw malformed(`line ${line}: END:${name} does not close ${top ? `BEGIN:${top.name} (line ${top.line})` : 'anything'}`);
      }
      if (name === 'VEVENT') {
        eventCount++;
        if (!top.hasDtstart) {
          note(`line ${top.line}: the VEVENT${top.uid ? ` ${top.uid}` : ''} has no DTSTART`);
        }
      }
      stack.pop();
      closed = stack.length === 0;
      continue;
    }
    if (!top) {
      throw malformed(`line ${line}: ${cl.name} outside BEGIN:VCALENDAR`);
    }
    const problem = checkProperty(cl);
    if (problem) {
      note(top.uid ? `${problem} (event ${top.uid})` : problem);
    }
    const tzid = paramValue(cl.params, 'TZID');
    if (tzid && !tzidsUsed.includes(tzid)) {
      tzidsUsed.push(tzid);
    }
    if (cl.name === 'DTSTART') {
      top.hasDtstart = true;
    } else if (cl.name === 'UID') {
      top.uid = cl.value;
    } else if (cl.name === 'TZID' && top.name === 'VTIMEZONE') {
      tzidsDefined.push(cl.value.trim());
    } else if (cl.name === 'X-WR-TIMEZONE' && top.name === 'VCALENDAR') {
      calendarTimeZone = cl.value.trim();
    } else if (cl.name === 'PRODID' && top.name === 'VCALENDAR') {
      prodId = cl.value.trim();
    }
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1];
    throw malformed(
      `the feed ends inside BEGIN:${open.name} (line ${open.line}) — it is cut off (missing ${stack
        .map((c) => `END:${c.name}`)
        .reverse()
        .join(', ')})`
    );
  }
  if (firstProblem) {
    throw malformed(firstProblem);
  }
  return { tzidsUsed, tzidsDefined, calendarTimeZone, prodId, eventCount };
}

/**
 * ical.js reads values lazily: read every event's values now, so no error waits for a query.
 * Call after every TZID has its VTIMEZONE — a value read earlier keeps a floating time.
 */
export function readAllValues(calendar: ICAL.Component): void {
  calendar.getAllSubcomponents('vevent').forEach((event, index) => {
    for (const property of event.getAllProperties()) {
      try {
        property.getValues();
      } catch (error) {
        const uid: unknown = event.getFirstPropertyValue('uid');
        const which = typeof uid === 'string' ? uid : `number ${index + 1}`;
        throw malformed(`event ${which}: ${property.name.toUpperCase()} cannot be read (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  });
}

/** Checks, then parses with ical.js (values still unread); the VCALENDAR and what the check learned. */
export function parseIcal(text: string): { calendar: ICAL.Component; facts: FeedFacts } {
  const facts = checkIcalText(text);
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text.replace(/^\uFEFF/, '')) as unknown[]);
  } catch (error) {
    throw malformed(error instanceof Error ? error.message : String(error));
  }
  return { calendar, facts };
}
