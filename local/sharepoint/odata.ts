/**
 * OData query options of SharePoint REST, translated to SQL for the item tables.
 * `$filter` is parsed with the `odata-v4-parser` library; SharePoint's OData v3 spellings
 * (`datetime'…'`, `substringof('x', Field)`) are accepted as SharePoint accepts them.
 */
import { filter as parseFilter } from 'odata-v4-parser';

import { errors } from './errors';
import { isLenient } from './leniency';

export type ColumnKind = 'text' | 'number' | 'boolean' | 'date' | 'user';

export interface ColumnRef {
  /** SQL column name (already safe to quote). */
  readonly column: string;
  readonly kind: ColumnKind;
  readonly indexed: boolean;
}

/** Resolves a field path as written in a query (`Title`, `RecipientId`, `Recipient/Id`, `ID`). */
export type ResolveColumn = (path: string) => ColumnRef | undefined;

export interface SqlFilter {
  readonly where: string;
  readonly params: Array<string | number | null>;
  /**
   * The leftmost condition of the filter, which SharePoint's throttling looks at first; when
   * the filter starts with several AND-ed conditions on that same column (an ID range:
   * `ID gt 10 and ID le 20`), all of them, as SharePoint narrows by the index with the range.
   */
  readonly first?: { readonly column: ColumnRef; readonly where: string; readonly params: Array<string | number | null> };
  /** The filter uses `or` or `not`, which a list over the threshold refuses (see `queryItems`). */
  readonly widens: boolean;
}

/** Date and time functions of SharePoint's REST `$filter`, as SQLite `strftime` formats. */
const DATE_PARTS: Record<string, string> = {
  year: '%Y',
  month: '%m',
  day: '%d',
  hour: '%H',
  minute: '%M',
  second: '%S'
};

interface Token {
  type: string;
  raw: string;
  value: unknown;
}

function isToken(value: unknown): value is Token {
  return typeof value === 'object' && value !== null && 'type' in value && 'raw' in value;
}

const COMPARISONS: Record<string, string> = {
  EqualsExpression: '=',
  NotEqualsExpression: '<>',
  LesserThanExpression: '<',
  LesserOrEqualsExpression: '<=',
  GreaterThanExpression: '>',
  GreaterOrEqualsExpression: '>='
};

/** Normalises an ISO date-time to the stored form `YYYY-MM-DDTHH:MM:SSZ`. */
export function normaliseDate(value: string): string | undefined {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    return undefined;
  }
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

class FilterTranslator {
  public readonly params: Array<string | number | null> = [];
  public first: SqlFilter['first'];
  public widens = false;
  /** Still on the leading AND chain (no OR or NOT seen before the current condition). */
  private leading = true;

  public constructor(
    private readonly resolve: ResolveColumn,
    private readonly literals: readonly string[] = []
  ) {}

  private noteCondition(column: ColumnRef, where: string, params: Array<string | number | null>): void {
    if (!this.first) {
      this.first = { column, where, params };
    } else if (this.leading && this.first.column.column === column.column) {
      this.first = { column, where: `${this.first.where} AND ${where}`, params: [...this.first.params, ...params] };
    } else {
      this.leading = false;
    }
  }

  public translate(node: Token): string {
    switch (node.type) {
      case 'CommonExpression':
      case 'BoolParenExpression':
      case 'ParenExpression':
        return `(${this.translate(node.value as Token)})`;
      case 'AndExpression':
      case 'OrExpression': {
        const { left, right } = node.value as { left: Token; right: Token };
        const op = node.type === 'AndExpression' ? 'AND' : 'OR';
        if (op === 'OR') {
          // An OR widens: only its first condition counts as "first", nothing after it leads.
          const leftSql = this.translate(left);
          this.leading = false;
          this.widens = true;
          return `(${leftSql} OR ${this.translate(right)})`;
        }
        return `(${this.translate(left)} AND ${this.translate(right)})`;
      }
      case 'NotExpression': {
        const sql = `NOT (${this.translate(node.value as Token)})`;
        this.leading = false;
        this.widens = true;
        return sql;
      }
      case 'MethodCallExpression':
        return this.method(node);
      default:
        if (node.type in COMPARISONS) {
          return this.comparison(node);
        }
        throw errors.badQuery(`The expression "${node.raw}" is not supported.`);
    }
  }

  private column(node: Token): ColumnRef {
    const path = node.raw.trim();
    const ref = this.resolve(path);
    if (!ref) {
      throw errors.fieldNotFound(path);
    }
    return ref;
  }

