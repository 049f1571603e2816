/**
 * How often one person may use a route of the relay: the limits of every route (RATE_LIMITS, the
 * one place they are stated) and the limiter that keeps them, free of any hosting framework and
 * with the clock given to it.
 *
 * A limit is one or more sliding windows ("3 per 60 s", "5 per 3600 s"); a use is admitted when
 * every window has room, and then counts in all of them. The router takes a use before it runs
 * the route's handler (so calls sent at once cannot slip past the limit together) and gives it
 * back when the call did not count (see RelayAnswer.counted).
 *
 * The uses are kept in the memory of one relay instance: with the relay scaled out to N
 * instances, one person can get up to N times the limit through (each instance counts alone),
 * and a restart forgets them. See docs/relay.md.
 */

/** At most `max` uses in any `seconds` seconds. */
export interface RateWindow {
  readonly max: number;
  readonly seconds: number;
}

/** Every window must have room for a use to be admitted. */
export type RateLimit = readonly RateWindow[];

/** The limits of the relay's routes, per person. */
export const RATE_LIMITS = {
  /**
   * POST /api/reports: posts one person takes off the wall. A report that hides nothing (the
   * same report sent again, a post already hidden, a repeat after HR dismissed) does not count.
   */
  reports: [
    { max: 3, seconds: 60 },
    { max: 5, seconds: 60 * 60 }
  ],
  /**
   * POST /api/recognitions: submissions one person gives (a crew award to many people is one).
   * A resend of a submission already stored does not count. Generous for a leader recognising
   * a crew one by one at the end of a shift; a flood of posts is stopped.
   */
  recognitions: [
    { max: 20, seconds: 60 },
    { max: 150, seconds: 60 * 60 }
  ],
  /**
   * POST /api/pulse/answers: answers one person gets counted. One per round is all anyone needs;
   * a refusal (already answered, not in the audience) and a resend do not count.
   */
  pulseAnswers: [
    { max: 5, seconds: 60 },
    { max: 20, seconds: 60 * 60 }
  ],
  /** GET /api/pulse/open: the prompt, the card and the part ask once per page or view. */
  pulseOpen: [
    { max: 30, seconds: 60 },
    { max: 600, seconds: 60 * 60 }
  ],
  /** POST /api/pulse/crews: HR's survey form asks once per audience or opening time it edits. */
  pulseCrews: [
    { max: 30, seconds: 60 },
    { max: 300, seconds: 60 * 60 }
  ],
  /** GET /api/pulse/results: a results page opened now and then, never a flood. */
  pulseResults: [
    { max: 30, seconds: 60 },
    { max: 600, seconds: 60 * 60 }
  ],
  /** Reading comment threads (HR, a leader, an author their own): pages opened now and then. */
  pulseThreadsRead: [
    { max: 30, seconds: 60 },
    { max: 600, seconds: 60 * 60 }
  ],
  /** Writing to comment threads (a reply, an answer back, hide, delete): a person types, never floods. */
  pulseThreadsWrite: [
    { max: 10, seconds: 60 },
    { max: 100, seconds: 60 * 60 }
  ],
  /** Reading action plans: the Pulse part and card of every employee, now and then. */
  pulsePlansRead: [
    { max: 30, seconds: 60 },
    { max: 600, seconds: 60 * 60 }
  ],
  /**
   * GET /api/pulse/card: the Pulse card's one read (open rounds, the person's comments, published
   * plans), once per card load. No wider than the comment threads' own read, whose cost (the
   * latest rounds' boxes decrypted) it carries.
   */
  pulseCard: [
    { max: 30, seconds: 60 },
    { max: 600, seconds: 60 * 60 }
  ],
  /** Writing action plans (HR and leaders: draft, publish, status): typed, never a flood. */
  pulsePlansWrite: [
    { max: 20, seconds: 60 },
    { max: 200, seconds: 60 * 60 }
  ],
  /**
   * POST /api/learning/progress: steps one person marks done. A step takes minutes; a person
   * catching up on a few short ones in a break stays well inside. A step done already does not count.
   */
  learningProgress: [
    { max: 20, seconds: 60 },
    { max: 120, seconds: 60 * 60 }
  ],
  /**
   * POST /api/learning/quiz: requests one person sends, against a flood only. It does not stop
   * anyone finding the answers by trying: a 10 × 4 quiz falls in some 31 attempts, inside an hour's
   * limit. What stops that is in the sealed record: three attempts a person and step in any 24
   * hours (`recordAttempt`, 429 `quizAttemptsUsed`), and a failed attempt that answers passed or
   * not, never how many were right. An attempt sent again does not count.
   */
  learningQuiz: [
    { max: 6, seconds: 60 },
    { max: 30, seconds: 60 * 60 }
  ],
  /** POST /api/learning/quiz-key: HR saves a quiz's answers, now and then. */
  learningQuizKey: [
    { max: 20, seconds: 60 },
    { max: 200, seconds: 60 * 60 }
  ],
  /** POST /api/learning/signoff: a trainer signs off a crew's practice at the end of a shift, one by one. */
  learningSignOff: [
    { max: 30, seconds: 60 },
    { max: 200, seconds: 60 * 60 }
  ],
  /** POST /api/learning/assign: HR's form, a leader assigning their people; never a flood. */
  learningAssign: [
    { max: 20, seconds: 60 },
    { max: 200, seconds: 60 * 60 }
  ],
  /** POST /api/learning/attempts: the person's page, or their manager in Entra ID going through the people they manage. */
  learningAttempts: [
    { max: 60, seconds: 60 },
    { max: 600, seconds: 60 * 60 }
  ]
} as const satisfies Readonly<Record<string, RateLimit>>;

