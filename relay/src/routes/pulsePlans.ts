/**
 * Action plans, "you said, we did" (docs/relay.md "Action plans", docs/pulse-results.md):
 *
 *   GET  /api/pulse/plans          → 200 {plans}: the published plans of the caller's groups
 *   GET  /api/pulse/plans/mine     → 200 {writer, plans}: the plans the caller may edit, drafts too
 *   POST /api/pulse/plans/save     {planKey, id?, version?, plan} → 200 {plan}
 *   POST /api/pulse/plans/publish  {id, version, published}      → 200 {plan}
 *   POST /api/pulse/plans/status   {id, version, status}         → 200 {plan}
 *
 * The rules are the framework-free core's (`src/core/pulse/plans/`); this file decides who the
 * caller is and reads and writes SE_ActionPlans with the relay's identity (`plansStore.ts`):
 *
 * - **Who writes, from the token only**: HR (whoever may author surveys, as `POST /api/pulse/crews`
 *   and the results decide) writes for any group; a leader (the owner of a crew's Teams team, as
 *   Microsoft Graph says) only for the crews they lead, never the line, site or plant above them;
 *   anyone else writes nothing. The page never says whose scope it is.
 * - **Who reads**: anyone signed in gets the published plans of the plant and of the groups the
 *   directory and rosters put them in (site, line, crews, shift patterns, employment type, tenure
 *   band), found as answering finds them (`facts.ts`). Drafts reach no employee.
 * - **Only the relay's plans count**: a row someone wrote or changed in SharePoint by hand is not
 *   shown or changed (`plansStore.ts`).
 * - **A quote is a released comment, never the writer's words** (docs/pulse-results.md "Quoting a
 *   comment"): the plan names the comment by its thread id, and the relay takes it only when the
 *   writer's own results (`GET /api/pulse/results`, asked here as the threads ask it) show that
 *   comment in the list of the plan's group and round, and HR has not hidden it. It stores the
 *   thread id only and reads the words when it serves the plan to its writers (`plansQuotes.ts`),
 *   only while HR and leaders are shown the comment; employees never get the words. Every refusal of a quote is the same (`sourceUnavailable`),
 *   whether the thread does not exist, is not the writer's to see, or is hidden or deleted, so
 *   quoting tells a writer nothing the results do not.
 * - Nothing before Engage Setup (409 `notSetUp`): the list must be the relay's alone first.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { memberLogin } from '../../../src/core/people/claims';
import { groupAttributes } from '../../../src/core/pulse/audience';
import { groupKeysOf, type PersonGroups, plansForPerson, plansForWriter, type PlanWriter, mayWritePlanFor } from '../../../src/core/pulse/plans/scope';
import type { ActionPlanRecord, PlanError, PlanFields, PlanStatus, PublishedPlan } from '../../../src/core/pulse/plans/types';
import { PLAN_STATUSES } from '../../../src/core/pulse/plans/types';
import { checkPlan, publishable, repeatsQuote } from '../../../src/core/pulse/plans/validate';
import type { PulseResultsBody } from '../../../src/core/pulse/results/wire';
import { PLAN_KEY, type MyPlansBody, type PlanBody, type PlanWriterBody, type PublishedPlansBody } from '../../../src/core/pulse/plans/wire';
import { formatLocalDate, isTimeZone, localDateOf } from '../../../src/core/pulse/zonedTime';
import { siteForOffice } from '../../../src/core/plant/workplace';
import { LISTS } from '../../../src/core/schema/lists';
import { type Caller, RELAY_SCOPE } from '../auth';
import { RATE_LIMITS } from '../rateLimits';
import { problem, type RelayAnswer, RelayProblem, type UserRoute } from '../router';
import { setupGate } from '../setupGate';
import { ensuredUserId, sharePointProblem } from '../sharepoint';
import { type CrewRosterSource, mayAuthorSurveys } from '../pulse/crews';
import type { PulseKeyring } from '../pulse/envelope';
import type { PulseFactsSource } from '../pulse/facts';
import { crewPatternsOf, type OwnedGroupsSource } from '../pulse/results';
import { readNamedCrews, readPlantMap, readRound } from '../pulse/rounds';
import { EDITOR, EDITOR_COLUMNS, trustedRows } from '../pulse/trustedConfig';
import { readQuotes, type QuoteOf, servedSource } from '../pulse/plansQuotes';
import { addPlan, CLEARED, fieldValues, GROUP_KEY, odataText, PlanChangedError, PUBLISHED_AT, readPlan, readPlans, STATUS, type StoredPlan, updatePlan } from '../pulse/plansStore';
import { readRoundThreads } from '../pulse/threads';
import { pulseResultsRoute } from './pulseResults';

export interface PulsePlansRouteOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  /** The Teams teams a person owns (the crews they lead). */
  readonly ownedGroups?: OwnedGroupsSource;
  /** A person's directory facts (site, line, crew, employment type): the groups whose plans they see. */
  readonly facts?: PulseFactsSource;
  /**
   * The crews' rosters: the shift pattern of a person's crews (plans for a shift pattern), and
   * which owned teams are crews. Without it plans for a shift pattern reach nobody, and every
   * Teams team a person owns counts as a crew they lead.
   */
  readonly crewRosters?: CrewRosterSource;
  /**
   * The pulse keys: a quoted comment's words are read from the comment itself. Without them no
   * plan may quote a comment (502 `relayMisconfigured`) and plans are served without words.
   */
  readonly keys?: PulseKeyring;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

