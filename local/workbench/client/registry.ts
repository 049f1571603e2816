/**
 * The parts the workbench hosts: every export of a scanned `*.part.ts(x)` module that is a
 * PartDefinition (web parts, customizers: `render`/`dispose`) or a CardPartDefinition (cards:
 * `load`, `cardView`, `quickView`). Grouped by kind, because each kind has its own place on a
 * SharePoint page: web parts in canvas sections, cards on the Viva Connections dashboard (card
 * view + quick view), application customizers in the page's top placeholder.
 */
import { type CardPartDefinition, isCardPartDefinition } from '../../../src/app/host/cardTypes';
import type { PartDefinition } from '../../../src/app/host/types';
import type { ManifestSummary } from '../shared';

export type PartKind = PartDefinition<object>['kind'];
export const PART_KINDS: readonly PartKind[] = ['applicationCustomizer', 'webPart', 'card'];

/** What a `*.part.ts(x)` module may export for the workbench to host. */
export type HostedDefinition = PartDefinition<object> | CardPartDefinition<object, unknown>;

export interface PartModule {
  /** Repository-relative path of the module, e.g. `src/webparts/engageSetup/EngageSetup.part.tsx`. */
  readonly file: string;
  readonly exports: Readonly<Record<string, unknown>>;
}

export interface RegisteredPart<TDefinition extends HostedDefinition = HostedDefinition> {
  readonly definition: TDefinition;
  readonly file: string;
  readonly exportName: string;
  /** From the manifest with the same id, or the alias. */
  readonly title: string;
  readonly manifest: ManifestSummary | undefined;
}

/** A part rendered into an element (web part, customizer): `render` and `dispose`. */
export function isRenderedDefinition(value: unknown): value is PartDefinition<object> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.alias === 'string' &&
    typeof candidate.kind === 'string' &&
    (PART_KINDS as readonly string[]).includes(candidate.kind) &&
    typeof candidate.defaultProperties === 'object' &&
    candidate.defaultProperties !== null &&
    typeof candidate.propertyPane === 'function' &&
    typeof candidate.render === 'function' &&
    typeof candidate.dispose === 'function'
  );
}

/** Anything the workbench hosts: a rendered part or a card definition. */
export function isPartDefinition(value: unknown): value is HostedDefinition {
  return isCardPartDefinition(value) || isRenderedDefinition(value);
}

export function isCardPart(part: RegisteredPart): part is RegisteredPart<CardPartDefinition<object, unknown>> {
  return isCardPartDefinition(part.definition);
}

export function isRenderedPart(part: RegisteredPart): part is RegisteredPart<PartDefinition<object>> {
  return !isCardPartDefinition(part.definition) && isRenderedDefinition(part.definition);
}

export interface Registry {
  readonly parts: readonly RegisteredPart[];
  byKind(kind: PartKind): readonly RegisteredPart[];
  /** Modules that export no part definition (probably a mistake worth showing). */
  readonly emptyModules: readonly string[];
}

export function createRegistry(
  modules: readonly PartModule[],
  manifests: Readonly<Record<string, ManifestSummary>>
): Registry {
  const parts: RegisteredPart[] = [];
  const emptyModules: string[] = [];
  for (const module of modules) {
    let found = false;
    for (const [exportName, value] of Object.entries(module.exports)) {
      if (isPartDefinition(value) && !parts.some((part) => part.definition.id === value.id)) {
        const manifest = manifests[value.id];
        parts.push({ definition: value, file: module.file, exportName, title: manifest?.title ?? value.alias, manifest });
        found = true;
      }
    }
    if (!found) {
      emptyModules.push(module.file);
    }
  }
  // In page order (top placeholder, sections, dashboard): the first part is the one a
  // person editing the page meets first.
  parts.sort((a, b) => PART_KINDS.indexOf(a.definition.kind) - PART_KINDS.indexOf(b.definition.kind));
  return {
    parts,
    emptyModules,
    byKind: (kind) => parts.filter((part) => part.definition.kind === kind)
  };
}

/**
 * Only the part named by `?part=<alias or id>` (the benchmark and deep links host one part
 * alone, as a page with a single web part would), or the parts of a comma-separated list (a
 * dashboard of some cards); the whole registry when not given.
 */
export function selectParts(registry: Registry, wanted: string | null): Registry {
  if (!wanted) {
    return registry;
  }
  const keys = wanted.toLowerCase().split(',');
  const parts = registry.parts.filter(
    (part) => keys.indexOf(part.definition.alias.toLowerCase()) >= 0 || keys.indexOf(part.definition.id.toLowerCase()) >= 0
  );
  return {
    parts,
    emptyModules: registry.emptyModules,
    byKind: (kind) => parts.filter((part) => part.definition.kind === kind)
  };
}
