/** SE_Settings: one row per key, the value stored as JSON. */
import { ItemId } from './common';

/** Keys the product itself reads. HR tools may store more. */
export const SETTING_KEYS = ['SchemaVersion', 'AnonymityThresholds', 'Plant'] as const;
export type KnownSettingKey = (typeof SETTING_KEYS)[number];

export interface Setting {
  readonly id: ItemId;
  /** Unique. One of {@link SETTING_KEYS} or a key added later. */
  readonly key: string;
  /** The parsed JSON of the `Value` column; each reader validates the shape it expects. */
  readonly value: unknown;
  readonly description?: string;
}

/** The list schema version that `sharepoint/assets` provisions (seeded as `SchemaVersion`). */
export const SCHEMA_VERSION = 1;

/** Smallest group that may see pulse results; comments need a larger group. */
export interface AnonymityThresholds {
  readonly minGroupSize: number;
  readonly minCommentGroupSize: number;
}

/** The product's floor: HR may raise these per survey, never lower them. */
export const DEFAULT_ANONYMITY_THRESHOLDS: AnonymityThresholds = {
  minGroupSize: 5,
  minCommentGroupSize: 10
};
