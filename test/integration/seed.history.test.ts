/**
 * The demo plant's history (seedHistory) against a strict in-memory store that checks every
 * write against the list schemas in sharepoint/assets: Required fields (Title included),
 * Choice values, numbers (Min, whole numbers), booleans, dates, text lengths, unique columns,
 * and that user fields name people of the directory. The real SharePoint store is tested
 * by its owner; this pins what the seed writes.
 */
import * as fs from 'fs';
import * as path from 'path';

import { openDatabase } from '../../local/server/db';
import type { TenantContext } from '../../local/server/context';
import { NO_FAULTS } from '../../local/server/faults';
import type { AddItemOptions, ListInfo, SharePointStore, StoredItem } from '../../local/sharepoint/store';
import { createDirectory, ensureDirectorySchema, personas, seedHistory, seedPlant } from '../../local/tenant';
import type { Directory, Person } from '../../local/tenant/directory';
import { OPERATOR_CHECK_IN_COMMENT } from '../../local/tenant/history/pulse';
import { teamIdOf } from '../../local/tenant/rosters';
import { boxContext, pulseKeyring } from '../../relay/src/pulse/envelope';
import { messageContext, parseMessage } from '../../relay/src/pulse/threadsStore';
import { LOCAL_PULSE_KEYS } from '../../local/relay/pulseKeys';
import { answerEntries, commentEntries, parseBox } from '../../src/core/pulse/ballot';
import { ListSchemaField, parseElements, parseListSchema } from '../../src/core/schema/listSchema';

import { LIST_SECURITY } from '../../src/core/setup/listSecurity';

const ROOT = path.resolve(__dirname, '..', '..');
const ASSETS = path.join(ROOT, 'sharepoint', 'assets');
const TODAY = new Date('2026-10-20T09:00:00Z');
const SEED = 20261121;
const RELAY_ID = 9;

interface Written {
  readonly id: number;
  readonly list: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly authorId: number;
  readonly created: Date;
}

const TITLE_FIELD: ListSchemaField = {
  id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
  name: 'Title',
  staticName: 'Title',
  displayName: 'Title',
  type: 'Text',
  indexed: false,
  unique: false,
  required: true,
  choices: [],
  maxLength: 255
};

/** A SharePointStore that rejects anything the schemas do not allow. */
class StrictStore implements SharePointStore {
  public readonly items: Written[] = [];
  private readonly schemas = new Map<string, ListSchemaField[]>();
  private readonly unique = new Map<string, Set<string>>();

  public constructor(private readonly directory: Directory) {
    const manifest = parseElements(fs.readFileSync(path.join(ASSETS, 'elements.xml'), 'utf8'));
    for (const instance of manifest.listInstances) {
      const schema = parseListSchema(fs.readFileSync(path.join(ASSETS, instance.customSchema ?? ''), 'utf8'));
      this.schemas.set(instance.title, [TITLE_FIELD, ...schema.fields]);
    }
  }

  public lists(): ListInfo[] {
    return [];
  }

  public list(): ListInfo | undefined {
    return undefined;
  }

  public item(): StoredItem | undefined {
    return undefined;
  }

  public addItem(listTitle: string, values: Readonly<Record<string, unknown>>, options: AddItemOptions): number {
    const fields = this.schemas.get(listTitle);
    if (!fields) {
      throw new Error(`No list ${listTitle}`);
    }
    const where = `${listTitle} item ${this.items.length + 1}`;
    if (!this.isUser(options.authorId)) {
      throw new Error(`${where}: author ${options.authorId} is not a site user`);
    }
    for (const key of Object.keys(values)) {
      const field = fields.find((f) => f.name === key || (f.type === 'User' && `${f.name}Id` === key));
      if (!field || (field.type === 'User' && key === field.name)) {
        throw new Error(`${where}: no field ${key}`);
      }
    }
    for (const field of fields) {
      const key = field.type === 'User' ? `${field.name}Id` : field.name;
      const value = values[key];
      const empty = value === undefined || value === null || value === '';
      if (empty) {
        if (field.required) {
          throw new Error(`${where}: ${field.name} is required`);
        }
        continue;
      }
      this.check(where, field, value);
      // Unique columns, and the keys the product keeps to one item itself where SharePoint refuses a unique column.
      if (field.unique || (LIST_SECURITY[listTitle]?.notUnique ?? []).includes(field.name)) {
        const seen = this.unique.get(`${listTitle}/${field.name}`) ?? new Set<string>();
        if (seen.has(String(value))) {
          throw new Error(`${where}: duplicate ${field.name} ${String(value)}`);
        }
        seen.add(String(value));
        this.unique.set(`${listTitle}/${field.name}`, seen);
      }
    }
    const id = this.items.filter((item) => item.list === listTitle).length + 1;
    this.items.push({ id, list: listTitle, values, authorId: options.authorId, created: options.created ?? new Date() });
    return id;
  }

