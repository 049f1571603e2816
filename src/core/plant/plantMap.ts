/**
 * The plant map as stored in SE_Settings (`Key eq 'Plant'`, Value = JSON):
 *
 * ```json
 * {
 *   "sites":  [{ "code": "GOT", "name": "Gothenburg", "names": { "sv-SE": "Göteborg" }, "officeLocations": ["Göteborg plant"] }],
 *   "lines":  [{ "code": "GOT-WELD2", "name": "Weld cell 2", "names": { "sv-SE": "Svetscell 2" }, "siteCode": "GOT", "departments": ["Weld cell 2"] }],
 *   "shifts": [{ "code": "morning", "name": "Morning (06–14)", "names": { "nl-NL": "Vroege dienst (06–14)" }, "labels": ["Förmiddag 06–14"] }]
 * }
 * ```
 *
 * Parsing never throws: what people typed into a list is checked, good entries are kept, and
 * every problem is reported as an issue with a code (for the UI to put into words).
 */
import type { Translations } from '../models/common';
import { MAX_CODE_LENGTH, type LineRef, type PlantMap, type PlantMapIssue, type PlantMapIssueCode, type ShiftRef, type SiteRef } from './types';

export const EMPTY_PLANT_MAP: PlantMap = { sites: [], lines: [], shifts: [], issues: [] };

/**
 * How directory texts and map texts are compared: Unicode-composed, spaces trimmed and
 * collapsed (non-breaking spaces too), lower case. `" göteborg  PLANT "` equals `"Göteborg plant"`.
 */
export function normaliseLabel(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Collector {
  public readonly issues: PlantMapIssue[] = [];

  public add(code: PlantMapIssueCode, severity: PlantMapIssue['severity'], path: string, detail?: string): void {
    this.issues.push(detail !== undefined ? { code, severity, path, detail } : { code, severity, path });
  }
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

function names(value: unknown, path: string, issues: Collector): Translations<string> {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isRecord(value)) {
    issues.add('invalidNames', 'warning', path);
    return {};
  }
  const out: Record<string, string> = {};
  let bad = false;
  for (const key of Object.keys(value)) {
    const name = text(value[key]);
    const tag = key.trim().toLowerCase();
    if (name && tag) {
      out[tag] = name;
    } else {
      bad = true;
    }
  }
  if (bad) {
    issues.add('invalidNames', 'warning', path);
  }
  return out;
}

function aliases(value: unknown, path: string, issues: Collector): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  let bad = !Array.isArray(value);
  for (const item of list) {
    const alias = text(item);
    if (alias) {
      if (!out.some((known) => normaliseLabel(known) === normaliseLabel(alias))) {
        out.push(alias);
      }
    } else {
      bad = true;
    }
  }
  if (bad) {
    issues.add('invalidAliases', 'warning', path);
  }
  return out;
}

interface Base {
  readonly code: string;
  readonly name: string;
  readonly names: Translations<string>;
  readonly entry: Json;
  readonly path: string;
}

/** The entries of one part with a valid, unique code. */
function entries(root: Json, part: 'sites' | 'lines' | 'shifts', issues: Collector): Base[] {
  const value = root[part];
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    issues.add('notAList', 'error', part);
    return [];
  }
  const seen = new Set<string>();
  const out: Base[] = [];
  value.forEach((entry: unknown, index: number) => {
    const path = `${part}[${index}]`;
    if (!isRecord(entry)) {
      issues.add('invalidEntry', 'error', path);
      return;
    }
    const code = text(entry.code);
    if (!code) {
      issues.add('missingCode', 'error', `${path}.code`);
      return;
    }
    if (code.length > MAX_CODE_LENGTH) {
      issues.add('codeTooLong', 'error', `${path}.code`, code);
      return;
    }
    // SharePoint compares text case-insensitively (`SiteCode eq 'got'` finds `GOT`).
    const key = code.toLowerCase();
    if (seen.has(key)) {
      issues.add('duplicateCode', 'error', `${path}.code`, code);
      return;
    }
    seen.add(key);
    const name = text(entry.name);
    if (!name) {
      issues.add('missingName', 'warning', `${path}.name`, code);
    }
    out.push({ code, name: name ?? code, names: names(entry.names, `${path}.names`, issues), entry, path });
  });
  return out;
}