  private literal(node: Token, kind: ColumnKind): string | number | null {
    const raw = node.raw.trim();
    const type = String(node.value);
    if (type === 'null') {
      return null;
    }
    if (type === 'Edm.String') {
      const placeholder = /^'s(\d+)'$/.exec(raw);
      const text = placeholder ? this.literals[Number(placeholder[1])] ?? '' : raw.slice(1, -1).replace(/''/g, "'");
      if (kind === 'date') {
        const date = normaliseDate(text);
        if (!date) {
          throw errors.badQuery(`"${text}" is not a valid date-time.`);
        }
        return date;
      }
      if (kind === 'number' || kind === 'user') {
        const numeric = Number(text);
        if (Number.isNaN(numeric)) {
          throw errors.badQuery(`"${text}" is not a number.`);
        }
        return numeric;
      }
      if (kind === 'boolean') {
        return text === '1' || text.toLowerCase() === 'true' ? 1 : 0;
      }
      return text;
    }
    if (type === 'Edm.Boolean') {
      return raw.toLowerCase() === 'true' ? 1 : 0;
    }
    if (type === 'Edm.DateTimeOffset' || type === 'Edm.Date') {
      return normaliseDate(raw) ?? raw;
    }
    const numeric = Number(raw);
    if (Number.isNaN(numeric)) {
      throw errors.badQuery(`The literal "${raw}" is not supported.`);
    }
    if (kind === 'boolean') {
      return numeric === 0 ? 0 : 1;
    }
    return numeric;
  }

  private comparison(node: Token): string {
    const { left, right } = node.value as { left: Token; right: Token };
    const leftIsMember = left.type === 'FirstMemberExpression' || left.type === 'MethodCallExpression';
    const memberNode = leftIsMember ? left : right;
    const literalNode = leftIsMember ? right : left;
    const datePart = memberNode.type === 'MethodCallExpression' ? this.datePart(memberNode) : undefined;
    if ((memberNode.type !== 'FirstMemberExpression' && !datePart) || literalNode.type !== 'Literal') {
      throw errors.badQuery(`The expression "${node.raw}" must compare a field with a value.`);
    }
    const column = datePart?.column ?? this.column(memberNode);
    const value = datePart ? this.literal(literalNode, 'number') : this.literal(literalNode, column.kind);
    let op = COMPARISONS[node.type];
    if (!leftIsMember) {
      op = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[op] ?? op;
    }
    let sql: string;
    const params: Array<string | number | null> = [];
    if (value === null) {
      if (op !== '=' && op !== '<>') {
        throw errors.badQuery(`"${node.raw}": null can only be compared with eq or ne.`);
      }
      sql = `${column.column} IS ${op === '=' ? '' : 'NOT '}NULL`;
    } else {
      sql = `${datePart ? datePart.sql : column.column} ${op} ?`;
      params.push(value);
    }
    this.params.push(...params);
    // A date part (`year(Created) eq 2026`) cannot use the column's index.
    this.noteCondition(datePart ? { ...column, indexed: false } : column, sql, params);
    return sql;
  }

  /** `year(Created)` and the other date and time functions, on a date-time column. */
  private datePart(node: Token): { column: ColumnRef; sql: string } | undefined {
    const { method, parameters } = node.value as { method: string; parameters: Token[] };
    const format = DATE_PARTS[method.toLowerCase()];
    const [member] = parameters;
    if (!format || parameters.length !== 1 || member.type !== 'FirstMemberExpression') {
      return undefined;
    }
    const column = this.column(member);
    if (column.kind !== 'date') {
      throw errors.badQuery(`${method} needs a date and time field.`);
    }
    return { column, sql: `CAST(strftime('${format}', ${column.column}) AS INTEGER)` };
  }

  private method(node: Token): string {
    const { method, parameters } = node.value as { method: string; parameters: Token[] };
    const name = method.toLowerCase();
    if ((name === 'endswith' && !isLenient('endswith')) || (name === 'contains' && !isLenient('contains'))) {
      // `endswith` is listed among the operators SharePoint's REST service does not support;
      // `contains` is OData v4, and SharePoint's service (OData v3) lists only `substringof`.
      throw errors.badQuery(`The function "${method}" is not supported.`);
    }
    if (name === 'startswith' || name === 'substringof' || name === 'contains' || name === 'endswith') {
      const [a, b] = parameters;
      const memberFirst = name !== 'substringof';
      const member = memberFirst ? a : b;
      const literal = memberFirst ? b : a;
      if (!member || !literal || member.type !== 'FirstMemberExpression' || literal.type !== 'Literal') {
        throw errors.badQuery(`${method} needs a field and a text value.`);
      }
      const column = this.column(member);
      const text = String(this.literal(literal, 'text') ?? '');
      const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
      const pattern = name === 'startswith' ? `${escaped}%` : name === 'endswith' ? `%${escaped}` : `%${escaped}%`;
      const sql = `${column.column} LIKE ? ESCAPE '\\'`;
      this.params.push(pattern);
      this.noteCondition(column, sql, [pattern]);
      return sql;
    }
    throw errors.badQuery(`The function "${method}" is not supported.`);
  }
}

/** The body of the quoted literal that starts at `filter[open]` (a `'`), and the index after its closing quote. */
function readQuoted(filter: string, open: number): { body: string; end: number } | undefined {
  let body = '';
  for (let i = open + 1; i < filter.length; i += 1) {
    if (filter[i] !== "'") {
      body += filter[i];
    } else if (filter[i + 1] === "'") {
      body += "'";
      i += 1;
    } else {
      return { body, end: i + 1 };
    }
  }
  return undefined;
}