  private isUser(id: number): boolean {
    return this.directory.bySpUserId(id) !== undefined;
  }

  private check(where: string, field: ListSchemaField, value: unknown): void {
    const fail = (why: string): never => {
      throw new Error(`${where}: ${field.name} ${why} (${JSON.stringify(value)})`);
    };
    switch (field.type) {
      case 'Choice':
        if (typeof value !== 'string' || !field.choices.includes(value)) {
          fail(`is not one of ${field.choices.join(', ')}`);
        }
        break;
      case 'Number':
        if (typeof value !== 'number' || !Number.isFinite(value) || (field.min !== undefined && value < field.min) || !Number.isInteger(value)) {
          fail('is not a whole number in range');
        }
        break;
      case 'Boolean':
        if (typeof value !== 'boolean') {
          fail('is not a boolean');
        }
        break;
      case 'DateTime':
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value) || Number.isNaN(Date.parse(value))) {
          fail('is not an ISO 8601 UTC date-time');
        }
        break;
      case 'User':
        if (typeof value !== 'number' || !this.isUser(value)) {
          fail('is not a site user id');
        }
        break;
      case 'Text':
        if (typeof value !== 'string' || value.length > (field.maxLength ?? 255)) {
          fail('is not text within MaxLength');
        }
        break;
      case 'Note':
        if (typeof value !== 'string') {
          fail('is not text');
        }
        if (/^(Translations|Definition|Answers|Quiz)$/.test(field.name)) {
          JSON.parse(String(value));
        }
        break;
      default:
        fail(`has an unexpected type ${field.type}`);
    }
  }

  public of(list: string): Written[] {
    return this.items.filter((item) => item.list === list);
  }
}

function seeded(seed: number): { store: StrictStore; directory: Directory; ms: number } {
  const db = openDatabase(undefined);
  ensureDirectorySchema(db);
  seedPlant(db, { seed, today: TODAY });
  const directory = createDirectory(db);
  const store = new StrictStore(directory);
  const context: TenantContext = {
    db,
    directory,
    sp: store,
    faults: { ...NO_FAULTS },
    now: () => TODAY,
    siteUrlPath: '/sites/engage',
    repoRoot: ROOT
  };
  const started = Date.now();
  seedHistory(context, { seed, today: TODAY });
  const ms = Date.now() - started;
  db.close();
  return { store, directory, ms };
}

