/**
 * Kinder behaviours the local tenant can be switched to. By default it is as strict as SharePoint
 * Online (or stricter where the sources are silent); `LOCAL_TENANT_LENIENT` lists, comma-separated,
 * the behaviours to relax (`all` for every one). Read on every request, so a test can switch one
 * for a moment. See docs/local-tenant.md, "Strictness and its switches".
 */
export type Leniency =
  /** Exempt everyone with Manage Lists (not only Override List Behaviors) from own-items-only lists. */
  | 'manage-lists-exempt'
  /** On a list over the threshold, judge a filter with `or`/`not` by its first condition only. */
  | 'large-list-or-not'
  /** On a list over the threshold, cut a `$top` over 5,000 to 5,000 instead of refusing it. */
  | 'large-list-top'
  /** Accept `endswith`, which SharePoint's REST service documents as not supported. */
  | 'endswith'
  /** Ignore `__metadata` and `odata.type` in a create or update body. */
  | 'body-type'
  /** Graph: accept OData query options on `joinedTeams`, which documents none. */
  | 'joined-teams-query'
  /** Graph: treat `$batch` request ids differing only in case as different. */
  | 'graph-batch-id-case'
  /** Answer every part of a SharePoint `$batch` on its own, also after a part failed. */
  | 'batch-parts-independent'
  /** Compare text case-sensitively in unique columns and filters (lists made while it is set). */
  | 'case-sensitive-text'
  /** Accept `contains`, an OData v4 function SharePoint's REST service (OData v3) does not list. */
  | 'contains'
  /**
   * Accept unique values together with item-level security: ReadSecurity 2 on a list with a
   * unique column, a unique column on such a list, and an item's own permissions in it.
   */
  | 'unique-with-item-security';

export const LENIENT_ENV = 'LOCAL_TENANT_LENIENT';

export function isLenient(name: Leniency): boolean {
  const names = (process.env[LENIENT_ENV] ?? '').split(',').map((n) => n.trim());
  return names.includes(name) || names.includes('all');
}
