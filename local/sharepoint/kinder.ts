/**
 * Behaviours kinder than SharePoint Online's, each off by default: the local tenant answers as
 * strictly as SharePoint unless a test or a developer asks for one of these, through the tenant
 * options (`startTenant({ kinder: { … } })`) or the environment. See docs/local-tenant.md,
 * "Batches after a failed part, and case".
 */
export interface SharePointKinder {
  /**
   * Answer every part of a `$batch` on its own, also after a part failed. SharePoint answers
   * each part after a failed one with 500 `System.IndexOutOfRangeException` instead.
   * Environment: `LOCAL_TENANT_BATCH_PARTS_INDEPENDENT=1`; read on every batch.
   */
  batchPartsIndependent?: boolean;
  /**
   * Compare text case-sensitively in unique columns and filters (`eq`, `ne`, `lt`…, ordering).
   * SharePoint compares them case-insensitively. Applies to lists made while it is set (a new
   * or reset tenant). Environment: `LOCAL_TENANT_CASE_SENSITIVE_TEXT=1`.
   */
  caseSensitiveText?: boolean;
}

export const BATCH_PARTS_INDEPENDENT_ENV = 'LOCAL_TENANT_BATCH_PARTS_INDEPENDENT';
export const CASE_SENSITIVE_TEXT_ENV = 'LOCAL_TENANT_CASE_SENSITIVE_TEXT';

function on(value: string | undefined): boolean {
  return value === '1' || value?.toLowerCase() === 'true';
}

/** The kinder behaviours the environment asks for. */
export function kinderFromEnv(env: NodeJS.ProcessEnv): SharePointKinder {
  return { batchPartsIndependent: on(env[BATCH_PARTS_INDEPENDENT_ENV]), caseSensitiveText: on(env[CASE_SENSITIVE_TEXT_ENV]) };
}

/** Whether the parts of a `$batch` are answered independently (tenant option, else environment). */
export function batchPartsIndependent(kinder: SharePointKinder | undefined): boolean {
  return kinder?.batchPartsIndependent === true || on(process.env[BATCH_PARTS_INDEPENDENT_ENV]);
}
