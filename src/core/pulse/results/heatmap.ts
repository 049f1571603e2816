/**
 * The heatmap: groups (one filter each: site, line, crew, shift pattern, employment type, tenure
 * band, and the "other" groups) × measures (engagement, each driver, eNPS). A withheld group or
 * measure stays in its place, marked with the reason and no count.
 */
import type { MeasureId } from './aggregate';
import { Filter, ResultDimension } from './cells';
import { isWithheld, MeasureValue } from './figures';
import type { GroupResult, RoundRelease } from './release';
import type { WithheldReason } from './types';

export type HeatmapCell = { readonly measure: MeasureId; readonly value: number; readonly n: number } | { readonly measure: MeasureId; readonly withheld: WithheldReason };

export interface HeatmapRow {
  readonly key: string;
  readonly dimension: ResultDimension;
  readonly filters: readonly Filter[];
  readonly other: boolean;
  readonly cells: readonly HeatmapCell[];
}

export interface Heatmap {
  readonly measures: readonly MeasureId[];
  readonly rows: readonly HeatmapRow[];
}

function dimensionOf(group: GroupResult): ResultDimension | undefined {
  if ('other' in group && group.other) {
    return group.other.dimension;
  }
  return group.filters.length === 1 ? group.filters[0].dimension : undefined;
}

/** The heatmap of a (viewer's) release. */
export function heatmapOf(release: RoundRelease): Heatmap {
  const rows: HeatmapRow[] = [];
  release.groups.forEach((group) => {
    const dimension = dimensionOf(group);
    if (dimension === undefined) {
      return;
    }
    const other = 'other' in group && group.other !== undefined;
    const cells: HeatmapCell[] = release.measureIds.map((measure) => {
      if ('withheld' in group) {
        return { measure, withheld: group.withheld };
      }
      const figure = group.figures.measures.find((candidate) => candidate.id === measure);
      if (!figure || isWithheld(figure)) {
        return { measure, withheld: figure ? figure.withheld : 'fewAnswers' };
      }
      const value = figure as MeasureValue;
      return { measure, value: value.value, n: value.n };
    });
    rows.push({ key: group.key, dimension, filters: group.filters, other, cells });
  });
  return { measures: release.measureIds, rows };
}
