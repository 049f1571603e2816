/**
 * Who may write a plan for which group, and which published plans a person sees.
 *
 * - **Groups a plan can be for**: the whole plant or **one** filter of the results' dimensions
 *   (site, line, crew, shift pattern, employment type, tenure band), keyed as the results key
 *   their cells (`cells.ts`), values as the answers carry them (trimmed, lower case). A pair of
 *   filters is no audience anyone belongs to on the shop floor, so a plan is never for one.
 * - **Writers**: HR (whoever may author surveys) may write for any group; a leader only for the
 *   crews they lead (the Teams teams they own), and **not** the line, site or plant above them:
 *   those groups are led by others. Anyone else writes nothing.
 * - **Readers**: a person sees the published plans of the plant and of each group they belong to:
 *   their site, line, crews, shift patterns, employment type and tenure band, as the relay finds
 *   them in the directory and the rosters (the way answering does). A draft reaches no employee.
 */
import { normaliseText } from '../audience';
import { cellKey, type CellKey, type Filter, parseCellKey, PLANT } from '../results/cells';

/** Who is writing, as the relay found them (never as the page says). */
export type PlanWriter = { readonly role: 'hr' } | { readonly role: 'leader'; readonly crews: readonly string[] } | { readonly role: 'employee' };

/** Values that name no real group (what the answers carry when the directory could not tell). */
const NO_GROUP = ['unknown', 'none', ''];

/** The filter of a plan's group key (none for the plant); undefined when no plan can be for it. */
export function planGroupOf(key: string): readonly Filter[] | undefined {
  if (typeof key !== 'string' || key.length > 255) {
    return undefined;
  }
  const filters = parseCellKey(key);
  if (!filters || filters.length > 1) {
    return undefined;
  }
  return filters.every((filter) => normaliseText(filter.value) === filter.value && NO_GROUP.indexOf(filter.value) < 0) ? filters : undefined;
}

/** The key of a one-filter group, its value as the answers carry it. */
export function planGroupKey(dimension: Filter['dimension'], value: string): CellKey {
  return cellKey([{ dimension, value: normaliseText(value) }]);
}

/** Whether `writer` may write, publish or change a plan for `groupKey`. */
export function mayWritePlanFor(writer: PlanWriter, groupKey: string): boolean {
  const filters = planGroupOf(groupKey);
  if (!filters) {
    return false;
  }
  if (writer.role === 'hr') {
    return true;
  }
  if (writer.role !== 'leader' || filters.length !== 1 || filters[0].dimension !== 'crew') {
    return false;
  }
  const crews = writer.crews.map((crew) => normaliseText(crew));
  return crews.indexOf(filters[0].value) >= 0;
}

/** The groups a person belongs to, as the relay found them. */
export interface PersonGroups {
  readonly site?: string;
  readonly line?: string;
  readonly crews: readonly string[];
  readonly shiftPatterns: readonly string[];
  readonly employmentType?: string;
  readonly tenureBand?: string;
}

/** The plan group keys a person's plans may be for: the plant first, then one per group they belong to. */
export function groupKeysOf(person: PersonGroups): CellKey[] {
  const keys: CellKey[] = [PLANT];
  const add = (dimension: Filter['dimension'], value: string | undefined): void => {
    const text = normaliseText(value);
    if (NO_GROUP.indexOf(text) < 0) {
      const key = planGroupKey(dimension, text);
      if (keys.indexOf(key) < 0) {
        keys.push(key);
      }
    }
  };
  add('site', person.site);
  add('line', person.line);
  person.crews.forEach((crew) => add('crew', crew));
  person.shiftPatterns.forEach((pattern) => add('shiftPattern', pattern));
  add('employmentType', person.employmentType);
  add('tenureBand', person.tenureBand);
  return keys;
}

/** The plans a person sees: published ones of their groups, newest first (the later publication, then the higher id). */
export function plansForPerson<T extends { readonly id: number; readonly groupKey: string; readonly publishedAt?: string }>(plans: readonly T[], person: PersonGroups): Array<T & { readonly publishedAt: string }> {
  const keys = groupKeysOf(person);
  return plans
    .filter((plan): plan is T & { readonly publishedAt: string } => typeof plan.publishedAt === 'string' && plan.publishedAt !== '' && keys.indexOf(plan.groupKey) >= 0)
    .sort((a, b) => (Date.parse(b.publishedAt) || 0) - (Date.parse(a.publishedAt) || 0) || b.id - a.id);
}

/** The plans a writer may edit (drafts too), newest first by id. */
export function plansForWriter<T extends { readonly id: number; readonly groupKey: string }>(plans: readonly T[], writer: PlanWriter): T[] {
  return plans.filter((plan) => mayWritePlanFor(writer, plan.groupKey)).sort((a, b) => b.id - a.id);
}
