/**
 * Plans put into words: days in the reader's language (a due date is a day of the plant's
 * calendar, never moved by a time zone; a publication is an instant, shown as the plant's day),
 * a plan's group for its writer and for an employee in it, and whether it is overdue.
 */
import { parseCellKey } from '../../core/pulse/results/cells';
import { formatLocalDate, localDateOf, parseLocalDate } from '../../core/pulse/zonedTime';
import { format } from '../format';
import type { PlanWords } from './planWords';

/** `2027-01-15` as the reader's language writes a day ("15 January 2027"). */
export function dayText(day: string, locale: string): string {
  const date = parseLocalDate(day);
  if (!date) {
    return day;
  }
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).toLocaleDateString(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}

/** An instant as the plant's day, in the reader's language. */
export function plantDayText(iso: string, locale: string, timeZone: string): string {
  const at = new Date(iso);
  return isNaN(at.getTime()) ? iso : dayText(formatLocalDate(localDateOf(timeZone, at)), locale);
}

/** Published plans newest first (by when they were published, then the later plan first), as the Pulse part and card list them. */
export function newestFirst<T extends { readonly publishedAt: string; readonly id: number }>(plans: readonly T[]): T[] {
  return plans.slice().sort((a, b) => (Date.parse(b.publishedAt) || 0) - (Date.parse(a.publishedAt) || 0) || b.id - a.id);
}

/** Past its due day on the plant's calendar and not done. */
export function isOverdue(plan: { readonly dueDate: string; readonly status: string }, timeZone: string, now: Date): boolean {
  return plan.status !== 'done' && plan.dueDate !== '' && plan.dueDate < formatLocalDate(localDateOf(timeZone, now));
}

function valueText(words: PlanWords, dimension: string, value: string): string {
  const named = dimension === 'employmentType' ? words.employmentTypes[value] : dimension === 'tenureBand' ? words.tenureBands[value] : dimension === 'shiftPattern' ? words.shiftPatterns[value] : undefined;
  return named ?? value.toUpperCase();
}

/** A plan's group as its writer reads it ("Line GOT-WELD2", "Crew Welding nights" with `names`). */
export function groupText(words: PlanWords, key: string, names?: (key: string) => string | undefined): string {
  const named = names?.(key);
  if (named) {
    return named;
  }
  const filters = parseCellKey(key);
  if (!filters || filters.length === 0) {
    return filters ? words.plant : key;
  }
  const [filter] = filters;
  return `${words.dimensions[filter.dimension]}: ${valueText(words, filter.dimension, filter.value)}`;
}

/** A published plan's group said to someone in it ("For your crew", "For agency staff"). */
export function forYouText(words: PlanWords, key: string): string {
  const filters = parseCellKey(key);
  if (!filters || filters.length === 0) {
    return words.forYou.plant;
  }
  const [filter] = filters;
  return format(words.forYou[filter.dimension], valueText(words, filter.dimension, filter.value).toLowerCase());
}
