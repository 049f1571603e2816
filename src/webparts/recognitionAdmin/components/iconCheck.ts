/**
 * Whether the product can show an icon: every part draws a value's icon from the page's Fluent
 * UI icon registry (`src/ui/light/Icon.tsx`), so a name it does not know shows nothing anywhere.
 */
import { registeredIcon } from '../../../ui/light/Icon';

/** The registry every Fluent UI copy on the page shares (SharePoint's, the workbench's). */
function hasIconRegistry(): boolean {
  return typeof window !== 'undefined' && (window as { __globalSettings__?: { icons?: unknown } }).__globalSettings__?.icons !== undefined;
}

/**
 * `true` when the page can draw the icon `name` (its registry knows it, by name or alias),
 * `false` when it cannot, `undefined` when the page has no icon registry (nothing can be told).
 */
export function iconShown(name: string): boolean | undefined {
  if (!hasIconRegistry()) {
    return undefined;
  }
  return registeredIcon(name.trim()) !== undefined;
}
