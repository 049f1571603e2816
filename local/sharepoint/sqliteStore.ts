/**
 * The local tenant's SharePoint lists: created from `sharepoint/assets` (the same XML the
 * package deploys), one SQLite table per list, one column per field, SQLite indexes where the
 * schema says `Indexed="TRUE"`, unique indexes for `EnforceUniqueValues="TRUE"`.
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { type ListSchemaField, parseElements, parseListSchema } from '../../src/core/schema/listSchema';
import { firstXmlInvalidCharacter } from '../../src/core/text/unicode';
import { transaction, type Database } from '../server/db';
import type { Directory } from '../tenant/directory';
import { errors, SharePointError } from './errors';
import { isLenient } from './leniency';
import { type ColumnRef, normaliseDate, type OrderBy, parseSkipToken, type ResolveColumn, translateFilter } from './odata';
import type { AddItemOptions, ItemRoleAssignment, ListInfo, SharePointStore, StoredItem } from './store';

export const LIST_VIEW_THRESHOLD = 5000;
export const DEFAULT_PAGE_SIZE = 100;
/** SharePoint's "System Account": author of provisioned rows. */
export const SYSTEM_ACCOUNT_ID = 1073741823;

const BUILT_IN_FIELDS: readonly ListSchemaField[] = [
  builtIn('Title', 'Text', false),
  builtIn('Created', 'DateTime', true),
  builtIn('Modified', 'DateTime', false),
  builtIn('Author', 'User', false),
  builtIn('Editor', 'User', false)
];

function builtIn(name: string, type: string, indexed: boolean): ListSchemaField {
  return {
    id: name.toLowerCase(),
    name,
    staticName: name,
    displayName: name,
    type,
    indexed,
    unique: false,
    required: name === 'Title',
    choices: [],
    maxLength: name === 'Title' ? 255 : undefined
  };
}

interface ListRow {
  id: string;
  title: string;
  url: string;
  description: string;
  read_security: number;
  write_security: number;
  no_crawl: number;
  created: string;
  fields_json: string;
  table_name: string;
}

interface ItemRow {
  [column: string]: unknown;
}

/**
 * Who a query is answered for, where items have their own permissions: an item with its own
 * role assignments is left out unless one of `principalIds` holds one of `roleDefIds` on it.
 * Decided by permissions.ts (`itemQueryScope`).
 */
export interface ItemViewers {
  readonly principalIds: readonly number[];
  readonly roleDefIds: readonly number[];
}

export interface ItemQuery {
  readonly filter?: string | null;
  readonly orderBy?: readonly OrderBy[];
  readonly top?: number;
  readonly skipToken?: string | null;
  /** Only items this user created (ReadSecurity = 2 for people without Override List Behaviors). */
  readonly onlyAuthorId?: number;
  /** Only items that inherit, and items with their own permissions these viewers hold; all items when undefined. */
  readonly viewers?: ItemViewers;
}

/** A principal made by `ensureuser` for a Microsoft 365 group claim (members, or owners with `_o`). */
export interface ClaimPrincipalRecord {
  readonly id: number;
  readonly loginName: string;
  readonly title: string;
  /** The Microsoft 365 group (Teams team) id. */
  readonly groupId: string;
  /** The group's owners only (`…|<groupId>_o`). */
  readonly ownersOnly: boolean;
}

interface ClaimPrincipalRow {
  id: number;
  login_name: string;
  title: string;
  group_id: string;
  owners_only: number;
}

function toClaimPrincipal(row: ClaimPrincipalRow): ClaimPrincipalRecord {
  return { id: Number(row.id), loginName: row.login_name, title: row.title, groupId: row.group_id, ownersOnly: Number(row.owners_only) === 1 };
}

export interface ItemPage {
  readonly items: StoredItem[];
  /** `Paged=TRUE&p_ID=…` for the next page, when there is one. */
  readonly nextSkipToken?: string;
}

export interface ItemWrite {
  readonly editorId: number;
  /** `*`, `"3"` or undefined (no check). */
  readonly ifMatch?: string;
}

function columnOf(name: string): string {
  return `"f_${name}"`;
}

