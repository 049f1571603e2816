/**
 * OData literals for SharePoint REST filters, written once: a text value in single quotes with
 * apostrophes doubled (`O'Brien` → `'O''Brien'`), so names never break or widen a filter.
 */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function odataDateTime(value: Date): string {
  return `datetime'${value.toISOString().replace(/\.\d{3}Z$/, 'Z')}'`;
}
