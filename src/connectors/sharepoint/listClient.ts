/**
 * Typed access to one list of the registry (`LISTS` in core/schema/lists.ts): adapters name
 * model properties (`recognitionId`, `recipient`) and the client turns them into the internal
 * field names the registry keeps, for `$select`, `$expand`, `$filter`, `$orderby` and writes;
 * answers are read back by model property. `unknown` comes in, typed values go out.
 *
 * Batching is a behaviour, not a concern of each adapter: `tickBatcher(sp)` gives the root that
 * reads of the current turn share (one `$batch`), and `list.on(batched)` sends a list's
 * requests through any root. Failures are mapped once, in `httpErrors.ts`.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import type { ItemId } from '../../core/models/common';
import { odataString } from '../../core/odata';
import type { PersonSummary } from '../../core/recognition/ports';
import { settledBatch } from './requestPolicy';

/** A list as the registry describes it: its title and each model property's internal name. */
export interface RegisteredList {
  readonly title: string;
  readonly fields: { readonly [property: string]: string };
}

/**
 * Columns every list has, by the name adapters use for them where the list's model has no
 * such property (the model's own property wins: on SE_Recognitions `giver` is the Author).
 */
const BUILT_IN = { title: 'Title', author: 'Author', created: 'Created' } as const;

/** A property an adapter may name on list `L`: its model's, or a built-in column. */
export type Property<L extends RegisteredList> = Extract<keyof L['fields'], string> | keyof typeof BUILT_IN;

/** A value as a list stores it. */
export type FieldValue = string | number | boolean;

/** What to read: properties as plain values, person columns' ids, and expanded people. */
export interface ListQuery<L extends RegisteredList> {
  readonly select: readonly Property<L>[];
  /** Person or lookup columns read as their id (`Recipient` → `RecipientId`). */
  readonly ids?: readonly Property<L>[];
  /** Person columns expanded to their id, display name and e-mail. */
  readonly people?: readonly Property<L>[];
  /** Person columns (among `people`) whose login name is read too. */
  readonly logins?: readonly Property<L>[];
  /** OData, built with `eq`, `field` and `idField`. */
  readonly filter?: string;
  readonly orderBy?: readonly [Property<L>, 'asc' | 'desc'];
  readonly top: number;
}

/** One answer row, read by model property. */
export interface ListRow<L extends RegisteredList> {
  /** A text value; undefined when absent or empty. */
  text(property: Property<L>): string | undefined;
  number(property: Property<L>): number | undefined;
  /** A Yes/No column: true only when stored as true. */
  flag(property: Property<L>): boolean;
  /** An expanded person column (see `ListQuery.people`); id 0 and no name when absent. */
  person(property: Property<L>): PersonSummary;
  /** The id of a person or lookup column (see `ListQuery.ids`). */
  personId(property: Property<L>): number | undefined;
  /** The login name of an expanded person column (see `ListQuery.logins`). */
  login(property: Property<L>): string | undefined;
}

export interface ListClient<L extends RegisteredList> {
  readonly title: string;
  /** The internal field name of a property. */
  field(property: Property<L>): string;
  fields(...properties: Property<L>[]): string[];
  /** The id column of a person or lookup property (`recipient` → `RecipientId`). */
  idField(property: Property<L>): string;
  /** `Field eq value`, the value as an OData literal (Yes/No as 1 or 0). */
  eq(property: Property<L>, value: FieldValue): string;
  /** A write by model property; `people` sets person columns by site user id. */
  payload(values: Partial<Record<Property<L>, FieldValue>>, people?: Partial<Record<Property<L>, number>>): Record<string, FieldValue>;
  /** The same list with its requests sent through `sp` (a `$batch`, for instance). */
  on(sp: SPFI): ListClient<L>;
  read(query: ListQuery<L>): Promise<ListRow<L>[]>;
  readItem(id: ItemId, select: readonly Property<L>[]): Promise<ListRow<L>>;
  /** Adds an item and gives its id. */
  add(values: Record<string, FieldValue>): Promise<ItemId>;
  update(id: ItemId, values: Record<string, FieldValue>): Promise<void>;
  delete(id: ItemId): Promise<void>;
}

type Raw = Readonly<Record<string, unknown>>;