function storedValue(field: ListSchemaField, value: unknown): string | number | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  switch (field.type) {
    case 'Boolean':
      if (typeof value === 'boolean') {
        return value ? 1 : 0;
      }
      if (value === 1 || value === 0 || value === '1' || value === '0') {
        return Number(value);
      }
      throw errors.invalidValue(field.name, 'expected a Boolean value.');
    case 'Number':
    case 'Currency':
    case 'Integer':
    case 'User': {
      const numeric = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(numeric)) {
        throw errors.invalidValue(field.name, 'expected a number.');
      }
      if (field.min !== undefined && numeric < field.min) {
        throw errors.invalidValue(field.name, `the value must be at least ${field.min}.`);
      }
      if (field.max !== undefined && numeric > field.max) {
        throw errors.invalidValue(field.name, `the value must be at most ${field.max}.`);
      }
      return numeric;
    }
    case 'DateTime': {
      const date = typeof value === 'string' ? normaliseDate(value) : undefined;
      if (!date) {
        throw errors.invalidValue(field.name, 'expected a date-time in ISO 8601 format.');
      }
      return field.format === 'DateOnly' ? `${date.slice(0, 10)}T00:00:00Z` : date;
    }
    default: {
      if (typeof value !== 'string' && typeof value !== 'number') {
        throw errors.invalidValue(field.name, 'expected text.');
      }
      const text = String(value);
      // SharePoint keeps list item text as XML text, where U+0000 and most other control
      // characters cannot appear: refused with 400 (the stricter reading, docs/local-tenant.md),
      // never stored cut at the NUL as SQLite's C strings would.
      const invalid = firstXmlInvalidCharacter(text);
      if (invalid !== undefined) {
        const hex = invalid.toString(16).toUpperCase().padStart(2, '0');
        throw new SharePointError(
          400,
          '-1, System.ArgumentException',
          `The value of the field ${field.name} is not valid: hexadecimal value 0x${hex}, is an invalid character.`
        );
      }
      const max = field.type === 'Text' ? field.maxLength ?? 255 : undefined;
      if (max !== undefined && text.length > max) {
        throw new SharePointError(
          400,
          '-2130575162, Microsoft.SharePoint.SPException',
          `The length of the field ${field.name} cannot exceed ${max} characters.`
        );
      }
      return text;
    }
  }
}

function kindOf(field: ListSchemaField): ColumnRef['kind'] {
  switch (field.type) {
    case 'Boolean':
      return 'boolean';
    case 'Number':
    case 'Currency':
    case 'Integer':
      return 'number';
    case 'DateTime':
      return 'date';
    case 'User':
      return 'user';
    default:
      return 'text';
  }
}

function sqlType(field: ListSchemaField): string {
  switch (kindOf(field)) {
    case 'number':
      return 'REAL';
    case 'boolean':
    case 'user':
      return 'INTEGER';
    default:
      return 'TEXT';
  }
}

export class SqliteSharePointStore implements SharePointStore {
  private readonly schemas = new Map<string, ListInfo>();