/** Reports aliases that two owners (in the same scope) claim: they match neither. */
function reportShared<T>(
  owners: readonly T[],
  aliasesOf: (owner: T) => readonly string[],
  scopeOf: (owner: T) => string,
  pathOf: (owner: T) => string,
  code: PlantMapIssueCode,
  issues: Collector
): void {
  const claimed = new Map<string, T>();
  for (const owner of owners) {
    for (const alias of aliasesOf(owner)) {
      const key = `${scopeOf(owner)}\u0000${normaliseLabel(alias)}`;
      const first = claimed.get(key);
      if (first !== undefined && first !== owner) {
        issues.add(code, 'warning', pathOf(owner), alias);
      } else {
        claimed.set(key, owner);
      }
    }
  }
}

/**
 * Reads a stored plant map: the Value text of the `plant` setting, or JSON already parsed.
 * Never throws; see {@link PlantMap.issues}.
 */
export function parsePlantMap(json: unknown): PlantMap {
  const issues = new Collector();
  let root: unknown = json;
  if (typeof json === 'string') {
    if (json.trim() === '') {
      return EMPTY_PLANT_MAP;
    }
    try {
      root = JSON.parse(json) as unknown;
    } catch {
      return { ...EMPTY_PLANT_MAP, issues: [{ code: 'invalidJson', severity: 'error', path: '' }] };
    }
  }
  if (root === undefined || root === null) {
    return EMPTY_PLANT_MAP;
  }
  if (!isRecord(root)) {
    return { ...EMPTY_PLANT_MAP, issues: [{ code: 'notAnObject', severity: 'error', path: '' }] };
  }

  const sitePaths = new Map<SiteRef, string>();
  const sites: SiteRef[] = entries(root, 'sites', issues).map((base) => {
    const site: SiteRef = {
      code: base.code,
      name: base.name,
      names: base.names,
      officeLocations: aliases(base.entry.officeLocations, `${base.path}.officeLocations`, issues)
    };
    sitePaths.set(site, base.path);
    return site;
  });
  const siteByKey = new Map(sites.map((site) => [site.code.toLowerCase(), site]));

  const linePaths = new Map<LineRef, string>();
  const lines: LineRef[] = [];
  for (const base of entries(root, 'lines', issues)) {
    const wanted = text(base.entry.siteCode);
    const site = wanted ? siteByKey.get(wanted.toLowerCase()) : undefined;
    if (!site) {
      issues.add('unknownSite', 'error', `${base.path}.siteCode`, wanted ?? '');
      continue;
    }
    const line: LineRef = {
      code: base.code,
      name: base.name,
      names: base.names,
      siteCode: site.code,
      departments: aliases(base.entry.departments, `${base.path}.departments`, issues)
    };
    linePaths.set(line, base.path);
    lines.push(line);
  }

  const shiftPaths = new Map<ShiftRef, string>();
  const shifts: ShiftRef[] = entries(root, 'shifts', issues).map((base) => {
    const shift: ShiftRef = {
      code: base.code,
      name: base.name,
      names: base.names,
      labels: aliases(base.entry.labels, `${base.path}.labels`, issues)
    };
    shiftPaths.set(shift, base.path);
    return shift;
  });

  reportShared(sites, (s) => s.officeLocations, () => '', (s) => `${sitePaths.get(s) ?? ''}.officeLocations`, 'ambiguousOfficeLocation', issues);
  reportShared(lines, (l) => l.departments, (l) => l.siteCode, (l) => `${linePaths.get(l) ?? ''}.departments`, 'ambiguousDepartment', issues);
  reportShared(shifts, (s) => s.labels, () => '', (s) => `${shiftPaths.get(s) ?? ''}.labels`, 'ambiguousShiftLabel', issues);

  return { sites, lines, shifts, issues: issues.issues };
}

/** The JSON to store for a map (what {@link parsePlantMap} reads back unchanged). */
export function serialisePlantMap(map: Pick<PlantMap, 'sites' | 'lines' | 'shifts'>): string {
  return JSON.stringify({ sites: map.sites, lines: map.lines, shifts: map.shifts });
}
