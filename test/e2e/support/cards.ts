/**
 * Cards on the workbench dashboard, and what they should show, worked out independently of
 * the product's connectors: a person's roster read straight from the local tenant's Graph
 * (`/me/joinedTeams`, each team's shifts and time off), as that person; and what the Recognise
 * card wrote, read back over SharePoint REST and the local Graph's notification record.
 */
import type { Locator, Page } from 'playwright-core';

import type { NextShiftView } from '../../../src/core/roster/rosterService';
import type { CrewMember, Shift, TimeOff } from '../../../src/core/roster/types';

export function card(page: Page, alias: string): Locator {
  return page.locator(`[data-part-alias="${alias}"]`);
}

/** Waits until a card is past Loading; answers the state it settled in. */
export async function cardSettled(page: Page, alias: string): Promise<string> {
  const face = card(page, alias).locator('[data-card-status]:not([data-card-status="loading"])');
  await face.waitFor({ timeout: 30_000 });
  return (await face.getAttribute('data-card-status')) ?? '';
}

/** Waits until a card shows a given state (after an action, the old state may still be up). */
export async function cardInState(page: Page, alias: string, status: 'ready' | 'setup' | 'error' | 'loading'): Promise<void> {
  await card(page, alias).locator(`[data-card-status="${status}"]`).waitFor({ timeout: 30_000 });
}

export async function cardText(page: Page, alias: string): Promise<{ title: string; primary: string; description: string }> {
  const root = card(page, alias);
  return {
    title: (await root.getByRole('heading', { level: 3 }).textContent()) ?? '',
    primary: (await root.getByTestId('card-primary-text').textContent()) ?? '',
    description: (await root.getByTestId('card-description').count()) > 0 ? (await root.getByTestId('card-description').textContent()) ?? '' : ''
  };
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function graphGet(graphUrl: string, upn: string, pathOrUrl: string): Promise<Json> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${graphUrl}${pathOrUrl}`;
  const response = await fetch(url, { headers: { 'x-local-user': upn, accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET ${url} as ${upn}: ${response.status} ${await response.text()}`);
  }
  const body: unknown = await response.json();
  return isRecord(body) ? body : {};
}

/** Every item of a Graph collection, following `@odata.nextLink`. */
async function graphAll(graphUrl: string, upn: string, path: string): Promise<Json[]> {
  const items: Json[] = [];
  let next: string | undefined = path;
  while (next) {
    const page = await graphGet(graphUrl, upn, next);
    items.push(...(Array.isArray(page.value) ? page.value.filter(isRecord) : []));
    next = typeof page['@odata.nextLink'] === 'string' ? page['@odata.nextLink'] : undefined;
  }
  return items;
}

function shared(item: Json, key: 'sharedShift' | 'sharedTimeOff'): Json {
  const value = item[key];
  return isRecord(value) ? value : {};
}

function iso(value: unknown): string {
  return new Date(String(value)).toISOString();
}

export interface ExpectedRoster {
  /** What RosterService.nextShiftView should answer for the person. */
  readonly view: NextShiftView;
  readonly displayName: string;
}

/**
 * The person's roster around `now`, looking `daysAhead` days ahead: the shift now, the next
 * one, the colleagues in the same team whose shifts overlap the next (else the current) shift,
 * and time off that has not ended.
 */