const DATETIME_PREFIX = /datetime'/iy;
const ISO_DATE_TIME = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?Z/y;

/**
 * Prepares a `$filter` for the parser, reading it once from left to right:
 *
 * - String literals (`'…'`, with doubled apostrophes) are swapped for placeholders and their
 *   texts looked up again when translated: the parser reads URI syntax, where a literal may
 *   not hold characters such as `#`, `|` or `%` unencoded, and SharePoint reads the decoded
 *   query. Nothing inside a literal is rewritten: a text that looks like a date-time
 *   (`Title eq '2026-01-01T00:00:00.000Z'`) stays that text.
 * - Outside literals, SharePoint's OData v3 `datetime'…'` becomes an OData v4 DateTimeOffset
 *   literal, and ISO date-times lose their fractions (SharePoint compares whole seconds).
 */
function prepareFilter(filter: string): { text: string; literals: string[] } {
  const literals: string[] = [];
  let text = '';
  let i = 0;
  while (i < filter.length) {
    const wordStart = i === 0 || !/[A-Za-z0-9_]/.test(filter[i - 1]);
    DATETIME_PREFIX.lastIndex = i;
    if (wordStart && DATETIME_PREFIX.test(filter)) {
      const quoted = readQuoted(filter, i + 'datetime'.length);
      if (quoted) {
        const normalised = normaliseDate(quoted.body);
        if (!normalised) {
          throw errors.badQuery(`The expression "datetime'${quoted.body}'" is not a valid date-time.`);
        }
        text += normalised;
        i = quoted.end;
        continue;
      }
    }
    if (filter[i] === "'") {
      const quoted = readQuoted(filter, i);
      if (!quoted) {
        // Unterminated: left as written, for the parser to refuse.
        text += filter.slice(i);
        break;
      }
      literals.push(quoted.body);
      text += `'s${literals.length - 1}'`;
      i = quoted.end;
      continue;
    }
    ISO_DATE_TIME.lastIndex = i;
    const iso = ISO_DATE_TIME.exec(filter);
    if (iso) {
      text += `${iso[1]}Z`;
      i += iso[0].length;
      continue;
    }
    text += filter[i];
    i += 1;
  }
  return { text, literals };
}

export function translateFilter(filterText: string, resolve: ResolveColumn): SqlFilter {
  let ast: unknown;
  const { text, literals } = prepareFilter(filterText);
  try {
    ast = parseFilter(text);
  } catch (error) {
    if (error instanceof Error && error.name === 'SharePointError') {
      throw error;
    }
    throw errors.badQuery(`The query is not valid: $filter=${filterText}`);
  }
  if (!isToken(ast)) {
    throw errors.badQuery(`The query is not valid: $filter=${filterText}`);
  }
  const translator = new FilterTranslator(resolve, literals);
  const where = translator.translate(ast);
  return { where, params: translator.params, first: translator.first, widens: translator.widens };
}

export interface OrderBy {
  readonly column: ColumnRef;
  readonly path: string;
  readonly descending: boolean;
}

export function parseOrderBy(text: string, resolve: ResolveColumn): OrderBy[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [path, direction = 'asc'] = part.split(/\s+/);
      const column = resolve(path);
      if (!column) {
        throw errors.fieldNotFound(path);
      }
      const dir = direction.toLowerCase();
      if (dir !== 'asc' && dir !== 'desc') {
        throw errors.badQuery(`"${part}" is not a valid $orderby.`);
      }
      return { column, path, descending: dir === 'desc' };
    });
}

/** `$select=Title,Recipient/Title` → top-level names and expanded user paths. */
export function parseSelect(text: string | null): { fields: string[]; expanded: Map<string, string[]> } | undefined {
  if (!text || text.trim() === '' || text.trim() === '*') {
    return undefined;
  }
  const fields: string[] = [];
  const expanded = new Map<string, string[]>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const slash = part.indexOf('/');
    if (slash > 0) {
      const head = part.slice(0, slash);
      const tail = part.slice(slash + 1);
      expanded.set(head, [...(expanded.get(head) ?? []), tail]);
    } else {
      fields.push(part);
    }
  }
  return { fields, expanded };
}

/** SharePoint paging token: `Paged=TRUE&p_ID=123` (optionally with `PagedPrev=TRUE`). */
export function parseSkipToken(token: string | null): { lastId: number; previous: boolean } | undefined {
  if (!token) {
    return undefined;
  }
  const params = new URLSearchParams(token);
  const lastId = Number(params.get('p_ID'));
  if (params.get('Paged')?.toUpperCase() !== 'TRUE' || !Number.isInteger(lastId)) {
    throw errors.badQuery(`The $skiptoken "${token}" is not valid.`);
  }
  return { lastId, previous: params.get('PagedPrev')?.toUpperCase() === 'TRUE' };
}
