/**
 * A plan as a writer sends it, checked: the same rules on the page (beside each field, before
 * anything is sent) and in the relay (which trusts nothing from the page).
 *
 * - Text is normalised as everywhere in the product (`normaliseText`: control and invisible
 *   characters removed, ends trimmed) and measured in UTF-16 code units, as SharePoint measures it.
 * - A **draft** needs a headline, a driver, what was heard, the group and the round; what will be
 *   done, the owner and the due day may wait. **Publishing** needs every field: employees see
 *   who answers for it and by when.
 * - The due day is a day of the plant's calendar, never before the plant's today when the plan is
 *   created or its due day changes (an overdue plan may keep its day).
 * - The driver is one of the product's drivers; the group one a plan can be for and the writer may
 *   act for (`scope.ts`); the source a driver or a released comment named by its thread id. Words
 *   sent as a comment's are never taken: the relay reads them from the comment (`types.ts`
 *   `PlanSource`), and only the relay can tell whether the writer is shown that comment.
 * - "You said" is the writer's own words, stored as written: the quoted comment copied into it
 *   word for word is refused, since it would stay with the plan when the comment goes.
 */
import { PULSE_DRIVERS, type PulseDriver, ACTION_PLAN_STATUSES, type ActionPlanStatus } from '../../models/pulse';
import { hasVisibleText, normaliseText } from '../../recognition/compose';
import { THREAD_ID_PATTERN } from '../threads/threads';
import { parseLocalDate } from '../zonedTime';
import { mayWritePlanFor, planGroupOf, type PlanWriter } from './scope';
import { FIELD_OF, PLAN_LIMITS, type PlanError, type PlanErrorCode, type PlanFields, type PlanSource } from './types';

export type PlanPurpose = 'draft' | 'publish';

export interface PlanCheckContext {
  /** The plant's today, `YYYY-MM-DD` (`localDateOf` in the plant's time zone). */
  readonly today: string;
  readonly writer: PlanWriter;
  readonly purpose: PlanPurpose;
  /** The stored due day when an existing plan is changed (it may stay in the past). */
  readonly storedDueDate?: string;
  /** The quoted comment's words, where known (the editor's quote; the relay's read of the comment). */
  readonly quote?: string;
}

export type PlanCheck = { readonly ok: true; readonly fields: PlanFields } | { readonly ok: false; readonly errors: readonly PlanError[] };

type Raw = { readonly [key: string]: unknown };

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string => (typeof value === 'string' ? normaliseText(value) : '');
/** One line: line breaks become spaces. */
const lineOf = (value: unknown): string => textOf(value).replace(/\s*\n\s*/g, ' ');

/** A sign-in name: something@domain (guests' `…#EXT#@…` too), no spaces. */
const LOGIN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The source as sent: a comment by its thread id, or (no id) a comment whose words are not known,
 * which only a plan stored so before may keep (the relay decides); words sent with it are dropped.
 */
function sourceOf(value: unknown): PlanSource | undefined {
  if (value === undefined) {
    return { kind: 'driver' };
  }
  if (!isRecord(value) || (value.kind !== 'driver' && value.kind !== 'comment')) {
    return undefined;
  }
  if (value.kind === 'driver') {
    return { kind: 'driver' };
  }
  if (value.threadId === undefined) {
    return { kind: 'comment' };
  }
  return typeof value.threadId === 'string' && THREAD_ID_PATTERN.test(value.threadId) ? { kind: 'comment', threadId: value.threadId } : undefined;
}

/** Text compared as a reader would: one space between words, any case. */
const folded = (text: string): string => normaliseText(text).replace(/\s+/g, ' ').toLowerCase();

/**
 * The shortest comment (in characters, folded) whose copy in "you said" is refused: a shorter one
 * ("more breaks") is what a writer would put in their own words anyway.
 */
export const QUOTE_COPY_MIN = 20;

/** Whether `text` holds the quoted comment word for word. */
export function repeatsQuote(text: string, quote: string | undefined): boolean {
  const wanted = quote === undefined ? '' : folded(quote);
  return wanted.length >= QUOTE_COPY_MIN && folded(text).indexOf(wanted) >= 0;
}