export async function expectedRoster(graphUrl: string, upn: string, now: Date, daysAhead = 14): Promise<ExpectedRoster> {
  const me = await graphGet(graphUrl, upn, '/me?$select=id,displayName');
  const from = new Date(now.getTime() - 2 * 86_400_000).toISOString();
  const to = new Date(now.getTime() + (daysAhead + 2) * 86_400_000).toISOString();
  const windowStart = now.getTime() - 86_400_000;
  const windowEnd = now.getTime() + daysAhead * 86_400_000;
  const overlapsWindow = (item: { start: string; end: string }): boolean =>
    Date.parse(item.start) < windowEnd && Date.parse(item.end) > windowStart;

  const teams = await graphAll(graphUrl, upn, '/me/joinedTeams');
  const teamShifts = new Map<string, Shift[]>();
  const timeOff: TimeOff[] = [];
  for (const team of teams) {
    const teamId = String(team.id);
    const shiftFilter = encodeURIComponent(`sharedShift/startDateTime ge ${from} and sharedShift/endDateTime le ${to}`);
    const shifts = (await graphAll(graphUrl, upn, `/teams/${teamId}/schedule/shifts?$filter=${shiftFilter}&$top=1000`)).map(
      (item): Shift => ({
        id: String(item.id),
        personId: String(item.userId),
        crewId: teamId,
        start: iso(shared(item, 'sharedShift').startDateTime),
        end: iso(shared(item, 'sharedShift').endDateTime),
        label: typeof shared(item, 'sharedShift').displayName === 'string' ? String(shared(item, 'sharedShift').displayName) : undefined,
        status: 'scheduled'
      })
    );
    teamShifts.set(teamId, shifts);
    const offFilter = encodeURIComponent(`sharedTimeOff/startDateTime ge ${from} and sharedTimeOff/endDateTime le ${to}`);
    for (const item of await graphAll(graphUrl, upn, `/teams/${teamId}/schedule/timesOff?$filter=${offFilter}&$top=1000`)) {
      if (item.userId === me.id) {
        timeOff.push({ id: String(item.id), personId: String(item.userId), start: iso(shared(item, 'sharedTimeOff').startDateTime), end: iso(shared(item, 'sharedTimeOff').endDateTime) });
      }
    }
  }
  const mine = Array.from(teamShifts.values())
    .flat()
    .filter((s) => s.personId === me.id && overlapsWindow(s))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const t = now.getTime();
  const current = mine.find((s) => Date.parse(s.start) <= t && t < Date.parse(s.end));
  const next = mine.find((s) => Date.parse(s.start) > t);
  const focus = next ?? current;
  const crew: CrewMember[] = [];
  if (focus?.crewId) {
    const ids = new Set(
      (teamShifts.get(focus.crewId) ?? [])
        .filter((s) => s.personId !== me.id && Date.parse(s.start) < Date.parse(focus.end) && Date.parse(s.end) > Date.parse(focus.start))
        .map((s) => s.personId as string)
    );
    for (const id of ids) {
      const person = await graphGet(graphUrl, upn, `/users/${id}?$select=displayName`);
      crew.push({ personId: id, displayName: String(person.displayName) });
    }
  }
  return {
    displayName: String(me.displayName),
    view: {
      current,
      next,
      crew: crew.sort((a, b) => a.displayName.localeCompare(b.displayName)),
      timeOff: timeOff.filter((o) => overlapsWindow(o) && Date.parse(o.end) > t).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    }
  };
}

/*
 * What the "Recognise" card should have done, read back from the local tenant independently of
 * the product's store: SharePoint REST (`/sites/engage/_api`) and the Teams notifications the
 * local Graph recorded (`/_local/notifications`), as a chosen person (`x-local-user`).
 */

/** The engagement site's REST root on a local tenant's origin. */
export function siteApi(origin: string): string {
  return `${origin}/sites/engage/_api`;
}

/** Every row of a SharePoint REST collection (`odata=nometadata`), following `odata.nextLink`. */
export async function spAll(origin: string, upn: string, path: string): Promise<Json[]> {
  const rows: Json[] = [];
  let next: string | undefined = `${siteApi(origin)}${path}`;
  while (next) {
    const response: Response = await fetch(next, { headers: { 'x-local-user': upn, accept: 'application/json;odata=nometadata' } });
    if (!response.ok) {
      throw new Error(`GET ${next} as ${upn}: ${response.status} ${await response.text()}`);
    }
    const body: unknown = await response.json();
    const page: Json = isRecord(body) ? body : {};
    rows.push(...(Array.isArray(page.value) ? page.value.filter(isRecord) : []));
    next = typeof page['odata.nextLink'] === 'string' ? page['odata.nextLink'] : undefined;
  }
  return rows;
}

