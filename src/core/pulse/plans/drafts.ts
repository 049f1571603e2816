/**
 * What a writer typed into a plan, kept on the device until the relay has stored it: a save that
 * fails (offline, the relay busy, a refusal) loses nothing, and the editor opens again with the
 * words as they were. One entry per plan key (a new plan's key is made on the device, `newRequestId`; a
 * stored plan's edits are kept under its id). Framework-free; the device's store is given.
 *
 * A quoted comment is kept by its thread id only, never its words: they are the comment's, shown
 * while the comment is (`types.ts` `PlanSource`), and must not stay on a device after HR hid it or
 * its author deleted it. The editor opened again takes the words from where it was opened.
 */
import type { KeyValueStore } from '../../storage';
import { PLAN_STATUSES, type PlanFields, type PlanSource } from './types';

export interface DeviceDraft {
  /** The key a new plan is stored under once (`SavePlanRequest.planKey`). */
  readonly planKey: string;
  /** Set when the draft changes a stored plan. */
  readonly id?: number;
  /** The version the stored plan was read at. */
  readonly version?: string;
  readonly fields: PlanFields;
  /** When it was last kept (ms since the epoch). */
  readonly keptAt: number;
}

/** Drafts kept at most: the oldest go first. */
const MAX_DRAFTS = 20;

const isRecord = (value: unknown): value is { readonly [key: string]: unknown } => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The source as a device keeps it: a comment without its words. */
function keptSource(source: PlanSource): PlanSource {
  return source.kind === 'comment' ? (source.threadId !== undefined ? { kind: 'comment', threadId: source.threadId } : { kind: 'comment' }) : source;
}

function draftOf(value: unknown): DeviceDraft | undefined {
  if (!isRecord(value) || typeof value.planKey !== 'string' || !isRecord(value.fields) || typeof value.keptAt !== 'number') {
    return undefined;
  }
  const fields = value.fields as unknown as PlanFields;
  if (typeof fields.headline !== 'string' || typeof fields.groupKey !== 'string' || PLAN_STATUSES.indexOf(fields.status) < 0 || !isRecord(fields.owner) || !isRecord(fields.source)) {
    return undefined;
  }
  return {
    planKey: value.planKey,
    ...(typeof value.id === 'number' ? { id: value.id } : {}),
    ...(typeof value.version === 'string' ? { version: value.version } : {}),
    fields: { ...fields, source: keptSource(fields.source) },
    keptAt: value.keptAt
  };
}

export class PlanDrafts {
  public constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
    private readonly now: () => number = Date.now
  ) {}

  /** Every draft kept on this device, newest first. */
  public list(): DeviceDraft[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.store.read(this.key) ?? '[]');
    } catch {
      parsed = [];
    }
    return (Array.isArray(parsed) ? parsed : [])
      .map(draftOf)
      .filter((draft): draft is DeviceDraft => draft !== undefined)
      .sort((a, b) => b.keptAt - a.keptAt);
  }

  /** The draft kept for a stored plan, or for a new plan's key. */
  public find(match: { readonly id?: number; readonly planKey?: string }): DeviceDraft | undefined {
    return this.list().find((draft) => (match.id !== undefined ? draft.id === match.id : draft.planKey === match.planKey && draft.id === undefined));
  }

  /** Keeps what was typed (replacing the draft of the same key); a quoted comment by its thread id only. */
  public keep(draft: Omit<DeviceDraft, 'keptAt'>): void {
    const others = this.list().filter((kept) => kept.planKey !== draft.planKey);
    const all = [{ ...draft, fields: { ...draft.fields, source: keptSource(draft.fields.source) }, keptAt: this.now() }, ...others].slice(0, MAX_DRAFTS);
    this.store.write(this.key, JSON.stringify(all));
  }

  /** Forgets a draft once the relay stored it. */
  public forget(planKey: string): void {
    const rest = this.list().filter((kept) => kept.planKey !== planKey);
    if (rest.length === 0) {
      this.store.remove(this.key);
    } else {
      this.store.write(this.key, JSON.stringify(rest));
    }
  }
}