/**
 * Checks a plan sent as JSON (or typed in the editor): every problem, one per field at most, or the
 * plan normalised.
 */
export function checkPlan(input: unknown, context: PlanCheckContext): PlanCheck {
  const raw: Raw = isRecord(input) ? input : {};
  const owner: Raw = isRecord(raw.owner) ? raw.owner : {};
  const errors: PlanError[] = [];
  const fail = (code: PlanErrorCode): void => {
    if (!errors.some((error) => error.field === FIELD_OF[code])) {
      errors.push({ field: FIELD_OF[code], code });
    }
  };
  const publish = context.purpose === 'publish';
  const within = (text: string, limit: number, empty: PlanErrorCode | undefined, tooLong: PlanErrorCode): void => {
    if (empty && !hasVisibleText(text)) {
      fail(empty);
    } else if (text.length > limit) {
      fail(tooLong);
    }
  };

  const headline = lineOf(raw.headline);
  within(headline, PLAN_LIMITS.headline, 'headlineEmpty', 'headlineTooLong');

  const driver = raw.driver as PulseDriver;
  if (PULSE_DRIVERS.indexOf(driver) < 0) {
    fail('driverUnknown');
  }

  const source = sourceOf(raw.source);
  if (!source) {
    fail('sourceInvalid');
  }

  const youSaid = textOf(raw.youSaid);
  within(youSaid, PLAN_LIMITS.youSaid, 'youSaidEmpty', 'youSaidTooLong');
  if (source?.kind === 'comment' && repeatsQuote(youSaid, context.quote)) {
    fail('youSaidRepeatsComment');
  }

  const weWillDo = textOf(raw.weWillDo);
  within(weWillDo, PLAN_LIMITS.weWillDo, publish ? 'weWillDoEmpty' : undefined, 'weWillDoTooLong');

  const ownerName = lineOf(owner.name);
  const ownerLogin = typeof owner.login === 'string' ? owner.login.trim().toLowerCase() : '';
  within(ownerName, PLAN_LIMITS.ownerName, publish ? 'ownerNameEmpty' : undefined, 'ownerNameTooLong');
  if (ownerLogin === '') {
    if (publish) {
      fail('ownerLoginEmpty');
    }
  } else if (ownerLogin.length > PLAN_LIMITS.ownerLogin || !LOGIN.test(ownerLogin)) {
    fail('ownerLoginInvalid');
  }

  const dueDate = typeof raw.dueDate === 'string' ? raw.dueDate.trim() : '';
  if (dueDate === '') {
    if (publish) {
      fail('dueDateEmpty');
    }
  } else if (!parseLocalDate(dueDate)) {
    fail('dueDateInvalid');
  } else if (dueDate !== context.storedDueDate && dueDate < context.today) {
    // `YYYY-MM-DD` strings order as the days do.
    fail('dueDatePast');
  }

  const status = (raw.status === undefined ? 'planned' : raw.status) as ActionPlanStatus;
  if (ACTION_PLAN_STATUSES.indexOf(status) < 0) {
    fail('statusUnknown');
  }

  const groupKey = typeof raw.groupKey === 'string' ? raw.groupKey : '';
  if (!planGroupOf(groupKey)) {
    fail('groupInvalid');
  } else if (!mayWritePlanFor(context.writer, groupKey)) {
    fail('groupNotYours');
  }

  const roundId = raw.roundId;
  if (typeof roundId !== 'number' || !Number.isSafeInteger(roundId) || roundId < 1) {
    fail('roundInvalid');
  }

  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    fields: {
      headline,
      driver,
      source: source as PlanSource,
      youSaid,
      weWillDo,
      owner: { name: ownerName, login: ownerLogin },
      dueDate,
      status,
      groupKey,
      roundId: roundId as number
    }
  };
}

/** Whether a stored plan has all a published one needs (a draft saved incomplete may not be published as it is). */
export function publishable(fields: PlanFields, today: string, writer: PlanWriter): PlanCheck {
  return checkPlan(fields, { today, writer, purpose: 'publish', storedDueDate: fields.dueDate });
}
