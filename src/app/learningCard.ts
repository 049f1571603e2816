/**
 * The "My learning" card's reading and the small pieces its views need, framework free: the
 * person's learning as the My learning part reads it (`learningOf(services).read()`, one
 * SharePoint `$batch`), their Viva Learning courses (`vivaLearningOf`, one Graph `$batch`, read
 * when the quick view opens), and what the card shows of them: the plan (`learningPlan`, the
 * core's rule), steps done per path (`pathProgress`, as the part counts them), what is due, and
 * where the My learning page is.
 */
import { type LearningPlan, learningPlan, type OpenStep, type PlanAssignment, type PlanPath, type PlanProgress, type PlanStep } from '../core/learning/nextStep';
import { isTenantAddress } from '../core/learning/steps';
import { pathProgress, type PathProgress } from '../ui/learning/pathProgress';
import { type LearnerPath, type LearnerStep, learningOf } from './learning';
import type { EngageServices } from './services';
import { type VivaCourse, type VivaCourses, vivaLearningOf } from './vivaLearning';

/**
 * What the card shows of the person's learning as the page reads it (`MyLearningRead`): the
 * plan's inputs with the words to show. Only these, so the card does not change when the read
 * grows something the card does not show.
 */
export interface CardLearning {
  readonly paths: ReadonlyArray<PlanPath & Pick<LearnerPath, 'title' | 'translations'>>;
  readonly steps: ReadonlyArray<PlanStep & Pick<LearnerStep, 'title' | 'translations' | 'vivaCourseId'>>;
  readonly assignments: readonly PlanAssignment[];
  readonly progress: ReadonlyArray<PlanProgress & { readonly pathId: number }>;
}

/** What the card reads, for the signed-in person. */
export interface LearningCardSource {
  read(): Promise<CardLearning>;
  courses(): Promise<VivaCourses>;
}

export function learningCardOf(services: EngageServices): LearningCardSource {
  const learning = learningOf(services);
  const viva = vivaLearningOf(services);
  return { read: () => learning.read(), courses: () => viva.courses() };
}

export interface LearningCardSummary {
  readonly plan: LearningPlan;
  /** Steps done of steps per assigned path, in the plan's order. */
  readonly paths: readonly PathProgress[];
  /** Paths the person can work on now that have a due date, the earliest (overdue) first. */
  readonly due: readonly OpenStep[];
}

/** The plan and what the card lists of it, at `now`. */
export function learningCardSummary(read: CardLearning, now: Date): LearningCardSummary {
  const plan = learningPlan(read, now);
  return {
    plan,
    paths: pathProgress(read, plan),
    // The plan orders open paths by due date already; those without one come last and are left out.
    due: plan.open.filter((open) => open.dueDate !== undefined)
  };
}

/** Viva Learning courses assigned with a due day and not completed, the earliest first. */
export function coursesDue(courses: readonly VivaCourse[]): VivaCourse[] {
  return courses
    .filter((course) => course.dueDay !== undefined && course.status !== 'completed')
    .sort((a, b) => String(a.dueDay).localeCompare(String(b.dueDay)));
}

/**
 * A due instant as the day it falls on: a path is due at the end of its day (local midnight), so
 * the day is the one of the instant just before ("Due 20 Dec"), in the reader's zone.
 */
export function dueDayText(due: string, locale: string, timeZone: string): string {
  const at = new Date(Date.parse(due) - 1);
  if (isNaN(at.getTime())) {
    return due;
  }
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/**
 * Whether a page address has the shape the card's button takes (checked as it is typed, before
 * the web is known): a server-relative path, or an https address. Which host is the web's is
 * checked when the button is made (`learningPageLink`).
 */
export function isPageAddress(text: string): boolean {
  const host = /^https:\/\/([^/?#:@\s]+)/i.exec(text.trim())?.[1];
  return isTenantAddress(text, host ? [host] : []);
}

/**
 * The My learning page's address for the card's button: the page set in the card's properties,
 * when it is inside the tenant (a server-relative path, or https on the web's own host), made
 * absolute on the web's origin. Anything else (another host, `javascript:`): no button.
 */
export function learningPageLink(pageUrl: unknown, webUrl: string): string | undefined {
  const text = typeof pageUrl === 'string' ? pageUrl.trim() : '';
  const origin = /^(https?:\/\/[^/?#]+)/i.exec(webUrl)?.[1];
  if (!text || !origin) {
    return undefined;
  }
  const host = origin.replace(/^https?:\/\//i, '').replace(/:\d+$/, '');
  if (!isTenantAddress(text, [host])) {
    return undefined;
  }
  return text.charAt(0) === '/' ? `${origin}${text}` : text;
}
