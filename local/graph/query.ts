/**
 * OData query options as Graph answers them: `$select`, `$top` with `$skiptoken` paging and
 * absolute `@odata.nextLink`s, `$filter` (parsed with odata-v4-parser into a small tree the
 * routes evaluate) and `$search` clauses (`"displayName:ann" OR "mail:ann"`).
 */
import { filter as parseFilter } from 'odata-v4-parser';

import { badRequest, GraphCall } from './http';

/** `$select` as canonical property names, or undefined when absent. Unknown names: 400, as Graph. */
export function parseSelect(call: GraphCall, known: readonly string[], typeName: string): string[] | undefined {
  const raw = call.request.query.get('$select');
  if (raw === null || raw.trim() === '') {
    return undefined;
  }
  const byLower = new Map(known.map((name) => [name.toLowerCase(), name]));
  return raw.split(',').map((part) => {
    const name = byLower.get(part.trim().toLowerCase());
    if (!name) {
      throw badRequest(`Could not find a property named '${part.trim()}' on type '${typeName}'.`, 'Request_BadRequest');
    }
    return name;
  });
}

export function project(entity: Readonly<Record<string, unknown>>, select: readonly string[] | undefined, defaults: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of select ?? defaults) {
    out[name] = name in entity ? entity[name] : null;
  }
  return out;
}

export interface PageOptions {
  readonly defaultSize: number;
  readonly maxSize: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextLink?: string;
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function decodeToken(token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { o?: unknown }).o === 'number') {
      return (parsed as { o: number }).o;
    }
  } catch {
    // fall through
  }
  throw badRequest('The $skiptoken is not valid. Use the @odata.nextLink the previous page returned.', 'Request_BadRequest');
}

