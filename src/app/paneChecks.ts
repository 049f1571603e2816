/**
 * Property-pane checks of what a page's editor types that must exist on the site: a value key
 * (the site's values, SE_Values) and a site code (the plant map in the site's settings). A check
 * answers SPFx's `onGetErrorMessage`: '' when the text is fine (or empty: no filter), else the
 * reason in the page's language. When the site cannot be read, or keeps no plant map, nothing
 * can be told and the text is accepted.
 */
import * as shared from 'RecognitionSharedStrings';

import { parseValueKeys } from '../core/recognition/wallRules';
import { format } from '../ui/format';
import type { HostEnvironment } from './host/types';
import { recognitionOf } from './recognition';

export type PaneCheck = (text: string) => Promise<string>;

/** `known` read lazily; `''` unless a key of `text` (split by `split`) is not in it, case aside. */
function existsIn(read: () => Promise<string[]>, split: (text: string) => string[], message: string): PaneCheck {
  return async (text) => {
    const wanted = split(text);
    if (wanted.length === 0) {
      return '';
    }
    let known: string[];
    try {
      known = await read();
    } catch {
      return '';
    }
    if (known.length === 0) {
      return '';
    }
    const lower = new Set(known.map((k) => k.toLowerCase()));
    const missing = wanted.find((k) => !lower.has(k.toLowerCase()));
    return missing === undefined ? '' : format(message, missing, known.join(', '));
  };
}

const one = (text: string): string[] => (text.trim() ? [text.trim()] : []);

/** One value key (`valueKeys: true`: a list of them, comma separated) that the site's values have. */
export function valueKeyCheck(environment: HostEnvironment, valueKeys: boolean = false): PaneCheck {
  const values = async (): Promise<string[]> => (await recognitionOf(environment.services).sessionValues()).map((v) => v.valueKey);
  return existsIn(values, valueKeys ? parseValueKeys : one, shared.PaneUnknownValueKey);
}

/** A site code that the plant map has. */
export function siteCodeCheck(environment: HostEnvironment): PaneCheck {
  const sites = async (): Promise<string[]> => (await recognitionOf(environment.services).stores.recipients.plantMap()).sites.map((s) => s.code);
  return existsIn(sites, one, shared.PaneUnknownSiteCode);
}