const MISCONFIGURED = (what: string): RelayProblem =>
  new RelayProblem(problem(502, 'relayMisconfigured', `The relay cannot read ${what}. Tell your IT admin.`), new Error(`No ${what} source.`));

const NOT_FOUND = (): RelayAnswer => problem(404, 'notFound', 'There is no such action plan, or it is not yours to change.');

/** A refusal of the plan's content: `field` the first rule broken, `errors` every field's. */
function refused(errors: readonly PlanError[], code: string = 'invalidInput'): RelayAnswer {
  return {
    status: 400,
    body: { error: { code, message: `The action plan is not valid (${errors.map((e) => e.code).join(', ')}).`, field: errors[0].code, errors } },
    counted: false
  };
}

/**
 * A quote refused: one answer for a thread that does not exist, is not the writer's to see in the
 * plan's group and round, or is hidden or deleted. Its own code (`quoteUnavailable`) tells the page
 * which field to mark, where other refusals are checked on the page first.
 */
const QUOTE_REFUSED = (): RelayAnswer => refused([{ field: 'source', code: 'sourceUnavailable' }], 'quoteUnavailable');

const isRecord = (value: unknown): value is { readonly [key: string]: unknown } => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a writer gets of a stored plan: all but its key, a quoted comment with its thread id and, where they may be served, its words. */
function recordOf(plan: StoredPlan, quoteOf: QuoteOf): ActionPlanRecord {
  const { planKey, ...record } = plan;
  void planKey;
  return { ...record, source: servedSource(plan, quoteOf, true) };
}

/**
 * What an employee gets of a published plan: no owner's sign-in name, version or round, no thread
 * id, and never a quoted comment's words: a comment was written to HR and leaders, and at ten
 * respondents colleagues can tell each other's words apart. The plan says it came from a comment;
 * "you said" is the writer's own words.
 */
function publishedOf(plan: StoredPlan & { readonly publishedAt: string }): PublishedPlan {
  return {
    id: plan.id,
    headline: plan.headline,
    driver: plan.driver,
    source: plan.source.kind === 'comment' ? { kind: 'comment' } : plan.source,
    youSaid: plan.youSaid,
    weWillDo: plan.weWillDo,
    ownerName: plan.owner.name,
    dueDate: plan.dueDate,
    status: plan.status,
    groupKey: plan.groupKey,
    publishedAt: plan.publishedAt
  };
}