function record(value: unknown): Raw {
  return typeof value === 'object' && value !== null ? (value as Raw) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function literal(value: FieldValue): string {
  return typeof value === 'string' ? odataString(value) : typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
}

/** The internal name of `property` on `list` (the registry's, else the built-in column's). */
export function fieldOf<L extends RegisteredList>(list: L, property: Property<L>): string {
  const name = list.fields[property] ?? (BUILT_IN as Raw)[property];
  if (typeof name !== 'string') {
    throw new Error(`${list.title} has no property ${property} in the list registry`);
  }
  return name;
}

/** Reads an answer row of `list` by model property. */
export function rowOf<L extends RegisteredList>(list: L, raw: unknown): ListRow<L> {
  const row = record(raw);
  const value = (property: Property<L>): unknown => {
    const name = fieldOf(list, property);
    // Items answer with `ID`; an added item's answer carries `Id` as well.
    return name === 'ID' ? row.ID ?? row.Id : row[name];
  };
  return {
    text: (property) => text(value(property)),
    number: (property) => number(value(property)),
    flag: (property) => value(property) === true,
    person: (property) => {
      const person = record(value(property));
      return { id: number(person.Id) ?? 0, displayName: text(person.Title) ?? '', email: text(person.EMail) };
    },
    personId: (property) => number(row[`${fieldOf(list, property)}Id`]),
    login: (property) => text(record(value(property)).Name)
  };
}

/** `$select` entries of a query: plain fields, person ids, and the expanded people's parts. */
function selectOf<L extends RegisteredList>(list: L, query: ListQuery<L>): { select: string[]; expand: string[] } {
  const select = query.select.map((p) => fieldOf(list, p)).concat((query.ids ?? []).map((p) => `${fieldOf(list, p)}Id`));
  const expand: string[] = [];
  for (const property of query.people ?? []) {
    const name = fieldOf(list, property);
    expand.push(name);
    select.push(`${name}/Id`, `${name}/Title`, `${name}/EMail`);
    if ((query.logins ?? []).includes(property)) {
      select.push(`${name}/Name`);
    }
  }
  return { select, expand };
}

/** Typed access to `list` (an entry of `LISTS`) through `sp`. */
export function listOf<L extends RegisteredList>(sp: SPFI, list: L): ListClient<L> {
  const items = (): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] => sp.web.lists.getByTitle(list.title).items;
  const field = (property: Property<L>): string => fieldOf(list, property);
  return {
    title: list.title,
    field,
    fields: (...properties) => properties.map(field),
    idField: (property) => `${field(property)}Id`,
    eq: (property, value) => `${field(property)} eq ${literal(value)}`,
    payload: (values, people = {}) => {
      const out: Record<string, FieldValue> = {};
      for (const [property, value] of Object.entries(values) as Array<[Property<L>, FieldValue | undefined]>) {
        if (value !== undefined) {
          out[field(property)] = value;
        }
      }
      for (const [property, id] of Object.entries(people) as Array<[Property<L>, number | undefined]>) {
        if (id !== undefined) {
          out[`${field(property)}Id`] = id;
        }
      }
      return out;
    },
    on: (other) => listOf(other, list),
    read: async (query) => {
      const { select, expand } = selectOf(list, query);
      let request = items().select(...select);
      if (expand.length > 0) {
        request = request.expand(...expand);
      }
      if (query.filter !== undefined) {
        request = request.filter(query.filter);
      }
      if (query.orderBy) {
        request = request.orderBy(field(query.orderBy[0]), query.orderBy[1] === 'asc');
      }
      const rows = await request.top(query.top)<unknown>();
      return (Array.isArray(rows) ? rows : []).map((raw: unknown) => rowOf(list, raw));
    },
    readItem: async (id, select) => rowOf(list, await items().getById(id).select(...select.map(field))<unknown>()),
    add: async (values) => {
      const added = record(await items().add(values));
      return number(added.Id) ?? number(added.ID) ?? 0;
    },
    update: async (id, values) => {
      await items().getById(id).update(values);
    },
    delete: (id) => items().getById(id).delete()
  };
}

/**
 * Reads started in the same turn of the event loop share one `$batch`, sent on the next
 * macrotask: a part that asks for the values, the signed-in user and a preference at once makes
 * one round trip, not three. Each read keeps its own result or error. Returns the root to read
 * through now.
 */
export function tickBatcher(sp: SPFI, later: (send: () => void) => void = (send) => setTimeout(send, 0)): () => SPFI {
  let pending: SPFI | undefined;
  return () => {
    if (!pending) {
      const [batched, execute] = settledBatch(sp);
      pending = batched;
      later(() => {
        pending = undefined;
        // A failed batch rejects each read that was in it; nothing else to report here.
        execute().catch(() => undefined);
      });
    }
    return pending;
  };
}
