/**
 * The declared field mapping of a REST/JSON roster feed: which dot path in each item holds
 * what. Validated when a source is built (a clear message naming the missing or wrong field),
 * then applied to `unknown` JSON with narrowing only.
 */
import { RosterError } from '../../core/roster/types';
import { isValidTimeZone, parseIsoInstant } from '../../core/zonedTime';

/** A dot path into JSON: `employee.email`, `data.shifts`, `items.0.id`. */
export type JsonPath = string;

export interface RestFieldMapping {
  readonly id: JsonPath;
  readonly start: JsonPath;
  readonly end: JsonPath;
  readonly personId?: JsonPath;
  readonly personEmail?: JsonPath;
  readonly displayName?: JsonPath;
  readonly crewId?: JsonPath;
  readonly label?: JsonPath;
  readonly notes?: JsonPath;
  /** Items whose value here is one of `cancelledValues` (case-insensitive) are cancelled. */
  readonly status?: { readonly path: JsonPath; readonly cancelledValues: readonly string[] };
  /** Items whose value here is one of `timeOffValues` are time off, not shifts. */
  readonly kind?: { readonly path: JsonPath; readonly timeOffValues: readonly string[] };
  /** Time-off reason; default the label. */
  readonly reason?: JsonPath;
}

export interface RestFeedMapping {
  /** Path to the item list in each page; `''` when the page itself is the list. */
  readonly itemsPath: JsonPath;
  readonly fields: RestFieldMapping;
  /** IANA zone of local times without offset (`2026-03-28T22:00`). */
  readonly timeZone?: string;
  /** Path to the next page's address (absolute or relative); absent or empty ends paging. */
  readonly nextPagePath?: JsonPath;
}

/** One item, read and checked. */
export interface RestItem {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly personId?: string;
  readonly email?: string;
  readonly displayName?: string;
  readonly crewId?: string;
  readonly label?: string;
  readonly notes?: string;
  readonly reason?: string;
  readonly cancelled: boolean;
  readonly timeOff: boolean;
}

const PATH = /^[^.\s]+(\.[^.\s]+)*$/;
const FIELD_HINTS: Readonly<Record<string, string>> = {
  id: 'each item\'s id, e.g. "shiftId"',
  start: 'each item\'s start, e.g. "startUtc"',
  end: 'each item\'s end, e.g. "endUtc"'
};

function notConfigured(message: string): RosterError {
  return new RosterError('notConfigured', `REST roster feed mapping: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkPath(value: unknown, name: string, required: boolean): void {
  if (value === undefined && !required) {
    return;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    const hint = FIELD_HINTS[name.replace(/^fields\./, '')];
    throw notConfigured(`"${name}" is missing${hint ? ` — give the path to ${hint}` : ''}`);
  }
  if (!PATH.test(value)) {
    throw notConfigured(`"${name}" ("${value}") is not a dot path such as "employee.email"`);
  }
}

function checkValues(value: unknown, name: string): void {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
    throw notConfigured(`"${name}" must list at least one value (text)`);
  }
}

/** Throws RosterError('notConfigured') naming the first problem of a mapping. */
export function validateMapping(mapping: unknown): asserts mapping is RestFeedMapping {
  if (!isRecord(mapping)) {
    throw notConfigured('the mapping is missing');
  }
  if (mapping.itemsPath !== '') {
    checkPath(mapping.itemsPath, 'itemsPath', true);
  }
  const fields = mapping.fields;
  if (!isRecord(fields)) {
    throw notConfigured('"fields" is missing — it names the paths of id, start and end in each item');
  }
  for (const name of ['id', 'start', 'end']) {
    checkPath(fields[name], `fields.${name}`, true);
  }
  for (const name of ['personId', 'personEmail', 'displayName', 'crewId', 'label', 'notes', 'reason']) {
    checkPath(fields[name], `fields.${name}`, false);
  }
  if (fields.status !== undefined) {
    const status = fields.status;
    checkPath(isRecord(status) ? status.path : undefined, 'fields.status.path', true);
    checkValues(isRecord(status) ? status.cancelledValues : undefined, 'fields.status.cancelledValues');
  }
  if (fields.kind !== undefined) {
    const kind = fields.kind;
    checkPath(isRecord(kind) ? kind.path : undefined, 'fields.kind.path', true);
    checkValues(isRecord(kind) ? kind.timeOffValues : undefined, 'fields.kind.timeOffValues');
  }
  checkPath(mapping.nextPagePath, 'nextPagePath', false);
  if (mapping.timeZone !== undefined && (typeof mapping.timeZone !== 'string' || !isValidTimeZone(mapping.timeZone))) {
    throw notConfigured(`"timeZone" ("${String(mapping.timeZone)}") is not an IANA time zone such as Europe/Stockholm`);
  }
}

/** The value at a dot path, or undefined. Numeric segments index arrays. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  if (path === '') {
    return root;
  }
  let current: unknown = root;
  for (const segment of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      current = current[Number(segment)];
    } else if (isRecord(current)) {
      current = current[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

/** Text at a path: strings trimmed, numbers and booleans as text, anything else undefined. */
export function textAt(root: unknown, path: JsonPath | undefined): string | undefined {
  if (path === undefined) {
    return undefined;
  }
  const value = valueAt(root, path);
  if (typeof value === 'string') {
    return value.trim() === '' ? undefined : value.trim();
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return undefined;
}

function oneOf(value: string | undefined, values: readonly string[] | undefined): boolean {
  return value !== undefined && !!values && values.some((v) => v.toLowerCase() === value.toLowerCase());
}

/**
 * Reads one item; throws RosterError('malformedFeed') naming the item and field when a
 * required value is missing or not a date-time.
 */
export function readItem(item: unknown, where: string, mapping: RestFeedMapping): RestItem {
  const fields = mapping.fields;
  const problem = (message: string): RosterError => new RosterError('malformedFeed', `The roster feed has a broken item (${where}): ${message}`);
  if (!isRecord(item)) {
    throw problem('it is not an object');
  }
  const id = textAt(item, fields.id);
  if (!id) {
    throw problem(`"${fields.id}" (the id) is missing`);
  }
  const instant = (path: string, what: string): number => {
    const text = textAt(item, path);
    if (!text) {
      throw problem(`"${path}" (the ${what}) is missing`);
    }
    const parsed = parseIsoInstant(text, mapping.timeZone);
    if (!parsed.ok) {
      throw problem(`"${path}": ${parsed.problem}`);
    }
    return parsed.instant;
  };
  const start = instant(fields.start, 'start');
  const end = instant(fields.end, 'end');
  if (end < start) {
    throw problem(`it ends (${new Date(end).toISOString()}) before it starts (${new Date(start).toISOString()})`);
  }
  const email = textAt(item, fields.personEmail);
  return {
    id,
    start,
    end,
    personId: textAt(item, fields.personId),
    email: email?.toLowerCase(),
    displayName: textAt(item, fields.displayName),
    crewId: textAt(item, fields.crewId),
    label: textAt(item, fields.label),
    notes: textAt(item, fields.notes),
    reason: textAt(item, fields.reason),
    cancelled: oneOf(textAt(item, fields.status?.path), fields.status?.cancelledValues),
    timeOff: oneOf(textAt(item, fields.kind?.path), fields.kind?.timeOffValues)
  };
}
