/**
 * Fills numbered placeholders in a localised string: format('{0} of {1}', 2, 5) → '2 of 5'.
 * Unknown placeholders stay as written so a translation mistake is visible, not silent.
 */
export function format(template: string, ...values: ReadonlyArray<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? placeholder : String(value);
  });
}
