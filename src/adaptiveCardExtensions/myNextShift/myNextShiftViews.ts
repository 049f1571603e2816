/**
 * What the "My next shift" card shows: pure functions of the roster, the time, the person's
 * language and time zone, and the strings of that language (passed in, so tests check every
 * language with the strings SharePoint would load).
 */
import { wholeNumberIn } from '../../app/host/properties';
import { currentShift, onLeave } from '../../core/roster/rules';
import type { NextShiftView } from '../../core/roster/rosterService';
import type { RosterErrorCode, Shift } from '../../core/roster/types';
import { format, formatCount } from '../../ui/format';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveElement, type CardContext, type CardFace, type CardState, type QuickViewModel } from '../../app/host/cardTypes';
import { clock, leavePeriod, leaveUntil, longDate, shiftTimes, shiftWhen, type TimeFormat } from '../../ui/roster/shiftTime';

export type MyNextShiftStrings = IMyNextShiftAdaptiveCardExtensionStrings;

export interface IMyNextShiftCardProps {
  /** Card bar title; empty = the localised "My next shift". */
  title: string;
  /** How far ahead the card looks for shifts and time off. */
  daysAhead: number;
  /** Names of the colleagues on the shift in the quick view. */
  showCrew: boolean;
}

export const DEFAULT_PROPERTIES: IMyNextShiftCardProps = { title: '', daysAhead: 14, showCrew: true };
export const MIN_DAYS_AHEAD = 1;
export const MAX_DAYS_AHEAD = 28;

export const DETAILS_BUTTON_ID = 'details';
export const RETRY_BUTTON_ID = 'retry';
/** The quick view's "Try again" when the names of the crew could not be read. */
export const RETRY_CREW_ACTION_ID = 'retryCrew';

/** The look-ahead in whole days, whatever the stored property holds. */
export function daysAheadOf(properties: Partial<IMyNextShiftCardProps>): number {
  return wholeNumberIn(properties.daysAhead, MIN_DAYS_AHEAD, MAX_DAYS_AHEAD, DEFAULT_PROPERTIES.daysAhead);
}

function cardTitle(properties: IMyNextShiftCardProps, strings: MyNextShiftStrings): string {
  const title = typeof properties.title === 'string' ? properties.title.trim() : '';
  return title || strings.Title;
}

function timeFormat(context: CardContext<IMyNextShiftCardProps>): TimeFormat {
  return { locale: context.locale, timeZone: context.timeZone };
}

const ROSTER_ERROR_CODES: readonly RosterErrorCode[] = [
  'notConfigured',
  'accessDenied',
  'notFound',
  'throttled',
  'network',
  'malformedFeed',
  'unexpected'
];

/**
 * The code of a roster failure. Read by shape, not `instanceof`: the SPFx build targets ES5,
 * where subclasses of Error lose their prototype.
 */
export function rosterErrorCode(error: unknown): RosterErrorCode | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const code = (error as { code?: unknown }).code;
  return ROSTER_ERROR_CODES.find((known) => known === code);
}

function errorText(error: unknown, strings: MyNextShiftStrings): string {
  switch (rosterErrorCode(error)) {
    case 'accessDenied':
      return strings.ErrorAccessDenied;
    case 'notFound':
      return strings.ErrorNotFound;
    case 'throttled':
      return strings.ErrorThrottled;
    case 'network':
      return strings.ErrorNetwork;
    case 'malformedFeed':
      return strings.ErrorMalformed;
    default:
      return strings.ErrorUnexpected;
  }
}

function when(shift: Shift, context: CardContext<IMyNextShiftCardProps>): string {
  return shiftWhen(new Date(shift.start), new Date(shift.end), timeFormat(context), context.now);
}

function readyFace(data: NextShiftView, context: CardContext<IMyNextShiftCardProps>, strings: MyNextShiftStrings): CardFace {
  const { now } = context;
  const title = cardTitle(context.properties, strings);
  // The data was loaded a while ago: what is "current" follows the clock, not the load.
  const shifts = [data.current, data.next].filter((s): s is Shift => s !== undefined);
  const current = currentShift(shifts, now);
  const next = shifts.find((s) => Date.parse(s.start) > now.getTime());
  const leave = current ? undefined : onLeave(data.timeOff, now);
  const details = { id: DETAILS_BUTTON_ID, title: strings.ShowDetails, action: { kind: 'quickView' } } as const;
  const base = { status: 'ready', title, buttons: [details], onSelect: { kind: 'quickView' } } as const;
  if (current) {
    return {
      ...base,
      primaryText: format(strings.OnShiftUntil, clock(new Date(current.end), context.timeZone)),
      description: next ? format(strings.ThenNext, when(next, context)) : undefined
    };
  }
  if (leave) {
    return {
      ...base,
      primaryText: format(strings.OnLeaveUntil, leaveUntil(new Date(leave.end), timeFormat(context))),
      description: next ? format(strings.NextShift, when(next, context)) : undefined
    };
  }
  if (next) {
    return { ...base, primaryText: format(strings.NextShift, when(next, context)), description: next.label };
  }
  return {
    ...base,
    primaryText: formatCount(context.locale, daysAheadOf(context.properties), { one: strings.NoShiftsOne, other: strings.NoShifts }),
    description: strings.NoShiftsDescription
  };
}