describe('the demo plant history', () => {
  let store: StrictStore;
  let directory: Directory;
  let ms: number;

  beforeAll(() => {
    ({ store, directory, ms } = seeded(SEED));
  });

  it('writes every item within the schemas (required, choices, unique keys, users) and quickly', () => {
    expect(store.items.length).toBeGreaterThan(1500);
    expect(ms).toBeLessThan(3000);
  });

  it('uses a store that really rejects bad writes (so the passing checks mean something)', () => {
    const recipient = directory.defaultPersona().spUserId;
    const valid = {
      Title: 'x',
      RecipientId: recipient,
      Kind: 'peer',
      ValueKey: 'safety',
      Message: 'Thanks',
      SiteCode: 'GOT',
      Visibility: 'everyone',
      Status: 'published',
      ClientRequestId: 'probe:1'
    };
    const probe = new StrictStore(directory);
    expect(() => probe.addItem('SE_Recognitions', { ...valid, Kind: 'shout-out' }, { authorId: recipient })).toThrow(/Kind is not one of/);
    expect(() => probe.addItem('SE_Recognitions', { ...valid, Message: '' }, { authorId: recipient })).toThrow(/Message is required/);
    expect(() => probe.addItem('SE_Recognitions', { ...valid, RecipientId: 99999 }, { authorId: recipient })).toThrow(/site user/);
    probe.addItem('SE_Recognitions', valid, { authorId: recipient });
    expect(() => probe.addItem('SE_Recognitions', valid, { authorId: recipient })).toThrow(/duplicate ClientRequestId/);
  });

  it('is deterministic: the same seed writes the same recognitions', () => {
    const again = seeded(SEED).store;
    const first = (s: StrictStore): unknown[] => s.of('SE_Recognitions').slice(0, 25).map((i) => [i.values, i.authorId, i.created]);
    expect(first(again)).toEqual(first(store));
    expect(again.items.length).toBe(store.items.length);
  });

  it('fills the wall: a few hundred recognitions of every kind and value, in time order', () => {
    const recognitions = store.of('SE_Recognitions');
    expect(recognitions.length).toBeGreaterThan(250);
    const values = new Set(recognitions.map((r) => r.values.ValueKey));
    expect(values).toEqual(new Set(['safety', 'quality', 'continuous-improvement', 'team-spirit', 'helping-a-colleague']));
    expect(new Set(recognitions.map((r) => r.values.Kind))).toEqual(new Set(['peer', 'leader', 'crew', 'milestone', 'anniversary']));
    expect(new Set(recognitions.map((r) => r.values.Visibility))).toEqual(new Set(['everyone', 'crew', 'private']));
    const times = recognitions.map((r) => r.created.getTime());
    expect(times).toEqual(times.slice().sort((x, y) => x - y));
    expect(Math.min(...times)).toBeGreaterThan(TODAY.getTime() - 57 * 86400000);
    expect(Math.max(...times)).toBeLessThan(TODAY.getTime());
    expect(recognitions.filter((r) => r.values.Impact).length).toBeGreaterThan(50);
  });

  it('writes messages in the giver’s language and includes agency givers and recipients', () => {
    const recognitions = store.of('SE_Recognitions').filter((r) => r.values.Kind === 'peer');
    // Posts are written by the relay; the giver is in Giver.
    expect(store.of('SE_Recognitions').every((r) => r.authorId === RELAY_ID)).toBe(true);
    const giverOf = (r: Written): Person | undefined => directory.bySpUserId(Number(r.values.GiverId));
    const swedish = recognitions.filter((r) => giverOf(r)?.preferredLanguage === 'sv-SE');
    const dutch = recognitions.filter((r) => giverOf(r)?.preferredLanguage === 'nl-NL');
    expect(swedish.some((r) => /Tack|tack/.test(String(r.values.Message)))).toBe(true);
    expect(dutch.some((r) => /Dank|dank/.test(String(r.values.Message)))).toBe(true);
    expect(recognitions.some((r) => giverOf(r)?.employeeType === 'Agency')).toBe(true);
    expect(recognitions.some((r) => directory.bySpUserId(Number(r.values.RecipientId))?.employeeType === 'Agency')).toBe(true);
  });

  it('shares one BatchId across a crew award, and reports one recognition', () => {
    const crew = store.of('SE_Recognitions').filter((r) => r.values.Kind === 'crew');
    const batches = new Map<unknown, number>();
    for (const item of crew) {
      batches.set(item.values.BatchId, (batches.get(item.values.BatchId) ?? 0) + 1);
    }
    expect(batches.size).toBeGreaterThanOrEqual(3);
    expect(Array.from(batches.values()).every((n) => n >= 8)).toBe(true);
    const reported = store.of('SE_Recognitions').filter((r) => r.values.Status === 'reported');
    expect(reported).toHaveLength(1);
    const reports = store.of('SE_Reports');
    expect(reports.find((r) => r.values.RecognitionId === reported[0].id)?.values.Status).toBe('open');
  });

  it('keeps one reaction per person per recognition, and some people opt out of the public wall', () => {
    const reactions = store.of('SE_Reactions');
    expect(reactions.length).toBeGreaterThan(300);
    for (const reaction of reactions) {
      expect(reaction.values.ReactionKey).toBe(`${String(reaction.values.RecognitionId)}:${reaction.authorId}`);
    }
    const preferences = store.of('SE_Preferences');
    expect(preferences.filter((p) => p.values.HideFromPublicWall === true).length).toBeGreaterThanOrEqual(3);
    expect(preferences.every((p) => p.authorId === p.values.PersonId)).toBe(true);
  });

  it('writes pulse answers and participation through the relay, never as the respondent', () => {
    const responses = store.of('SE_Responses');
    const participation = store.of('SE_Participation');
    expect(participation.length).toBeGreaterThan(100);
    // Ballot boxes: a few per round, each holding many answers, never one item per answer.
    expect(responses.length).toBeGreaterThan(0);
    expect(responses.length).toBeLessThan(participation.length / 4);
    expect(responses.every((r) => r.authorId === RELAY_ID)).toBe(true);
    expect(participation.every((p) => p.authorId === RELAY_ID)).toBe(true);
    expect(participation.every((p) => p.values.Status === 'counted' && !p.values.Token)).toBe(true);
    expect(responses.every((r) => r.created.getUTCHours() === 0 && r.created.getUTCMinutes() === 0)).toBe(true);
    expect(responses.every((r) => !('Participant' in r.values) && !('ParticipantId' in r.values))).toBe(true);
    expect(responses.every((r) => typeof r.values.Envelope === 'string' && (r.values.Envelope as string).startsWith('pe1.'))).toBe(true);
    // The relay's key opens them (as the relay would): one answer entry per participant, and
    // comments apart from the scores, each with its author's tag.
    const keys = pulseKeyring(LOCAL_PULSE_KEYS);
    const entries = responses.flatMap((r) => parseBox(keys.open(String(r.values.Envelope), boxContext(Number(r.values.RoundId), String(r.values.Title)))).entries);
    expect(answerEntries(entries)).toHaveLength(participation.length);
    const comments = commentEntries(entries);
    expect(comments.length).toBeGreaterThan(10);
    const authors = new Set(participation.map((p) => keys.authorTag(Number(p.values.RoundId), directory.bySpUserId(Number(p.values.ParticipantId))?.id ?? '')));
    expect(comments.every((c) => authors.has(c.author) && c.text.length > 0)).toBe(true);
    const rounds = store.of('SE_SurveyRounds');
    expect(rounds.map((r) => r.values.Status).sort()).toEqual(['closed', 'closed', 'open']);
    // Threads on comments as the relay keeps them: sealed, nothing readable beside the round.
    const messages = store.of('SE_Comments');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => String(m.values.Body).startsWith('pe1.') && !m.values.ThreadId && !m.values.AuthorRole)).toBe(true);
    const opened = messages.map((m) => parseMessage(keys.open(String(m.values.Body), messageContext(Number(m.values.RoundId), String(m.values.Title)))));
    expect(opened.some((m) => m?.kind === 'reply' && m.role === 'hr' && m.text.length > 0)).toBe(true);
    expect(opened.some((m) => m?.kind === 'answer' && m.role === 'employee')).toBe(true);
    expect(opened.some((m) => m?.kind === 'hidden')).toBe(true);
    expect(store.of('SE_ActionPlans').some((p) => p.values.PublishedAt)).toBe(true);
  });

  it('seeds a crew check-in HR sent to the personas\' crew by name: a closed round the crew answered enough for its comments to show, the operator\'s comment in Swedish with no reply yet', () => {
    const keys = pulseKeyring(LOCAL_PULSE_KEYS);
    const chosen = new Map(personas(directory).map((choice) => [choice.key, choice.person]));
    const operator = chosen.get('operator') as Person;
    const leader = chosen.get('teamLeader') as Person;
    const team = teamIdOf(operator.crewKey as string);
    expect(leader.crewKey).toBe(operator.crewKey);
    // The only survey naming a crew: its Teams team, as HR picks it in Pulse admin.
    const naming = store.of('SE_Surveys').filter((s) => ((JSON.parse(String(s.values.Definition)) as { audience: { crewKeys?: string[] } }).audience.crewKeys ?? []).length > 0);
    expect(naming.map((s) => (JSON.parse(String(s.values.Definition)) as { audience: unknown }).audience)).toEqual([{ crewKeys: [team] }]);
    const [survey] = naming;
    expect(directory.bySpUserId(survey.authorId)?.isHr).toBe(true);
    expect([survey.values.Status, survey.values.Cadence, survey.values.MinGroupSize, survey.values.MinCommentGroupSize]).toEqual(['closed', 'once', 5, 10]);
    const rounds = store.of('SE_SurveyRounds').filter((r) => r.values.SurveyId === survey.id);
    expect(rounds.map((r) => [r.values.Status, r.values.ThresholdsLocked, r.values.MinCommentGroupSize])).toEqual([['closed', true, 10]]);
    const roundId = rounds[0].id;
    // Closed before any other round opened: the monthly pulse stays the newest round with results.
    const others = store.of('SE_SurveyRounds').filter((r) => r.id !== roundId);
    expect(others.every((r) => Date.parse(String(r.values.OpensAt)) > Date.parse(String(rounds[0].values.ClosesAt)))).toBe(true);

    // At least the comment minimum answered, all of the crew, the operator among them.
    const participants = store.of('SE_Participation').filter((p) => p.values.RoundId === roundId).map((p) => directory.bySpUserId(Number(p.values.ParticipantId)));
    expect(participants.length).toBeGreaterThanOrEqual(10);
    expect(participants.every((p) => p?.crewKey === operator.crewKey)).toBe(true);
    expect(participants).toContain(operator);
    const entries = store
      .of('SE_Responses')
      .filter((r) => r.values.RoundId === roundId)
      .flatMap((r) => parseBox(keys.open(String(r.values.Envelope), boxContext(roundId, String(r.values.Title)))).entries);
    expect(answerEntries(entries)).toHaveLength(participants.length);
    expect(entries.every((e) => e.groups.crew === team.toLowerCase())).toBe(true);
    // The operator's comment, in Swedish, under her tag; her colleagues' under theirs; no thread yet.
    const comments = commentEntries(entries);
    expect(comments.filter((c) => c.author === keys.authorTag(roundId, operator.id)).map((c) => c.text)).toEqual([OPERATOR_CHECK_IN_COMMENT]);
    expect(OPERATOR_CHECK_IN_COMMENT).toMatch(/[åäö]/);
    const tags = new Set(participants.map((p) => keys.authorTag(roundId, p?.id ?? '')));
    expect(comments.length).toBeGreaterThan(1);
    expect(comments.every((c) => tags.has(c.author))).toBe(true);
    expect(store.of('SE_Comments').filter((m) => m.values.RoundId === roundId)).toEqual([]);
  });

  it('seeds learning paths, assignments, progress with some certificates expiring soon, and a skills matrix', () => {
    expect(store.of('SE_LearningPaths').length).toBeGreaterThanOrEqual(4);
    expect(store.of('SE_LearningSteps').some((s) => s.values.Kind === 'viva-course' && s.values.VivaCourseId)).toBe(true);
    expect(store.of('SE_Assignments').some((a) => a.values.CrewKey)).toBe(true);
    const progress = store.of('SE_Progress');
    const soon = progress.filter((p) => {
      const expires = typeof p.values.ExpiresAt === 'string' ? Date.parse(p.values.ExpiresAt) : NaN;
      return expires > TODAY.getTime() && expires < TODAY.getTime() + 31 * 86400000;
    });
    expect(soon.length).toBeGreaterThan(0);
    expect(progress.some((p) => p.values.Status === 'signed-off' && p.values.SignedOffById)).toBe(true);
    const skills = store.of('SE_Skills');
    expect(new Set(skills.map((s) => s.values.Level))).toEqual(new Set(['I', 'L', 'U', 'O']));
    expect(new Set(skills.map((s) => s.values.CrewKey)).size).toBeGreaterThanOrEqual(20);
  });
});