  public constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly directory: Directory,
    /** Text compared case-sensitively (a kinder switch); SharePoint compares it case-insensitively. */
    private readonly caseSensitiveText = false
  ) {}

  private row(title: string): ListRow | undefined {
    return this.db.prepare('SELECT * FROM sp_lists WHERE lower(title) = lower(?)').get(title) as ListRow | undefined;
  }

  /** The list's fields without counting its items (writes and single-item reads). */
  private schema(row: ListRow): ListInfo {
    const cached = this.schemas.get(row.id);
    if (cached) {
      return { ...cached, readSecurity: row.read_security, writeSecurity: row.write_security, noCrawl: row.no_crawl === 1, description: row.description };
    }
    const info: ListInfo = {
      id: row.id,
      title: row.title,
      url: row.url,
      description: row.description,
      itemCount: -1,
      readSecurity: row.read_security,
      writeSecurity: row.write_security,
      noCrawl: row.no_crawl === 1,
      fields: [...BUILT_IN_FIELDS, ...(JSON.parse(row.fields_json) as ListSchemaField[])],
      created: row.created,
      lastItemModified: row.created
    };
    this.schemas.set(row.id, info);
    return info;
  }

  private info(row: ListRow): ListInfo {
    const count = this.db.prepare(`SELECT COUNT(*) AS n, MAX(modified) AS m FROM ${row.table_name}`).get() as {
      n: number;
      m: string | null;
    };
    return {
      id: row.id,
      title: row.title,
      url: row.url,
      description: row.description,
      itemCount: count.n,
      readSecurity: row.read_security,
      writeSecurity: row.write_security,
      noCrawl: row.no_crawl === 1,
      fields: [...BUILT_IN_FIELDS, ...(JSON.parse(row.fields_json) as ListSchemaField[])],
      created: row.created,
      lastItemModified: count.m ?? row.created
    };
  }

  public lists(): ListInfo[] {
    const rows = this.db.prepare('SELECT * FROM sp_lists ORDER BY title').all() as unknown as ListRow[];
    return rows.map((row) => this.info(row));
  }

  public list(title: string): ListInfo | undefined {
    const row = this.row(title);
    return row ? this.info(row) : undefined;
  }

  public listById(id: string): ListInfo | undefined {
    const row = this.db.prepare('SELECT * FROM sp_lists WHERE lower(id) = lower(?)').get(id) as ListRow | undefined;
    return row ? this.info(row) : undefined;
  }

  private requireRow(title: string): ListRow {
    const row = this.row(title);
    if (!row) {
      throw errors.listNotFound(title);
    }
    return row;
  }

  public updateList(title: string, update: { readSecurity?: number; writeSecurity?: number; description?: string; noCrawl?: boolean }): void {
    const row = this.requireRow(title);
    const noCrawl = update.noCrawl === undefined ? row.no_crawl : update.noCrawl ? 1 : 0;
    this.db
      .prepare('UPDATE sp_lists SET read_security = ?, write_security = ?, description = ?, no_crawl = ? WHERE id = ?')
      .run(update.readSecurity ?? row.read_security, update.writeSecurity ?? row.write_security, update.description ?? row.description, noCrawl, row.id);
  }

  /**
   * Turns a column's unique values on or off (`EnforceUniqueValues`), with its index: a unique
   * column is always indexed, and turning uniqueness off keeps an ordinary index. Turning it on
   * over values that repeat (case ignored, as the column compares) is SharePoint's duplicate error.
   */
  public setFieldUnique(title: string, fieldName: string, unique: boolean): void {
    const row = this.requireRow(title);
    const fields = JSON.parse(row.fields_json) as ListSchemaField[];
    const index = fields.findIndex((f) => f.name === fieldName);
    const field = fields[index];
    if (!field || field.unique === unique) {
      return;
    }
    const column = columnOf(field.name);
    this.db.exec(`DROP INDEX IF EXISTS ${row.table_name}_u_${field.name}`);
    this.db.exec(`DROP INDEX IF EXISTS ${row.table_name}_i_${field.name}`);
    try {
      this.db.exec(
        unique
          ? `CREATE UNIQUE INDEX ${row.table_name}_u_${field.name} ON ${row.table_name} (${column}) WHERE ${column} IS NOT NULL`
          : `CREATE INDEX ${row.table_name}_i_${field.name} ON ${row.table_name} (${column})`
      );
    } catch (error) {
      if (unique && /UNIQUE/i.test(String(error))) {
        this.db.exec(`CREATE INDEX ${row.table_name}_i_${field.name} ON ${row.table_name} (${column})`);
        throw errors.duplicate();
      }
      throw error;
    }
    fields[index] = { ...field, unique, indexed: true };
    this.db.prepare('UPDATE sp_lists SET fields_json = ? WHERE id = ?').run(JSON.stringify(fields), row.id);
    this.schemas.delete(row.id);
  }

  /** Creates a list and its table from a parsed schema (used by provisioning). */
  public createList(title: string, url: string, description: string, fields: readonly ListSchemaField[]): void {
    const id = randomUUID();
    const tableRow = this.db.prepare('SELECT COUNT(*) AS n FROM sp_lists').get() as { n: number };
    const table = `sp_items_${tableRow.n + 1}`;
    // Text compares as SharePoint's SQL collation does, case-insensitively: unique values,
    // filters and ordering alike (SQLite's NOCASE folds ASCII letters only).
    const collation = this.caseSensitiveText ? '' : ' COLLATE NOCASE';
    const columns = [...BUILT_IN_FIELDS.filter((f) => f.name === 'Title'), ...fields].map(
      (f) => `${columnOf(f.name)} ${sqlType(f)}${kindOf(f) === 'text' ? collation : ''}`
    );
    this.db.exec(
      `CREATE TABLE ${table} (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL DEFAULT 1,
        author_id INTEGER NOT NULL, editor_id INTEGER NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
        ${columns.join(', ')})`
    );
    this.db.exec(`CREATE INDEX ${table}_created ON ${table} (created)`);
    for (const field of fields) {
      if (field.unique) {
        this.db.exec(
          `CREATE UNIQUE INDEX ${table}_u_${field.name} ON ${table} (${columnOf(field.name)}) WHERE ${columnOf(field.name)} IS NOT NULL`
        );
      } else if (field.indexed) {
        this.db.exec(`CREATE INDEX ${table}_i_${field.name} ON ${table} (${columnOf(field.name)})`);
      }
    }
    this.db
      .prepare(
        'INSERT INTO sp_lists (id, title, url, description, read_security, write_security, created, fields_json, table_name) VALUES (?, ?, ?, ?, 1, 1, ?, ?, ?)'
      )
      .run(id, title, url, description, this.timestamp(), JSON.stringify(fields), table);
  }

  private timestamp(date: Date = this.now()): string {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private field(info: ListInfo, name: string): ListSchemaField | undefined {
    return info.fields.find((f) => f.name === name);
  }

  /** Maps a REST payload (`Title`, `RecipientId`…) to stored columns. */
  private columnsFor(info: ListInfo, values: Readonly<Record<string, unknown>>): Map<string, string | number | null> {
    const columns = new Map<string, string | number | null>();
    for (const [key, value] of Object.entries(values)) {
      if (key === '__metadata' || key.startsWith('odata.') || key.startsWith('@odata')) {
        continue;
      }
      const userField = key.endsWith('Id') ? this.field(info, key.slice(0, -2)) : undefined;
      const field = userField && userField.type === 'User' ? userField : this.field(info, key);
      if (!field || field.name === 'Created' || field.name === 'Modified' || field.name === 'Author' || field.name === 'Editor') {
        throw errors.badField(key, info.title);
      }
      if (field.type === 'User' && field === this.field(info, key)) {
        throw errors.badField(key, info.title); // user fields are written as <Name>Id
      }
      const stored = storedValue(field, value);
      if (field.type === 'User' && stored !== null && !this.directory.bySpUserId(Number(stored)) && stored !== SYSTEM_ACCOUNT_ID) {
        throw new SharePointError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The user does not exist or is not unique.');
      }
      columns.set(columnOf(field.name), stored);
    }
    return columns;
  }

  private runWrite<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      // node:sqlite's errors may come from another realm (jest): read the message, not the class.
      const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
      if (typeof message === 'string' && message.includes('UNIQUE constraint failed')) {
        throw errors.duplicate();
      }
      throw error;
    }
  }

  public addItem(listTitle: string, values: Readonly<Record<string, unknown>>, options: AddItemOptions): number {
    const row = this.requireRow(listTitle);
    const info = this.schema(row);
    const columns = this.columnsFor(info, values);
    const created = this.timestamp(options.created);
    const names = ['author_id', 'editor_id', 'created', 'modified', ...columns.keys()];
    const params: Array<string | number | null> = [options.authorId, options.authorId, created, created, ...columns.values()];
    return this.runWrite(() => {
      const result = this.db
        .prepare(`INSERT INTO ${row.table_name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
        .run(...params);
      return Number(result.lastInsertRowid);
    });
  }

  /** Adds many items in one transaction (seeding, large-list tests). */
  public addItems(listTitle: string, items: ReadonlyArray<Readonly<Record<string, unknown>>>, options: AddItemOptions): void {
    transaction(this.db, () => {
      for (const values of items) {
        this.addItem(listTitle, values, options);
      }
    });
  }

  /**
   * Fills a list with `count` generated items in one SQL statement (large-list tests and the
   * benchmark): `expressions` maps field names to SQL expressions over `n` (1…count), e.g.
   * `{ SiteCode: "CASE WHEN n % 2 = 0 THEN 'GOT' ELSE 'EIN' END" }`. Test tooling only: the
   * expressions are trusted code, never user input.
   */
  public fillWithSql(listTitle: string, count: number, expressions: Readonly<Record<string, string>>, authorId: number): void {
    const row = this.requireRow(listTitle);
    const info = this.schema(row);
    const names = Object.keys(expressions);
    for (const name of names) {
      if (!info.fields.some((f) => f.name === name)) {
        throw errors.badField(name, listTitle);
      }
    }
    const created = this.timestamp();
    const columns = ['author_id', 'editor_id', 'created', 'modified', ...names.map(columnOf)];
    const values = ['?', '?', '?', '?', ...names.map((name) => `(${expressions[name]})`)];
    transaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO ${row.table_name} (${columns.join(', ')})
           WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?)
           SELECT ${values.join(', ')} FROM seq`
        )
        .run(count, authorId, authorId, created, created);
    });
  }

  private toItem(row: ItemRow, info: ListInfo, uniqueRoles?: readonly ItemRoleAssignment[]): StoredItem {
    const values: Record<string, unknown> = {};
    for (const field of info.fields) {
      if (field.name === 'Created' || field.name === 'Modified' || field.name === 'Author' || field.name === 'Editor') {
        continue;
      }
      const raw = row[`f_${field.name}`];
      values[field.name] = field.type === 'Boolean' ? (raw === null || raw === undefined ? null : raw === 1) : raw ?? null;
    }
    return {
      id: Number(row.id),
      version: Number(row.version),
      authorId: Number(row.author_id),
      editorId: Number(row.editor_id),
      created: String(row.created),
      modified: String(row.modified),
      values,
      ...(uniqueRoles ? { uniqueRoles } : {})
    };
  }

  /** The own role assignments of those of `ids` that have their own permissions, by item id. */
  private rolesOf(listId: string, ids: readonly number[]): Map<number, ItemRoleAssignment[]> {
    const byItem = new Map<number, ItemRoleAssignment[]>();
    if (ids.length === 0) {
      return byItem;
    }
    const wanted = JSON.stringify(ids);
    const scopes = this.db
      .prepare('SELECT item_id FROM sp_item_scopes WHERE list_id = ? AND item_id IN (SELECT value FROM json_each(?))')
      .all(listId, wanted) as Array<{ item_id: number }>;
    for (const scope of scopes) {
      byItem.set(Number(scope.item_id), []);
    }
    if (byItem.size === 0) {
      return byItem;
    }
    const rows = this.db
      .prepare(
        `SELECT item_id, principal_id, role_def_id FROM sp_item_roles WHERE list_id = ? AND item_id IN (SELECT value FROM json_each(?))
         ORDER BY item_id, principal_id, role_def_id`
      )
      .all(listId, wanted) as Array<{ item_id: number; principal_id: number; role_def_id: number }>;
    for (const row of rows) {
      const assignments = byItem.get(Number(row.item_id));
      if (!assignments) {
        continue;
      }
      const principalId = Number(row.principal_id);
      const last = assignments[assignments.length - 1];
      if (last && last.principalId === principalId) {
        assignments[assignments.length - 1] = { principalId, roleDefIds: [...last.roleDefIds, Number(row.role_def_id)] };
      } else {
        assignments.push({ principalId, roleDefIds: [Number(row.role_def_id)] });
      }
    }
    return byItem;
  }

  /**
   * Gives an item its own permissions (`breakroleinheritance`) holding `assignments`; an item
   * that already has its own keeps them, as SharePoint leaves it. Returns whether it was broken now.
   */
  public breakItemInheritance(listTitle: string, id: number, assignments: ReadonlyArray<{ principalId: number; roleDefId: number }>): boolean {
    const row = this.requireRow(listTitle);
    return transaction(this.db, () => {
      const inserted = this.db.prepare('INSERT OR IGNORE INTO sp_item_scopes (list_id, item_id) VALUES (?, ?)').run(row.id, id);
      if (Number(inserted.changes) === 0) {
        return false;
      }
      for (const assignment of assignments) {
        this.db
          .prepare('INSERT OR IGNORE INTO sp_item_roles (list_id, item_id, principal_id, role_def_id) VALUES (?, ?, ?, ?)')
          .run(row.id, id, assignment.principalId, assignment.roleDefId);
      }
      return true;
    });
  }

  /** The item inherits again (`resetroleinheritance`): its own role assignments are gone. */
  public resetItemInheritance(listTitle: string, id: number): void {
    const row = this.requireRow(listTitle);
    transaction(this.db, () => this.forgetItemRoles(row.id, id));
  }

  private forgetItemRoles(listId: string, id: number): void {
    this.db.prepare('DELETE FROM sp_item_roles WHERE list_id = ? AND item_id = ?').run(listId, id);
    this.db.prepare('DELETE FROM sp_item_scopes WHERE list_id = ? AND item_id = ?').run(listId, id);
  }

  /** Binds a role definition to a principal on an item with its own permissions (once). */
  public addItemRole(listTitle: string, id: number, principalId: number, roleDefId: number): void {
    const row = this.requireRow(listTitle);
    this.db
      .prepare('INSERT OR IGNORE INTO sp_item_roles (list_id, item_id, principal_id, role_def_id) VALUES (?, ?, ?, ?)')
      .run(row.id, id, principalId, roleDefId);
  }

  /** Unbinds one role definition (all of them without `roleDefId`) from a principal on an item. */
  public removeItemRole(listTitle: string, id: number, principalId: number, roleDefId?: number): void {
    const row = this.requireRow(listTitle);
    if (roleDefId === undefined) {
      this.db.prepare('DELETE FROM sp_item_roles WHERE list_id = ? AND item_id = ? AND principal_id = ?').run(row.id, id, principalId);
    } else {
      this.db
        .prepare('DELETE FROM sp_item_roles WHERE list_id = ? AND item_id = ? AND principal_id = ? AND role_def_id = ?')
        .run(row.id, id, principalId, roleDefId);
    }
  }

  /** Principals made for Microsoft 365 group claims, by id. */
  public claimPrincipals(): ClaimPrincipalRecord[] {
    return (this.db.prepare('SELECT * FROM sp_principals ORDER BY id').all() as unknown as ClaimPrincipalRow[]).map(toClaimPrincipal);
  }

  public claimPrincipalByLogin(loginName: string): ClaimPrincipalRecord | undefined {
    const row = this.db.prepare('SELECT * FROM sp_principals WHERE login_name = ?').get(loginName) as ClaimPrincipalRow | undefined;
    return row ? toClaimPrincipal(row) : undefined;
  }

  /**
   * Adds a claim principal with the next free id of the site collection: above `lowestId` (past
   * every site user) and every principal made before.
   */
  public addClaimPrincipal(principal: Omit<ClaimPrincipalRecord, 'id'>, lowestId: number): ClaimPrincipalRecord {
    return transaction(this.db, () => {
      const existing = this.claimPrincipalByLogin(principal.loginName);
      if (existing) {
        return existing;
      }
      const { highest } = this.db.prepare('SELECT MAX(id) AS highest FROM sp_principals').get() as { highest: number | null };
      const id = Math.max(lowestId, (highest ?? 0) + 1);
      this.db
        .prepare('INSERT INTO sp_principals (id, login_name, title, group_id, owners_only) VALUES (?, ?, ?, ?, ?)')
        .run(id, principal.loginName, principal.title, principal.groupId, principal.ownersOnly ? 1 : 0);
      return { ...principal, id };
    });
  }

  public item(listTitle: string, id: number): StoredItem | undefined {
    const row = this.requireRow(listTitle);
    const found = this.db.prepare(`SELECT * FROM ${row.table_name} WHERE id = ?`).get(id) as ItemRow | undefined;
    return found ? this.toItem(found, this.schema(row), this.rolesOf(row.id, [id]).get(id)) : undefined;
  }

  /** Column resolver for OData over one list. */
  public resolver(listTitle: string): ResolveColumn {
    const info = this.schema(this.requireRow(listTitle));
    return (pathText: string): ColumnRef | undefined => {
      if (pathText === 'ID' || pathText === 'Id') {
        return { column: 'id', kind: 'number', indexed: true };
      }
      const [head, tail] = pathText.split('/');
      const builtInColumns: Record<string, string> = { Created: 'created', Modified: 'modified', Author: 'author_id', Editor: 'editor_id' };
      const exact = tail === undefined ? this.field(info, head) : undefined;
      // A user field is compared by its id: `RecipientId` or `Recipient/Id`.
      const userName = tail === 'Id' ? head : head.endsWith('Id') && !exact ? head.slice(0, -2) : undefined;
      const field = exact ?? (userName ? this.field(info, userName) : undefined);
      if (!field || (tail !== undefined && tail !== 'Id') || (field.type === 'User') !== (userName !== undefined)) {
        return undefined;
      }
      return {
        column: builtInColumns[field.name] ?? columnOf(field.name),
        kind: kindOf(field),
        indexed: field.indexed || field.unique
      };
    };
  }

  public queryItems(listTitle: string, query: ItemQuery): ItemPage {
    const row = this.requireRow(listTitle);
    const info = this.schema(row);
    const resolve = this.resolver(listTitle);
    const where: string[] = [];
    const params: Array<string | number | null> = [];
    const { n: itemCount } = this.db.prepare(`SELECT COUNT(*) AS n FROM ${row.table_name}`).get() as { n: number };
    const large = itemCount > LIST_VIEW_THRESHOLD;

    if (query.onlyAuthorId !== undefined) {
      where.push('author_id = ?');
      params.push(query.onlyAuthorId);
    }
    if (query.viewers) {
      // Security trimming: an item with its own permissions only for those who hold a role on it.
      where.push(
        `NOT EXISTS (SELECT 1 FROM sp_item_scopes s WHERE s.list_id = ? AND s.item_id = ${row.table_name}.id
           AND NOT EXISTS (SELECT 1 FROM sp_item_roles r WHERE r.list_id = s.list_id AND r.item_id = s.item_id
             AND r.principal_id IN (SELECT value FROM json_each(?)) AND r.role_def_id IN (SELECT value FROM json_each(?))))`
      );
      params.push(row.id, JSON.stringify(query.viewers.principalIds), JSON.stringify(query.viewers.roleDefIds));
    }
    if (query.filter) {
      const filter = translateFilter(query.filter, resolve);
      if (large) {
        // A filter with `or` or `not` is refused outright on a large list: SharePoint narrows by
        // one index first, and an OR or a negation cannot be answered from one index range.
        if (filter.widens && !isLenient('large-list-or-not')) {
          throw errors.threshold();
        }
        if (!filter.first || !filter.first.column.indexed) {
          throw errors.threshold();
        }
        const matched = this.db
          .prepare(`SELECT COUNT(*) AS n FROM ${row.table_name} WHERE ${filter.first.where}`)
          .get(...filter.first.params) as { n: number };
        if (matched.n > LIST_VIEW_THRESHOLD) {
          throw errors.threshold();
        }
      }
      where.push(filter.where);
      params.push(...filter.params);
    }
    const orderBy = query.orderBy ?? [];
    if (large && orderBy.some((o) => !o.column.indexed)) {
      throw errors.threshold();
    }
    const primary = orderBy[0];
    const descending = primary ? primary.descending : false;
    const token = parseSkipToken(query.skipToken ?? null);
    if (token) {
      if (primary && primary.column.column !== 'id') {
        throw errors.notSupported('Paging with $skiptoken and an $orderby other than ID');
      }
      where.push(descending ? 'id < ?' : 'id > ?');
      params.push(token.lastId);
    }
    // SharePoint refuses to return more than the threshold at once from a large list.
    if (large && query.top !== undefined && query.top > LIST_VIEW_THRESHOLD && !isLenient('large-list-top')) {
      throw errors.threshold();
    }
    const top = Math.min(Math.max(query.top ?? DEFAULT_PAGE_SIZE, 1), LIST_VIEW_THRESHOLD);
    const order = [...orderBy.map((o) => `${o.column.column} ${o.descending ? 'DESC' : 'ASC'}`)];
    if (!orderBy.some((o) => o.column.column === 'id')) {
      order.push(`id ${descending ? 'DESC' : 'ASC'}`);
    }
    const sql = `SELECT * FROM ${row.table_name}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order.join(', ')} LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, top + 1) as ItemRow[];
    const page = rows.slice(0, top);
    const roles = this.rolesOf(row.id, page.map((r) => Number(r.id)));
    const items = page.map((r) => this.toItem(r, info, roles.get(Number(r.id))));
    const last = items[items.length - 1];
    return {
      items,
      nextSkipToken: rows.length > top && last ? `Paged=TRUE&p_ID=${last.id}` : undefined
    };
  }

  private checkETag(current: StoredItem, ifMatch: string | undefined): void {
    if (ifMatch === undefined || ifMatch.trim() === '*') {
      return;
    }
    const sent = ifMatch.trim();
    const version = /^(?:W\/)?"?(\d+)(?:,\d+)?"?$/.exec(sent);
    if (!version || Number(version[1]) !== current.version) {
      throw errors.etagMismatch(sent, `"${current.version}"`);
    }
  }

  public updateItem(listTitle: string, id: number, values: Readonly<Record<string, unknown>>, write: ItemWrite): StoredItem {
    const row = this.requireRow(listTitle);
    const info = this.schema(row);
    return this.runWrite(() =>
      transaction(this.db, () => {
        const current = this.item(listTitle, id);
        if (!current) {
          throw errors.itemNotFound();
        }
        this.checkETag(current, write.ifMatch);
        const columns = this.columnsFor(info, values);
        const sets = ['version = version + 1', 'editor_id = ?', 'modified = ?', ...[...columns.keys()].map((c) => `${c} = ?`)];
        this.db
          .prepare(`UPDATE ${row.table_name} SET ${sets.join(', ')} WHERE id = ?`)
          .run(write.editorId, this.timestamp(), ...columns.values(), id);
        return this.item(listTitle, id) as StoredItem;
      })
    );
  }

  public deleteItem(listTitle: string, id: number, ifMatch: string | undefined): void {
    const row = this.requireRow(listTitle);
    transaction(this.db, () => {
      const current = this.item(listTitle, id);
      if (!current) {
        throw errors.itemNotFound();
      }
      this.checkETag(current, ifMatch);
      this.db.prepare(`DELETE FROM ${row.table_name} WHERE id = ?`).run(id);
      this.forgetItemRoles(row.id, id);
    });
  }
}

export interface OpenStoreOptions {
  readonly repoRoot: string;
  readonly now: () => Date;
  readonly directory: Directory;
  /** The kinder switch: text compared case-sensitively (see `SharePointKinder`). */
  readonly caseSensitiveText?: boolean;
}

/** Opens the store and creates, from `sharepoint/assets`, every list that does not exist yet. */
export function openSharePointStore(db: Database, options: OpenStoreOptions): SqliteSharePointStore {
  db.exec(`CREATE TABLE IF NOT EXISTS sp_lists (id TEXT PRIMARY KEY, title TEXT NOT NULL UNIQUE, url TEXT NOT NULL,
    description TEXT NOT NULL, read_security INTEGER NOT NULL, write_security INTEGER NOT NULL, created TEXT NOT NULL,
    fields_json TEXT NOT NULL, table_name TEXT NOT NULL, no_crawl INTEGER NOT NULL DEFAULT 0)`);
  // A data folder made before lists kept `NoCrawl` gets the column, crawled as SharePoint's default.
  const listColumns = db.prepare('PRAGMA table_info(sp_lists)').all() as Array<{ name: string }>;
  if (!listColumns.some((column) => column.name === 'no_crawl')) {
    db.exec('ALTER TABLE sp_lists ADD COLUMN no_crawl INTEGER NOT NULL DEFAULT 0');
  }
  // Items with their own permissions, their role assignments, and the principals made for
  // Microsoft 365 group claims (docs/local-tenant.md, "Item permissions").
  db.exec(`CREATE TABLE IF NOT EXISTS sp_item_scopes (list_id TEXT NOT NULL, item_id INTEGER NOT NULL, PRIMARY KEY (list_id, item_id));
    CREATE TABLE IF NOT EXISTS sp_item_roles (list_id TEXT NOT NULL, item_id INTEGER NOT NULL, principal_id INTEGER NOT NULL,
      role_def_id INTEGER NOT NULL, PRIMARY KEY (list_id, item_id, principal_id, role_def_id));
    CREATE TABLE IF NOT EXISTS sp_principals (id INTEGER PRIMARY KEY, login_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      title TEXT NOT NULL, group_id TEXT NOT NULL, owners_only INTEGER NOT NULL)`);
  const store = new SqliteSharePointStore(db, options.now, options.directory, options.caseSensitiveText === true);
  const assets = path.join(options.repoRoot, 'sharepoint', 'assets');
  const elements = parseElements(fs.readFileSync(path.join(assets, 'elements.xml'), 'utf8'));
  transaction(db, () => {
    for (const instance of elements.listInstances) {
      if (store.list(instance.title)) {
        continue;
      }
      if (!instance.customSchema) {
        throw new Error(`ListInstance ${instance.title} has no CustomSchema`);
      }
      const schema = parseListSchema(fs.readFileSync(path.join(assets, instance.customSchema), 'utf8'));
      store.createList(instance.title, `${instance.url}`, instance.description, schema.fields.filter((f) => f.name !== 'Title'));
      for (const provisioned of instance.rows) {
        const info = store.list(instance.title) as ListInfo;
        const values: Record<string, unknown> = {};
        for (const [name, text] of Object.entries(provisioned)) {
          const field = info.fields.find((f) => f.name === name);
          if (field?.type === 'Boolean') {
            values[name] = text.toUpperCase() === 'TRUE' || text === '1';
          } else {
            values[name] = text;
          }
        }
        store.addItem(instance.title, values, { authorId: SYSTEM_ACCOUNT_ID });
      }
    }
  });
  return store;
}