/** The card face in each state. */
export function myNextShiftCardView(
  state: CardState<NextShiftView>,
  context: CardContext<IMyNextShiftCardProps>,
  strings: MyNextShiftStrings
): CardFace {
  const title = cardTitle(context.properties, strings);
  switch (state.status) {
    case 'loading':
      return { status: 'loading', title, primaryText: strings.Loading, buttons: [] };
    case 'setup':
      return { status: 'setup', title, primaryText: strings.SetupPrimary, description: strings.SetupDescription, buttons: [] };
    case 'error':
      return {
        status: 'error',
        title,
        primaryText: strings.ErrorPrimary,
        description: errorText(state.error, strings),
        buttons: [{ id: RETRY_BUTTON_ID, title: strings.Retry, action: { kind: 'retry' }, style: 'positive' }],
        onSelect: { kind: 'retry' }
      };
    case 'ready':
      return readyFace(state.data, context, strings);
  }
}

function heading(text: string, separator: boolean): AdaptiveElement {
  return { type: 'TextBlock', text, style: 'heading', size: 'medium', weight: 'bolder', wrap: true, separator, spacing: separator ? 'large' : 'default' };
}

function shiftFacts(shift: Shift, context: CardContext<IMyNextShiftCardProps>, strings: MyNextShiftStrings): AdaptiveElement {
  const start = new Date(shift.start);
  const facts = [
    { title: strings.FactDate, value: longDate(start, timeFormat(context)) },
    { title: strings.FactTime, value: shiftTimes(start, new Date(shift.end), timeFormat(context)) }
  ];
  if (shift.label) {
    facts.push({ title: strings.FactShift, value: shift.label });
  }
  if (shift.notes) {
    facts.push({ title: strings.FactNotes, value: shift.notes });
  }
  return { type: 'FactSet', id: `shift-${shift.id}`, facts };
}

/** The quick view: the next (or current) shift, the crew on it, and upcoming time off. */
export function myNextShiftQuickView(
  data: NextShiftView,
  context: CardContext<IMyNextShiftCardProps>,
  strings: MyNextShiftStrings
): QuickViewModel {
  const days = daysAheadOf(context.properties);
  const now = context.now;
  const body: AdaptiveElement[] = [];
  const current = data.current && Date.parse(data.current.end) > now.getTime() ? data.current : undefined;
  const next = data.next && Date.parse(data.next.start) > now.getTime() ? data.next : undefined;
  if (current && !next) {
    body.push(heading(strings.CurrentShiftHeading, false), shiftFacts(current, context, strings));
  } else if (next) {
    if (current) {
      body.push({ type: 'TextBlock', text: format(strings.OnShiftUntil, clock(new Date(current.end), context.timeZone)), wrap: true });
    }
    body.push(heading(strings.NextShiftHeading, false), shiftFacts(next, context, strings));
  } else {
    body.push(heading(strings.NextShiftHeading, false), { type: 'TextBlock', text: formatCount(context.locale, days, { one: strings.NoShiftsOne, other: strings.NoShifts }), wrap: true });
  }
  if ((current || next) && context.properties.showCrew !== false && data.crewToRead) {
    // The names are read as the quick view opens: what is coming, or that it could not be read.
    body.push(heading(strings.CrewHeadingPending, true));
    body.push({ type: 'TextBlock', id: 'crew-status', text: data.crewToRead === 'failed' ? strings.CrewFailed : strings.CrewLoading, wrap: true, isSubtle: true });
    if (data.crewToRead === 'failed') {
      body.push({
        type: 'ActionSet',
        id: 'crew-retry',
        actions: [{ type: 'Action.Submit', id: RETRY_CREW_ACTION_ID, title: strings.Retry, associatedInputs: 'none' }]
      });
    }
  } else if ((current || next) && context.properties.showCrew !== false) {
    body.push(heading(format(strings.CrewHeading, data.crew.length), true));
    body.push(
      data.crew.length === 0
        ? { type: 'TextBlock', text: strings.CrewNobody, wrap: true, isSubtle: true }
        : {
            type: 'Container',
            id: 'crew',
            items: data.crew.map((member) => ({ type: 'TextBlock', text: member.displayName, wrap: true, spacing: 'small' }) as const)
          }
    );
  }
  body.push(heading(strings.TimeOffHeading, true));
  const timeOff = data.timeOff.filter((o) => Date.parse(o.end) > now.getTime());
  if (timeOff.length === 0) {
    body.push({ type: 'TextBlock', text: formatCount(context.locale, days, { one: strings.TimeOffNoneOne, other: strings.TimeOffNone }), wrap: true, isSubtle: true });
  } else {
    body.push({
      type: 'Container',
      id: 'time-off',
      items: timeOff.map(
        (o) => ({ type: 'TextBlock', text: leavePeriod(new Date(o.start), new Date(o.end), timeFormat(context)), wrap: true, spacing: 'small' }) as const
      )
    });
  }
  return {
    title: cardTitle(context.properties, strings),
    template: { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: '1.5', body },
    data: { current, next, crew: data.crew, timeOff }
  };
}
