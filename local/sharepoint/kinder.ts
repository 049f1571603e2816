/**
 * Behaviours kinder than SharePoint Online's, each off by default: the local tenant answers as
 * strictly as SharePoint unless a test or a developer asks for one of these, through the tenant
 * options (`startTenant({ kinder: { … } })`) or `LOCAL_TENANT_LENIENT` (`leniency.ts`, the one
 * environment switch for every kinder behaviour). See docs/local-tenant.md,
 * "Batches after a failed part, and case".
 */
import { isLenient } from './leniency';

export interface SharePointKinder {
  /**
   * Answer every part of a `$batch` on its own, also after a part failed. SharePoint answers
   * each part after a failed one with 500 `System.IndexOutOfRangeException` instead.
   * Environment: `LOCAL_TENANT_LENIENT=batch-parts-independent`; read on every batch.
   */
  batchPartsIndependent?: boolean;
  /**
   * Compare text case-sensitively in unique columns and filters (`eq`, `ne`, `lt`…, ordering).
   * SharePoint compares them case-insensitively. Applies to lists made while it is set (a new
   * or reset tenant). Environment: `LOCAL_TENANT_LENIENT=case-sensitive-text`.
   */
  caseSensitiveText?: boolean;
}

/** The kinder behaviours the environment asks for (`LOCAL_TENANT_LENIENT`). */
export function kinderFromEnv(): SharePointKinder {
  return { batchPartsIndependent: isLenient('batch-parts-independent'), caseSensitiveText: isLenient('case-sensitive-text') };
}

/** Whether the parts of a `$batch` are answered independently (tenant option, else environment). */
export function batchPartsIndependent(kinder: SharePointKinder | undefined): boolean {
  return kinder?.batchPartsIndependent === true || isLenient('batch-parts-independent');
}
