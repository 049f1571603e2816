/** SE_Values: the values and badges HR ties recognitions to. */
import { ItemId, Translations } from './common';

/** Stable keys of the values provisioned with the product (rows in `elements.xml`). */
export const DEFAULT_VALUE_KEYS = [
  'safety',
  'quality',
  'continuous-improvement',
  'team-spirit',
  'helping-a-colleague'
] as const;
export type DefaultValueKey = (typeof DEFAULT_VALUE_KEYS)[number];

export interface ValueTranslation {
  readonly name: string;
  /** One sentence: what someone did to earn it. */
  readonly description: string;
  /**
   * Suggested lines a colleague can send with one tap: short, specific, operational ("Caught a
   * defect before it left the line"). HR edits them with the value; see `valueSuggestions`.
   */
  readonly suggestions?: readonly string[];
}

export interface RecognitionValue {
  readonly id: ItemId;
  /** Unique, never changes once used (recognitions store it): `safety`. */
  readonly valueKey: string;
  /** English name (the list's Title). */
  readonly title: string;
  /** English description. */
  readonly description?: string;
  /** A Fluent UI icon name, e.g. `Shield`. */
  readonly iconName?: string;
  /** Hex colour `#RRGGBB`. */
  readonly color?: string;
  readonly sortOrder: number;
  readonly translations: Translations<ValueTranslation>;
  readonly isActive: boolean;
}
