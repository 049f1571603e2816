/**
 * The wall's filters (site, line, shift, value, period, my crew), loaded on demand when the
 * reader opens them: native selects, large on phones.
 */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';

import type { RecognitionValue } from '../../../core/models/values';
import { type PlantMap, type PlantOption, plantFilterOptions } from '../../../core/plant';
import type { WallItem } from '../../../core/recognition/ports';
import { formatCount } from '../../../ui/format';
import { type ISelectOption, Select } from '../../../ui/light/Select';
import { Switch } from '../../../ui/light/Switch';
import { distinctCodes, isPeriod, type Period } from '../../../core/recognition/wallRules';
import { valueName } from '../../../core/recognition/values';
import styles from './RecognitionWall.module.scss';

export interface IWallFilterValues {
  readonly siteCode: string;
  readonly lineCode: string;
  readonly shiftCode: string;
  readonly valueKey: string;
  readonly period: Period;
  readonly myCrew: boolean;
}

export interface IWallFiltersProps {
  readonly id: string;
  readonly filters: IWallFilterValues;
  onChange(patch: Partial<IWallFilterValues>): void;
  /** The recognitions loaded so far (their codes are the choices when there is no plant map). */
  readonly items: readonly WallItem[];
  /** The plant's sites, lines and shifts, named in the reader's language. */
  readonly plant: PlantMap;
  readonly values: readonly RecognitionValue[];
  /** Value keys the wall shows (empty: all). */
  readonly allowedValues: readonly string[];
  readonly locale: string;
  /** Whether the reader has a crew ("Only my crew" needs one). */
  readonly hasCrew: boolean;
}

function codeOptions(codes: string[], all: string): ISelectOption[] {
  return [{ key: '', text: all }, ...codes.map((c) => ({ key: c, text: c }))];
}

function plantOptions(options: readonly PlantOption[], all: string): ISelectOption[] {
  return [{ key: '', text: all }, ...options.map((o) => ({ key: o.code, text: o.name }))];
}

export function WallFilters(props: IWallFiltersProps): React.ReactElement {
  const { filters, items, allowedValues, locale, onChange, plant } = props;
  // The plant map names the choices; without one, the codes the loaded posts carry.
  const fromPlant = plant.sites.length > 0 ? plantFilterOptions(plant, locale, filters) : undefined;
  const valueOptions: ISelectOption[] = [
    { key: '', text: strings.AllValues },
    ...props.values
      .filter((v) => allowedValues.length === 0 || allowedValues.indexOf(v.valueKey) >= 0)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((v) => ({ key: v.valueKey, text: valueName(v, locale) }))
  ];
  const periodOptions: ISelectOption[] = [
    { key: 'all', text: strings.PeriodAll },
    { key: '7', text: formatCount(locale, 7, { one: strings.PeriodDaysOne, other: strings.PeriodDays }) },
    { key: '30', text: formatCount(locale, 30, { one: strings.PeriodDaysOne, other: strings.PeriodDays }) },
    { key: '90', text: formatCount(locale, 90, { one: strings.PeriodDaysOne, other: strings.PeriodDays }) }
  ];
  return (
    <div id={props.id} role="group" aria-label={strings.Filters} className={styles.filters}>
      <Select
        label={strings.FilterSite}
        options={fromPlant ? plantOptions(fromPlant.sites, strings.AllSites) : codeOptions(distinctCodes(items, (i) => i.siteCode, filters.siteCode), strings.AllSites)}
        value={filters.siteCode}
        onChange={(siteCode) => onChange({ siteCode })}
      />
      <Select
        label={strings.FilterLine}
        options={fromPlant ? plantOptions(fromPlant.lines, strings.AllLines) : codeOptions(distinctCodes(items, (i) => i.lineCode, filters.lineCode), strings.AllLines)}
        value={filters.lineCode}
        onChange={(lineCode) => onChange({ lineCode })}
      />
      <Select
        label={strings.FilterShift}
        options={fromPlant ? plantOptions(fromPlant.shifts, strings.AllShifts) : codeOptions(distinctCodes(items, (i) => i.shiftCode, filters.shiftCode), strings.AllShifts)}
        value={filters.shiftCode}
        onChange={(shiftCode) => onChange({ shiftCode })}
      />
      <Select label={strings.FilterValue} options={valueOptions} value={filters.valueKey} onChange={(valueKey) => onChange({ valueKey })} />
      <Select
        label={strings.FilterPeriod}
        options={periodOptions}
        value={filters.period}
        onChange={(period) => onChange({ period: isPeriod(period) ? period : 'all' })}
      />
      {props.hasCrew && <Switch label={strings.FilterMyCrew} checked={filters.myCrew} onChange={(myCrew) => onChange({ myCrew })} />}
      <p className={styles.hint}>{strings.PeriodHint}</p>
    </div>
  );
}
