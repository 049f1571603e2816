/**
 * Anonymous two-way comment threads on pulse rounds (docs/relay.md "Comment threads",
 * docs/pulse-results.md "Comment threads", docs/pulse-threat-model.md "Comment threads").
 *
 *   GET  /api/pulse/threads             HR and leaders: the threads of the comments their results show
 *   POST /api/pulse/threads/reply       {threadId, requestId, text}    HR or a leader who sees the comment
 *   POST /api/pulse/threads/visibility  {threadId, requestId, hidden}  HR: hide or show a comment
 *   GET  /api/pulse/threads/mine        the caller's own comments of the latest rounds, with their threads
 *   POST /api/pulse/threads/answer      {threadId, requestId, text}    the author answers back
 *   POST /api/pulse/threads/delete      {threadId, requestId}          the author deletes their comment
 *
 * - **Who may see or act on a thread**, from the token only: HR and leaders the comments their own
 *   `GET /api/pulse/results` shows them, decided by that route itself (the same release, scope and
 *   rules: this route asks it), so a leader reaches only comments in lists inside the groups they
 *   lead, and never one HR hid. The author: the comments whose author tag (under any configured
 *   key) is theirs, found in the latest rounds' boxes by the relay; nobody else can tell.
 * - **One answer for "no such thread" and "not yours"**: 404 `notFound`, whichever it is, after the
 *   same reads, so probing thread ids tells a leader nothing about whether a comment exists.
 * - **Writes** are messages sealed into SE_Comments by the relay (`threadsStore.ts`); a resend of
 *   the same write (its `requestId`) writes nothing again.
 * - Refused before Engage Setup secured SE_Comments and the answers' lists (409 `notSetUp`), and
 *   without pulse keys (502 `relayMisconfigured`).
 */
import type { SPFI } from '@pnp/sp';

import type { PulseResultsBody } from '../../../src/core/pulse/results/wire';
import { answeredBy, mayAnswerBack, parseThreadRequest, type ThreadRequest, type ThreadRole, type ThreadView } from '../../../src/core/pulse/threads/threads';
import type { MyCommentBody, MyCommentsBody, PulseThreadsBody, ThreadBody } from '../../../src/core/pulse/threads/wire';
import { LISTS } from '../../../src/core/schema/lists';
import { type Caller, RELAY_SCOPE } from '../auth';
import { RATE_LIMITS } from '../rateLimits';
import { problem, type RelayAnswer, RelayProblem, type RouteCall, type UserRoute } from '../router';
import { setupGate } from '../setupGate';
import { sharePointProblem } from '../sharepoint';
import type { PulseKeyring } from '../pulse/envelope';
import type { OwnedGroupsSource } from '../pulse/results';
import { readResultRounds } from '../pulse/results';
import { readRoundThreads, roundComments, type RoundThreads } from '../pulse/threads';
import { writeMessage } from '../pulse/threadsStore';
import { pulseResultsRoute } from './pulseResults';

export interface PulseThreadsRouteOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  /** The pulse keys; without them no comment can be read. */
  readonly keys?: PulseKeyring;
  /** The Teams teams a person owns (the crews they lead). */
  readonly ownedGroups?: OwnedGroupsSource;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

/** A write's body: a reply or answer back of at most 1,000 characters, JSON-escaped at worst six characters each. */
const WRITE_BODY = { maxCharacters: 8 * 1024 };

const NOT_FOUND = (): RelayAnswer => problem(404, 'notFound', 'There is no such comment, or it is not yours to see.');

type Log = (line: string) => void;

function invalid(field: string): RelayAnswer {
  return problem(400, 'invalidInput', `The request is not valid (${field}).`, { field });
}