export function pulsePlansRoutes(options: PulsePlansRouteOptions): readonly UserRoute[] {
  const log = options.log ?? (() => undefined);
  const now = (): Date => new Date((options.now ?? Date.now)());
  // Plans are the relay's alone (members read and write none) before it reads or writes there.
  const gate = setupGate(options.site, [LISTS.actionPlans.title], options.now);
  // Which comments a writer may quote is exactly which comments their results show them.
  const results = pulseResultsRoute({ site: options.site, keys: options.keys, ownedGroups: options.ownedGroups, now: options.now, log });

  /** Plans as served to writers: each with its quoted comment's words where they may be served. */
  async function served(sp: SPFI, plans: readonly StoredPlan[]): Promise<ActionPlanRecord[]> {
    const quoteOf = await readQuotes(sp, options.keys, plans, now(), log);
    return plans.map((plan) => recordOf(plan, quoteOf));
  }

  /**
   * The words of the comment `threadId` when the caller may quote it in a plan for `groupKey` of
   * `roundId`: their results show it in that group's list of that round, and HR has not hidden it
   * (HR's results keep hidden comments; a deletion that reached HR and leaders leaves every list).
   * A refusal of the results themselves (not set up, no keys) is theirs.
   */
  async function quotable(caller: Caller, fields: PlanFields, threadId: string): Promise<{ text?: string } | { refusal: RelayAnswer }> {
    if (!options.keys) {
      throw new RelayProblem(problem(502, 'relayMisconfigured', 'The relay has no pulse keys (SE_PULSE_KEYS). Tell your IT admin.'), new Error('SE_PULSE_KEYS is not set.'));
    }
    const answer = await results.handle({ caller, body: undefined });
    if (answer.status !== 200) {
      return { refusal: answer };
    }
    const round = (answer.body as PulseResultsBody).rounds.find((candidate) => candidate.roundId === fields.roundId);
    const list = round && 'release' in round ? round.release.comments.find((candidate) => candidate.key === fields.groupKey) : undefined;
    const comment = list && 'comments' in list ? list.comments.find((candidate) => candidate.threadId === threadId) : undefined;
    if (!comment) {
      return {};
    }
    const threads = await readRoundThreads(options.site(), options.keys, fields.roundId, now(), log);
    return threads.forOthers(threadId).status === 'visible' ? { text: comment.text } : {};
  }

  /**
   * The refusal of a plan's quote, if any. A new quote (another comment, group or round than the
   * stored plan's) must be one the caller may quote; the stored plan's own stays as it is (served
   * only while it may be). A comment whose words are not known (an older row's) only on the plan
   * that had it. "You said" must not hold the comment's words.
   */
  async function quoteRefusal(caller: Caller, fields: PlanFields, stored: StoredPlan | undefined): Promise<RelayAnswer | undefined> {
    const source = fields.source;
    if (source.kind !== 'comment') {
      return undefined;
    }
    const storedSource = stored?.source;
    const kept = stored !== undefined && storedSource?.kind === 'comment' && storedSource.threadId === source.threadId && stored.groupKey === fields.groupKey && stored.roundId === fields.roundId;
    if (source.threadId === undefined) {
      return kept ? undefined : QUOTE_REFUSED();
    }
    let text: string | undefined;
    if (kept) {
      text = (await readQuotes(options.site(), options.keys, [fields], now(), log))(fields.roundId, source.threadId);
    } else {
      const found = await quotable(caller, fields, source.threadId);
      if ('refusal' in found) {
        return found.refusal;
      }
      if (found.text === undefined) {
        return QUOTE_REFUSED();
      }
      text = found.text;
    }
    return repeatsQuote(fields.youSaid, text) ? refused([{ field: 'youSaid', code: 'youSaidRepeatsComment' }]) : undefined;
  }

  /**
   * The crews a person leads: the teams they own that HR named in a trusted survey's audience, as
   * for results and threads. Owning a team is not enough: anyone can create one, add colleagues and
   * put them on Shifts, and must not publish plans to a group they made.
   */
  async function ledCrews(sp: SPFI, userPrincipalName: string): Promise<string[]> {
    if (!options.ownedGroups) {
      throw MISCONFIGURED('the directory');
    }
    const [owned, named] = await Promise.all([options.ownedGroups(userPrincipalName), readNamedCrews(sp, log)]);
    return Array.from(owned).filter((team) => named.has(team));
  }

  /** Who the caller is as a writer of plans. */
  async function writerOf(sp: SPFI, userPrincipalName: string): Promise<PlanWriter | RelayAnswer> {
    const hr = await mayAuthorSurveys(sp, memberLogin(userPrincipalName));
    if (hr === undefined) {
      return problem(409, 'notSetUp', 'The engagement site has no pulse question bank yet. Tell your IT admin.');
    }
    if (hr) {
      return { role: 'hr' };
    }
    const crews = await ledCrews(sp, userPrincipalName);
    return crews.length > 0 ? { role: 'leader', crews } : { role: 'employee' };
  }

  const isAnswer = (value: PlanWriter | RelayAnswer): value is RelayAnswer => 'status' in value;

  /** The plant's today in the survey's time zone (UTC when the survey names none). */
  async function plantToday(sp: SPFI, surveyId: number): Promise<string> {
    const surveys = LISTS.surveys;
    const read = await sp.web.lists
      .getByTitle(surveys.title)
      .items.select('ID', surveys.fields.definition, ...EDITOR_COLUMNS)
      .expand(EDITOR)
      .filter(`ID eq ${surveyId}`)
      .top(1)<Array<Record<string, unknown>>>();
    const [row] = await trustedRows(sp, surveys.title, read, log);
    let zone: unknown;
    try {
      zone = (JSON.parse(String(row?.[surveys.fields.definition] ?? '{}')) as { timeZone?: unknown }).timeZone;
    } catch {
      zone = undefined;
    }
    return formatLocalDate(localDateOf(isTimeZone(zone) ? zone : 'UTC', now()));
  }

  /** The groups the person belongs to, as answering finds them. */
  async function groupsOf(sp: SPFI, userPrincipalName: string): Promise<PersonGroups> {
    if (!options.facts) {
      throw MISCONFIGURED('the directory');
    }
    const at = now();
    const [facts, map, rosters] = await Promise.all([options.facts(userPrincipalName, at), readPlantMap(sp, log), options.crewRosters ? options.crewRosters(at) : Promise.resolve([])]);
    const person = { siteCode: siteForOffice(map, facts.officeLocation)?.code, department: facts.department, crewKeys: facts.teamIds, employmentType: facts.employmentType };
    const groups = groupAttributes(person, { plantMap: map, hireDate: facts.hireDate, now: at });
    const patterns = crewPatternsOf(rosters);
    const crews = facts.teamIds.map((team) => team.toLowerCase());
    return {
      site: groups.site,
      line: groups.line,
      crews,
      shiftPatterns: crews.map((crew) => patterns[crew]).filter((pattern): pattern is string => typeof pattern === 'string'),
      employmentType: groups.employmentType,
      tenureBand: groups.tenureBand
    };
  }

  async function published(userPrincipalName: string): Promise<RelayAnswer> {
    const sp = options.site();
    const groups = await groupsOf(sp, userPrincipalName);
    // GroupKey is indexed: one request for the plant and each of the person's groups.
    const plans = plansForPerson(await readPlans(sp, groupKeysOf(groups).map((key) => `${GROUP_KEY} eq ${odataText(key)}`).join(' or ')), groups);
    const body: PublishedPlansBody = { plans: plans.map((plan) => publishedOf(plan)) };
    return { status: 200, body };
  }

  async function mine(userPrincipalName: string): Promise<RelayAnswer> {
    const sp = options.site();
    const writer = await writerOf(sp, userPrincipalName);
    if (isAnswer(writer)) {
      return writer;
    }
    const plans = writer.role === 'employee' ? [] : await served(sp, plansForWriter(await readPlans(sp), writer));
    const body: MyPlansBody = { writer: writerBody(writer), plans };
    return { status: 200, body };
  }

  async function save(caller: Caller, input: unknown): Promise<RelayAnswer> {
    const userPrincipalName = caller.userPrincipalName;
    const raw = isRecord(input) ? input : {};
    const planKey = typeof raw.planKey === 'string' ? raw.planKey : '';
    if (!PLAN_KEY.test(planKey)) {
      return problem(400, 'invalidInput', 'The plan key is not one (16 to 64 letters, digits and dashes).', { field: 'planKey' });
    }
    const id = raw.id;
    if (id !== undefined && (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1 || typeof raw.version !== 'string')) {
      return problem(400, 'invalidInput', 'A change names the plan\'s id and the version it was read at.', { field: 'id' });
    }
    const sp = options.site();
    const writer = await writerOf(sp, userPrincipalName);
    if (isAnswer(writer)) {
      return writer;
    }
    if (writer.role === 'employee') {
      return problem(403, 'notAllowed', 'Only HR and the leaders of crews write action plans.');
    }
    const stored = typeof id === 'number' ? await readPlan(sp, id) : undefined;
    if (typeof id === 'number' && (!stored || !mayWritePlanFor(writer, stored.groupKey))) {
      return NOT_FOUND();
    }
    const plan = isRecord(raw.plan) ? raw.plan : {};
    const round = typeof plan.roundId === 'number' && Number.isSafeInteger(plan.roundId) && plan.roundId >= 1 ? await readRound(sp, plan.roundId, now(), log) : undefined;
    const today = round ? await plantToday(sp, round.surveyId) : formatLocalDate(localDateOf('UTC', now()));
    const check = checkPlan(plan, { today, writer, purpose: stored?.publishedAt ? 'publish' : 'draft', storedDueDate: stored?.dueDate });
    if (!check.ok) {
      return refused(check.errors);
    }
    if (!round || round.timing === 'notYetOpen') {
      return refused([{ field: 'round', code: 'roundUnknown' }]);
    }
    const quoteRefused = await quoteRefusal(caller, check.fields, stored);
    if (quoteRefused) {
      return quoteRefused;
    }
    const ownerId = check.fields.owner.login === '' ? undefined : await ensuredUserId(sp, memberLogin(check.fields.owner.login));
    if (check.fields.owner.login !== '' && ownerId === undefined) {
      return refused([{ field: 'owner', code: 'ownerUnknown' }]);
    }
    const saved = stored
      ? await updatePlan(sp, stored.id, raw.version as string, { ...fieldValues(check.fields, ownerId), [LISTS.actionPlans.fields.surveyId]: round.surveyId })
      : await addPlan(sp, planKey, round.surveyId, check.fields, ownerId);
    if (!stored && !mayWritePlanFor(writer, saved.groupKey)) {
      // A resend whose key stands for a plan of a group this writer does not lead.
      return problem(400, 'invalidInput', 'This plan key is taken.', { field: 'planKey' });
    }
    const body: PlanBody = { plan: (await served(sp, [saved]))[0] };
    return { status: 200, body };
  }

  /** Reads the plan `id` the writer may change, with the version they read. */
  async function editable(sp: SPFI, userPrincipalName: string, input: unknown): Promise<{ plan: StoredPlan; version: string; writer: PlanWriter; raw: { readonly [key: string]: unknown } } | RelayAnswer> {
    const raw = isRecord(input) ? input : {};
    if (typeof raw.id !== 'number' || !Number.isSafeInteger(raw.id) || raw.id < 1 || typeof raw.version !== 'string' || raw.version === '') {
      return problem(400, 'invalidInput', 'Name the plan\'s id and the version it was read at.', { field: 'id' });
    }
    const writer = await writerOf(sp, userPrincipalName);
    if (isAnswer(writer)) {
      return writer;
    }
    const plan = await readPlan(sp, raw.id);
    if (!plan || !mayWritePlanFor(writer, plan.groupKey)) {
      return NOT_FOUND();
    }
    return { plan, version: raw.version, writer, raw };
  }

  async function publish({ userPrincipalName }: Caller, input: unknown): Promise<RelayAnswer> {
    const sp = options.site();
    const found = await editable(sp, userPrincipalName, input);
    if ('status' in found) {
      return found;
    }
    if (typeof found.raw.published !== 'boolean') {
      return problem(400, 'invalidInput', 'Say whether the plan is published.', { field: 'published' });
    }
    if (found.raw.published) {
      const check = publishable(found.plan, await plantToday(sp, found.plan.surveyId), found.writer);
      if (!check.ok) {
        return refused(check.errors);
      }
    }
    const publishedAt = found.raw.published ? found.plan.publishedAt ?? now().toISOString() : CLEARED;
    const saved = await updatePlan(sp, found.plan.id, found.version, { [PUBLISHED_AT]: publishedAt });
    const body: PlanBody = { plan: (await served(sp, [saved]))[0] };
    return { status: 200, body };
  }

  async function status({ userPrincipalName }: Caller, input: unknown): Promise<RelayAnswer> {
    const sp = options.site();
    const found = await editable(sp, userPrincipalName, input);
    if ('status' in found) {
      return found;
    }
    const next = found.raw.status as PlanStatus;
    if (PLAN_STATUSES.indexOf(next) < 0) {
      return refused([{ field: 'status', code: 'statusUnknown' }]);
    }
    const saved = await updatePlan(sp, found.plan.id, found.version, { [STATUS]: next });
    const body: PlanBody = { plan: (await served(sp, [saved]))[0] };
    return { status: 200, body };
  }

  /** Runs a call after the setup gate, with SharePoint's and Graph's failures as the relay's answers. */
  const guarded =
    (what: string, call: (caller: Caller, body: unknown) => Promise<RelayAnswer>): UserRoute['handle'] =>
    async ({ caller, body }) => {
      try {
        const refusal = await gate.refusal();
        return refusal ?? (await call(caller, body));
      } catch (error) {
        if (error instanceof PlanChangedError) {
          return { ...problem(409, 'planChanged', 'Someone changed this plan since you read it. Read it again.'), counted: false };
        }
        throw error instanceof RelayProblem ? error : sharePointProblem(error, what);
      }
    };

  const read = { userToken: { scope: RELAY_SCOPE }, body: 'none', rateLimit: RATE_LIMITS.pulsePlansRead } as const;
  const write = (maxCharacters: number): Pick<UserRoute, 'userToken' | 'body' | 'rateLimit'> => ({ userToken: { scope: RELAY_SCOPE }, body: { maxCharacters }, rateLimit: RATE_LIMITS.pulsePlansWrite });
  return [
    { method: 'GET', path: '/api/pulse/plans', ...read, handle: guarded('read the action plans', ({ userPrincipalName }) => published(userPrincipalName)) },
    { method: 'GET', path: '/api/pulse/plans/mine', ...read, handle: guarded('read the action plans', ({ userPrincipalName }) => mine(userPrincipalName)) },
    { method: 'POST', path: '/api/pulse/plans/save', ...write(16 * 1024), handle: guarded('save the action plan', save) },
    { method: 'POST', path: '/api/pulse/plans/publish', ...write(1024), handle: guarded('publish the action plan', publish) },
    { method: 'POST', path: '/api/pulse/plans/status', ...write(1024), handle: guarded('change the action plan\'s status', status) }
  ];
}

function writerBody(writer: PlanWriter): PlanWriterBody {
  return { role: writer.role, crews: writer.role === 'leader' ? writer.crews.map((value) => ({ dimension: 'crew', value })) : [] };
}