/** Reads `$top` (1..max) or the default page size. */
export function pageSize(call: GraphCall, options: PageOptions): number {
  const raw = call.request.query.get('$top');
  if (raw === null) {
    return options.defaultSize;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > options.maxSize) {
    throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${options.maxSize} inclusive.`, 'Request_BadRequest');
  }
  return value;
}

/** One page of `items` and the absolute nextLink (same query, plus `$skiptoken`). */
export function paginate<T>(call: GraphCall, items: readonly T[], options: PageOptions): Page<T> {
  const size = pageSize(call, options);
  const token = call.request.query.get('$skiptoken');
  const offset = token === null ? 0 : decodeToken(token);
  const pageItems = items.slice(offset, offset + size);
  if (offset + size >= items.length) {
    return { items: pageItems };
  }
  const parts: string[] = [];
  call.request.query.forEach((value, key) => {
    if (key.toLowerCase() !== '$skiptoken') {
      parts.push(`${key}=${encodeURIComponent(value)}`);
    }
  });
  parts.push(`$skiptoken=${encodeToken(offset + size)}`);
  return { items: pageItems, nextLink: `${call.root}${call.path}?${parts.join('&')}` };
}

// ---- $filter ----------------------------------------------------------------------------

export type Literal =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null'; readonly value: null }
  | { readonly type: 'datetime'; readonly value: number; readonly text: string };

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterNode =
  | { readonly kind: 'and'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'compare'; readonly op: ComparisonOperator; readonly property: string; readonly value: Literal }
  | { readonly kind: 'startswith'; readonly property: string; readonly value: string };

const OPERATORS: Readonly<Record<string, ComparisonOperator>> = {
  EqualsExpression: 'eq',
  NotEqualsExpression: 'ne',
  GreaterThanExpression: 'gt',
  GreaterOrEqualsExpression: 'ge',
  LesserThanExpression: 'lt',
  LesserOrEqualsExpression: 'le'
};

interface Token {
  readonly type: string;
  readonly raw: string;
  readonly value: unknown;
}

function asToken(value: unknown): Token | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const record = value as Record<string, unknown>;
  return typeof record.type === 'string' && typeof record.raw === 'string' ? { type: record.type, raw: record.raw, value: record.value } : undefined;
}

function child(token: Token, name: string): Token | undefined {
  const value = token.value;
  return typeof value === 'object' && value !== null ? asToken((value as Record<string, unknown>)[name]) : undefined;
}

function propertyPath(token: Token | undefined): string | undefined {
  if (token && /MemberExpression$|PropertyPathExpression$/.test(token.type)) {
    return token.raw;
  }
  return undefined;
}

function literal(token: Token | undefined, clause: string): Literal {
  if (!token || token.type !== 'Literal') {
    throw badRequest(`Invalid filter clause: '${clause}' must compare a property with a value.`);
  }
  const type = typeof token.value === 'string' ? token.value : '';
  if (type === 'Edm.String') {
    return { type: 'string', value: token.raw.slice(1, -1).replace(/''/g, "'") };
  }
  if (type === 'Edm.Boolean') {
    return { type: 'boolean', value: token.raw.toLowerCase() === 'true' };
  }
  if (type === 'null') {
    return { type: 'null', value: null };
  }
  if (type === 'Edm.DateTimeOffset' || type === 'Edm.Date') {
    const time = Date.parse(token.raw);
    if (Number.isNaN(time)) {
      throw badRequest(`Invalid filter clause: '${token.raw}' is not a valid date and time.`);
    }
    return { type: 'datetime', value: time, text: token.raw };
  }
  const number = Number(token.raw);
  if (/^Edm\.(S?Byte|Int\d+|Decimal|Double|Single)$/.test(type) && Number.isFinite(number)) {
    return { type: 'number', value: number };
  }
  throw badRequest(`Invalid filter clause: unsupported literal '${token.raw}'.`);
}

function convert(token: Token | undefined): FilterNode {
  if (!token) {
    throw badRequest('Invalid filter clause.');
  }
  if (token.type === 'AndExpression' || token.type === 'OrExpression') {
    const left = convert(child(token, 'left'));
    const right = convert(child(token, 'right'));
    return token.type === 'AndExpression' ? { kind: 'and', left, right } : { kind: 'or', left, right };
  }
  if (token.type === 'BoolParenExpression' || token.type === 'ParenExpression') {
    return convert(asToken(token.value));
  }
  const op = OPERATORS[token.type];
  if (op) {
    const property = propertyPath(child(token, 'left'));
    if (!property) {
      throw badRequest(`Invalid filter clause: '${token.raw}' must start with a property.`);
    }
    return { kind: 'compare', op, property, value: literal(child(token, 'right'), token.raw) };
  }
  if (token.type === 'MethodCallExpression' && typeof token.value === 'object' && token.value !== null) {
    const call = token.value as { method?: unknown; parameters?: unknown };
    const parameters = Array.isArray(call.parameters) ? call.parameters.map(asToken) : [];
    const property = propertyPath(parameters[0]);
    const value = parameters[1] ? literal(parameters[1], token.raw) : undefined;
    if (String(call.method).toLowerCase() === 'startswith' && property && value && value.type === 'string') {
      return { kind: 'startswith', property, value: value.value };
    }
  }
  throw badRequest(`Unsupported or invalid query filter clause specified: '${token.raw}'.`, 'Request_UnsupportedQuery');
}

/** Parses `$filter` (undefined when absent). A `+` in a time offset that URL decoding turned into a space is restored. */
export function parseFilterOption(call: GraphCall): FilterNode | undefined {
  const raw = call.request.query.get('$filter');
  if (raw === null || raw.trim() === '') {
    return undefined;
  }
  const text = raw.trim().replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:\d{2})/g, '$1+$2');
  let token: Token | undefined;
  try {
    token = asToken(parseFilter(text));
  } catch {
    token = undefined;
  }
  if (!token || token.raw.length !== text.length) {
    throw badRequest(`Invalid filter clause: syntax error in '${raw}'.`);
  }
  return convert(token);
}

/** Every property path the filter uses. */
export function filterProperties(node: FilterNode): string[] {
  if (node.kind === 'and' || node.kind === 'or') {
    return filterProperties(node.left).concat(filterProperties(node.right));
  }
  return [node.property];
}

export function usesNegation(node: FilterNode): boolean {
  if (node.kind === 'and' || node.kind === 'or') {
    return usesNegation(node.left) || usesNegation(node.right);
  }
  return node.kind === 'compare' && node.op === 'ne';
}

function compareValues(actual: unknown, literalValue: Literal, op: ComparisonOperator): boolean {
  let left: string | number | boolean | null;
  let right: string | number | boolean | null;
  if (literalValue.type === 'datetime') {
    left = typeof actual === 'string' ? Date.parse(actual) : null;
    right = literalValue.value;
  } else if (literalValue.type === 'string') {
    left = typeof actual === 'string' ? actual.toLowerCase() : actual === null || actual === undefined ? null : String(actual).toLowerCase();
    right = literalValue.value.toLowerCase();
  } else {
    left = actual === undefined ? null : (actual as string | number | boolean | null);
    right = literalValue.value;
  }
  if (op === 'eq') {
    return left === right;
  }
  if (op === 'ne') {
    return left !== right;
  }
  if (left === null || right === null || (typeof left === 'number' && Number.isNaN(left))) {
    return false;
  }
  if (op === 'gt') {
    return left > right;
  }
  if (op === 'ge') {
    return left >= right;
  }
  if (op === 'lt') {
    return left < right;
  }
  return left <= right;
}

/** Evaluates a filter against an entity; `get` reads a property path such as `sharedShift/startDateTime`. */
export function evaluate(node: FilterNode, get: (path: string) => unknown): boolean {
  if (node.kind === 'and') {
    return evaluate(node.left, get) && evaluate(node.right, get);
  }
  if (node.kind === 'or') {
    return evaluate(node.left, get) || evaluate(node.right, get);
  }
  const actual = get(node.property);
  if (node.kind === 'startswith') {
    return typeof actual === 'string' && actual.toLowerCase().startsWith(node.value.toLowerCase());
  }
  return compareValues(actual, node.value, node.op);
}

/** Reads `a/b/c` from nested objects. */
export function pathGetter(entity: Readonly<Record<string, unknown>>): (path: string) => unknown {
  return (path) => {
    let current: unknown = entity;
    for (const part of path.split('/')) {
      if (typeof current !== 'object' || current === null) {
        return undefined;
      }
      const record = current as Record<string, unknown>;
      const key = Object.keys(record).find((name) => name.toLowerCase() === part.toLowerCase());
      current = key === undefined ? undefined : record[key];
    }
    return current;
  };
}

// ---- $search ----------------------------------------------------------------------------

export interface SearchClause {
  readonly property: string;
  readonly term: string;
}

/** `"displayName:ann" OR "mail:ann"` → clauses and how they combine (one operator per query). */
export function parseSearch(raw: string): { readonly clauses: SearchClause[]; readonly operator: 'AND' | 'OR' } {
  const pattern = /"([^"]*)"|\s+(AND|OR)\s+/gy;
  const clauses: SearchClause[] = [];
  const operators = new Set<'AND' | 'OR'>();
  const text = raw.trim();
  let index = 0;
  while (index < text.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) {
      throw badRequest(
        `Syntax error in $search '${raw}': put each clause in double quotes, e.g. $search="displayName:ann".`,
        'Request_UnsupportedQuery'
      );
    }
    if (match[1] !== undefined) {
      const colon = match[1].indexOf(':');
      if (colon <= 0) {
        throw badRequest(`Invalid $search clause "${match[1]}": use "property:term".`, 'Request_UnsupportedQuery');
      }
      clauses.push({ property: match[1].slice(0, colon).trim(), term: match[1].slice(colon + 1).trim() });
    } else if (match[2] === 'AND' || match[2] === 'OR') {
      operators.add(match[2]);
    }
    index = pattern.lastIndex;
  }
  if (clauses.length === 0 || operators.size > 1 || operators.size !== (clauses.length > 1 ? 1 : 0)) {
    throw badRequest(`Invalid $search '${raw}'.`, 'Request_UnsupportedQuery');
  }
  return { clauses, operator: operators.has('AND') ? 'AND' : 'OR' };
}