/**
 * Refusals per person and route, for every route with a limit: a request the relay refuses
 * (already answered, not asked of you, invalid; any 4xx but 429) uses up nothing of the route's
 * own limit, but still makes the relay read SharePoint, so a script sending refused requests in a
 * loop would spend the relay's SharePoint budget for everyone. Wide enough for any mistake a
 * person or a device's resends make.
 */
export const REFUSAL_LIMIT: RateLimit = [
  { max: 30, seconds: 60 },
  { max: 300, seconds: 60 * 60 }
];

export type Admission =
  | {
      readonly admitted: true;
      /** Gives the use back (the call did not count); a second call does nothing. */
      release(): void;
    }
  | {
      readonly admitted: false;
      /** Whole seconds until a use would be admitted again (at least 1). */
      readonly retryAfterSeconds: number;
      /** The window that was full (the one with the longest wait). */
      readonly window: RateWindow;
    };

export interface RateLimiter {
  /** Takes one use of `route` by `caller` now under `limit`, or says when the next one is free. */
  take(route: string, caller: string, limit: RateLimit): Admission;
  /** How many callers and routes it holds uses of (uses that left every window are forgotten). */
  size(): number;
}

export interface RateLimiterOptions {
  /** Milliseconds since the epoch; `Date.now` unless a test or the local tenant gives its own. */
  readonly now?: () => number;
}

/** One use: an object, so that giving it back removes exactly this one. */
interface Use {
  readonly at: number;
}

interface Uses {
  /** The longest window of the limit: uses older than this count nowhere. */
  readonly spanMs: number;
  /** Oldest first. */
  list: Use[];
}

/** Forgetting callers whose uses are all out of their windows is done every this many takes. */
const SWEEP_EVERY = 500;

export const describeWindow = (window: RateWindow): string => `${window.max} per ${window.seconds} s`;

/** Throws for a limit that could never admit anything; its longest window in ms otherwise. */
export function checkRateLimit(limit: RateLimit): number {
  if (limit.length === 0) {
    throw new Error('A rate limit needs at least one window (it has no window).');
  }
  for (const window of limit) {
    if (!Number.isSafeInteger(window.max) || window.max < 1 || !(window.seconds > 0)) {
      throw new Error(`A rate limit of ${describeWindow(window)} can never admit anything.`);
    }
  }
  return Math.max(...limit.map((w) => w.seconds * 1000));
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const byKey = new Map<string, Uses>();
  let takes = 0;

  function sweep(at: number): void {
    for (const [key, uses] of byKey) {
      const last = uses.list[uses.list.length - 1];
      if (!last || last.at <= at - uses.spanMs) {
        byKey.delete(key);
      }
    }
  }

  return {
    take(route, caller, limit) {
      const spanMs = checkRateLimit(limit);
      const at = now();
      takes += 1;
      if (takes % SWEEP_EVERY === 0) {
        sweep(at);
      }
      const key = `${route}\n${caller}`;
      const uses = byKey.get(key) ?? { spanMs, list: [] };
      uses.list = uses.list.filter((use) => use.at > at - spanMs);

      let wait: { readonly ms: number; readonly window: RateWindow } | undefined;
      for (const window of limit) {
        const from = at - window.seconds * 1000;
        const inWindow = uses.list.filter((use) => use.at > from);
        if (inWindow.length >= window.max) {
          // Room comes when the use that puts the window at its limit leaves it.
          const ms = inWindow[inWindow.length - window.max].at - from;
          if (!wait || ms > wait.ms) {
            wait = { ms, window };
          }
        }
      }
      if (wait) {
        if (uses.list.length > 0) {
          byKey.set(key, uses);
        }
        return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(wait.ms / 1000)), window: wait.window };
      }

      const use: Use = { at };
      uses.list.push(use);
      uses.list.sort((a, b) => a.at - b.at);
      byKey.set(key, uses);
      return {
        admitted: true,
        release: () => {
          const current = byKey.get(key);
          if (current) {
            current.list = current.list.filter((u) => u !== use);
          }
        }
      };
    },
    size: () => {
      sweep(now());
      return byKey.size;
    }
  };
}