export function pulseThreadsRoutes(options: PulseThreadsRouteOptions): readonly UserRoute[] {
  const log: Log = options.log ?? (() => undefined);
  const now = (): Date => new Date((options.now ?? Date.now)());
  // Threads live in SE_Comments beside the answers: all three must be the relay's alone.
  const gate = setupGate(options.site, [LISTS.comments.title, LISTS.responses.title, LISTS.participation.title], options.now);
  // What HR and leaders may see of the comments is exactly what their results show them.
  const results = pulseResultsRoute({ site: options.site, keys: options.keys, ownedGroups: options.ownedGroups, now: options.now, log });

  /** The keys, once setup has run; a refusal otherwise. */
  async function ready(): Promise<{ keys: PulseKeyring } | { refusal: RelayAnswer }> {
    const keys = options.keys;
    if (!keys) {
      throw new RelayProblem(problem(502, 'relayMisconfigured', 'The relay has no pulse keys (SE_PULSE_KEYS). Tell your IT admin.'), new Error('SE_PULSE_KEYS is not set.'));
    }
    const refusal = await gate.refusal();
    return refusal ? { refusal } : { keys };
  }

  /** A write's body checked, then setup and the keys; the refusal where one fails. */
  async function writeStart(call: RouteCall<Caller>, needs: 'text' | 'hidden' | 'nothing'): Promise<{ request: ThreadRequest; keys: PulseKeyring } | { refusal: RelayAnswer }> {
    const parsed = parseThreadRequest(call.body, needs);
    if (!parsed.ok) {
      return { refusal: invalid(parsed.error) };
    }
    const start = await ready();
    return 'refusal' in start ? start : { request: parsed.request, keys: start.keys };
  }

  /** The caller's results (their role and the comments shown to them), or the results' refusal. */
  async function resultsOf(caller: Caller): Promise<{ body: PulseResultsBody } | { refusal: RelayAnswer }> {
    const answer = await results.handle({ caller, body: undefined });
    return answer.status === 200 ? { body: answer.body as PulseResultsBody } : { refusal: answer };
  }

  /** The thread ids shown to the caller, by round. */
  function shownThreads(body: PulseResultsBody): Map<number, Set<string>> {
    const byRound = new Map<number, Set<string>>();
    body.rounds.forEach((round) => {
      if (!('release' in round)) {
        return;
      }
      const ids = new Set<string>();
      round.release.comments.forEach((list) => ('comments' in list ? list.comments : []).forEach((comment) => comment.threadId !== undefined && ids.add(comment.threadId)));
      if (ids.size > 0) {
        byRound.set(round.roundId, ids);
      }
    });
    return byRound;
  }

  /** HR's and leaders' threads: those of the comments their results show, with a message or a status. */
  async function readThreads(caller: Caller): Promise<RelayAnswer> {
    const start = await ready();
    if ('refusal' in start) {
      return start.refusal;
    }
    const shown = await resultsOf(caller);
    if ('refusal' in shown) {
      return shown.refusal;
    }
    const role = shown.body.viewer.role;
    const threads: ThreadBody[] = [];
    const at = now();
    const sp = options.site();
    for (const [roundId, ids] of shownThreads(shown.body)) {
      const round = await readRoundThreads(sp, start.keys, roundId, at, log);
      ids.forEach((threadId) => {
        const view = round.forOthers(threadId);
        // A leader's results leave hidden comments out already; a deleted one is in nobody's.
        if (view.status === 'deleted' || (view.status === 'hidden' && role !== 'hr') || (view.status === 'visible' && view.messages.length === 0)) {
          return;
        }
        threads.push({ roundId, threadId, status: view.status, messages: view.messages });
      });
    }
    const body: PulseThreadsBody = { viewer: { role }, threads };
    return { status: 200, body };
  }

  /** HR or a leader writing to a thread their results show (a reply; HR's hide or show). */
  async function writeAsReader(call: RouteCall<Caller>, needs: 'text' | 'hidden'): Promise<RelayAnswer> {
    const start = await writeStart(call, needs);
    if ('refusal' in start) {
      return start.refusal;
    }
    const shown = await resultsOf(call.caller);
    if ('refusal' in shown) {
      return shown.refusal;
    }
    const role = shown.body.viewer.role;
    if (needs === 'hidden' && role !== 'hr') {
      return problem(403, 'notAllowed', 'Only HR hides or shows comments.');
    }
    const request = start.request;
    const roundId = [...shownThreads(shown.body)].find(([, ids]) => ids.has(request.threadId))?.[0];
    if (roundId === undefined || role === 'employee') {
      return NOT_FOUND();
    }
    const round = await readRoundThreads(options.site(), start.keys, roundId, now(), log);
    if (round.forOthers(request.threadId).status === 'deleted') {
      return NOT_FOUND();
    }
    const message =
      needs === 'text'
        ? { threadId: request.threadId, kind: 'reply' as const, role: role as ThreadRole, text: request.text ?? '' }
        : { threadId: request.threadId, kind: request.hidden ? ('hidden' as const) : ('shown' as const), role: 'hr' as const, text: '' };
    const outcome = await writeMessage(options.site(), start.keys, roundId, request.requestId, message, round.written);
    return { status: 200, body: { done: true }, counted: outcome === 'written' };
  }

  /** The caller's own comments in the latest rounds, with their threads as they read them. */
  async function ownComments(caller: Caller, keys: PulseKeyring): Promise<Array<{ readonly body: MyCommentBody; readonly view: ThreadView; readonly threads: RoundThreads }>> {
    const sp = options.site();
    const at = now();
    const rounds = await readResultRounds(sp, keys, at, log);
    const out: Array<{ body: MyCommentBody; view: ThreadView; threads: RoundThreads }> = [];
    for (const round of rounds) {
      const roundId = round.pulse.roundId;
      // Their tags under every key: comments written before a rotation are theirs too.
      const tags = new Set(keys.authorTags(roundId, caller.objectId));
      const mine = (await roundComments(sp, keys, roundId, log)).filter((entry) => tags.has(entry.author));
      if (mine.length === 0) {
        continue;
      }
      const threads = await readRoundThreads(sp, keys, roundId, at, log);
      mine
        .sort((a, b) => (a.questionKey < b.questionKey ? -1 : a.questionKey > b.questionKey ? 1 : 0))
        .forEach((entry) => {
          const threadId = threads.threadIdOf(entry);
          const view = threads.forAuthor(threadId);
          const by = answeredBy(view);
          const body: MyCommentBody = {
            roundId,
            title: round.pulse.title,
            questionKey: entry.questionKey,
            text: entry.text,
            threadId,
            status: view.status,
            messages: view.messages.map((message) => ({ ...message, mine: message.role === 'employee' })),
            ...(by ? { answeredBy: by } : {}),
            canAnswer: mayAnswerBack(view)
          };
          out.push({ body, view, threads });
        });
    }
    return out;
  }

  async function readMine(caller: Caller): Promise<RelayAnswer> {
    const start = await ready();
    if ('refusal' in start) {
      return start.refusal;
    }
    const body: MyCommentsBody = { comments: (await ownComments(caller, start.keys)).map((comment) => comment.body) };
    return { status: 200, body };
  }

  /** The author answering back or deleting: only a thread of their own comment. */
  async function writeAsAuthor(call: RouteCall<Caller>, needs: 'text' | 'nothing'): Promise<RelayAnswer> {
    const start = await writeStart(call, needs);
    if ('refusal' in start) {
      return start.refusal;
    }
    const request = start.request;
    const own = (await ownComments(call.caller, start.keys)).find((comment) => comment.body.threadId === request.threadId);
    if (!own) {
      return NOT_FOUND();
    }
    const { roundId } = own.body;
    const view = own.view;
    if (needs === 'nothing' && view.status === 'deleted') {
      return { status: 200, body: { done: true }, counted: false };
    }
    if (needs === 'text' && !mayAnswerBack(view)) {
      return view.status === 'visible'
        ? problem(409, 'nothingToAnswer', 'Nobody has replied to this comment yet.')
        : problem(409, 'threadClosed', 'This comment was deleted or hidden; it takes no more answers.');
    }
    const message = needs === 'text' ? { threadId: request.threadId, kind: 'answer' as const, role: 'employee' as const, text: request.text ?? '' } : { threadId: request.threadId, kind: 'deleted' as const, role: 'employee' as const, text: '' };
    const outcome = await writeMessage(options.site(), start.keys, roundId, request.requestId, message, own.threads.written);
    return { status: 200, body: { done: true }, counted: outcome === 'written' };
  }

  /** A handler whose SharePoint and Graph failures are answered as the relay answers them (busy 503, a missing grant 502). */
  function guarded(what: string, work: (call: RouteCall<Caller>) => Promise<RelayAnswer>): (call: RouteCall<Caller>) => Promise<RelayAnswer> {
    return async (call) => {
      try {
        return await work(call);
      } catch (error) {
        throw error instanceof RelayProblem ? error : sharePointProblem(error, what);
      }
    };
  }

  const read = { userToken: { scope: RELAY_SCOPE }, body: 'none' as const, rateLimit: RATE_LIMITS.pulseThreadsRead };
  const write = { userToken: { scope: RELAY_SCOPE }, body: WRITE_BODY, rateLimit: RATE_LIMITS.pulseThreadsWrite };
  return [
    { ...read, method: 'GET', path: '/api/pulse/threads', handle: guarded('read the comment threads', ({ caller }) => readThreads(caller)) },
    { ...write, method: 'POST', path: '/api/pulse/threads/reply', handle: guarded('reply to a comment', (call) => writeAsReader(call, 'text')) },
    { ...write, method: 'POST', path: '/api/pulse/threads/visibility', handle: guarded('hide or show a comment', (call) => writeAsReader(call, 'hidden')) },
    { ...read, method: 'GET', path: '/api/pulse/threads/mine', handle: guarded('read your comments', ({ caller }) => readMine(caller)) },
    { ...write, method: 'POST', path: '/api/pulse/threads/answer', handle: guarded('answer back', (call) => writeAsAuthor(call, 'text')) },
    { ...write, method: 'POST', path: '/api/pulse/threads/delete', handle: guarded('delete your comment', (call) => writeAsAuthor(call, 'nothing')) }
  ];
}