export interface StoredRecognition {
  readonly id: number;
  readonly message: string;
  readonly valueKey: string;
  readonly recipient: { readonly id: number; readonly title: string; readonly email: string };
  /** Who wrote the item: the relay, for every post. */
  readonly author: { readonly title: string; readonly email: string };
  /** Who gave it, as the relay took it from the giver's token. */
  readonly giver: { readonly title: string; readonly email: string };
}

function userOf(value: unknown): { title: string; email: string } {
  const user = isRecord(value) ? value : {};
  return { title: String(user.Title ?? ''), email: String(user.EMail ?? '').toLowerCase() };
}

/** SE_Recognitions as `upn` may read it, newest first. */
export async function storedRecognitions(origin: string, upn: string): Promise<StoredRecognition[]> {
  const rows = await spAll(
    origin,
    upn,
    "/web/lists/getByTitle('SE_Recognitions')/items?$select=Id,Message,ValueKey,RecipientId,Recipient/Title,Recipient/EMail,Author/Title,Author/EMail,Giver/Title,Giver/EMail" +
      '&$expand=Recipient,Author,Giver&$orderby=Id desc&$top=5000'
  );
  return rows.map((row) => ({
    id: Number(row.Id),
    message: String(row.Message ?? ''),
    valueKey: String(row.ValueKey ?? ''),
    recipient: { id: Number(row.RecipientId), ...userOf(row.Recipient) },
    author: userOf(row.Author),
    giver: userOf(row.Giver)
  }));
}

/** The active values in HR's order, named in `locale` as the lists store them (SE_Values). */
export async function activeValueNames(origin: string, upn: string, locale: string): Promise<Array<{ key: string; name: string }>> {
  const rows = await spAll(origin, upn, "/web/lists/getByTitle('SE_Values')/items?$select=Title,ValueKey,SortOrder,Translations,IsActive&$top=5000");
  const nameOf = (row: Json): string => {
    try {
      const translations: unknown = JSON.parse(String(row.Translations ?? '{}'));
      const entry = isRecord(translations) ? translations[locale.toLowerCase()] : undefined;
      const name = isRecord(entry) && typeof entry.name === 'string' ? entry.name.trim() : '';
      return name || String(row.Title);
    } catch {
      return String(row.Title);
    }
  };
  return rows
    .filter((row) => row.IsActive === true)
    .sort((a, b) => Number(a.SortOrder) - Number(b.SortOrder) || String(a.Title).localeCompare(String(b.Title)))
    .map((row) => ({ key: String(row.ValueKey), name: nameOf(row) }));
}

export interface RecordedNotification {
  readonly activityType: string;
  readonly topic: { readonly value: string; readonly webUrl: string };
  readonly previewText: string;
  readonly sender: string;
  readonly recipient: string;
}

/** The Teams activity notifications the local Graph accepted for a person (UPN), oldest first. */
export async function recordedNotifications(origin: string, recipientUpn: string): Promise<RecordedNotification[]> {
  const url = `${origin}/_local/notifications?recipient=${encodeURIComponent(recipientUpn)}`;
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  }
  const body: unknown = await response.json();
  const value = isRecord(body) && Array.isArray(body.value) ? body.value.filter(isRecord) : [];
  const field = (record: Json, key: string): Json => (isRecord(record[key]) ? (record[key] as Json) : {});
  return value.map((record) => ({
    activityType: String(record.activityType ?? ''),
    topic: { value: String(field(record, 'topic').value ?? ''), webUrl: String(field(record, 'topic').webUrl ?? '') },
    previewText: String(field(record, 'previewText').content ?? ''),
    sender: String(field(record, 'sender').userPrincipalName ?? '').toLowerCase(),
    recipient: String(field(record, 'recipient').userPrincipalName ?? '').toLowerCase()
  }));
}
