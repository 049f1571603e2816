/**
 * Touch targets: every interactive element inside a root, measured as a finger meets it.
 *
 * An element's target is its own box, or (for a checkbox, radio button or switch) the largest
 * box of it and the labels that toggle it: a press on such a label works the control, so the
 * label is the target a person aims at. Elements that are not rendered (no box, `display:
 * none`, `visibility: hidden`, inside a closed `<details>`) are not targets; a disabled element
 * is still measured (people aim at it before they learn it is off).
 */
import type { Locator } from 'playwright-core';

/** Gloves: 48 × 48 CSS px, the shop floor's minimum (WCAG 2.5.5 asks 44). */
export const TOUCH_TARGET = 48;

export interface Target {
  /** Role or tag, and the accessible name as far as the DOM tells it. */
  readonly what: string;
  readonly width: number;
  readonly height: number;
}

/** Every rendered interactive element inside `root`, with its target size. */
export async function touchTargets(root: Locator): Promise<Target[]> {
  return root.evaluate((element: Element) => {
    const SELECTOR = [
      'a[href]',
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      '[role="button"]',
      '[role="link"]',
      '[role="checkbox"]',
      '[role="radio"]',
      '[role="switch"]',
      '[role="tab"]',
      '[role="menuitem"]',
      '[role="menuitemradio"]',
      '[role="option"]',
      '[role="combobox"]',
      '[role="slider"]',
      '[role="spinbutton"]',
      '[tabindex]:not([tabindex="-1"])'
    ].join(',');
    const TOGGLES = new Set(['checkbox', 'radio']);

    const rendered = (node: Element): boolean => {
      const box = node.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) {
        return false;
      }
      const style = window.getComputedStyle(node);
      return style.visibility !== 'hidden' && style.display !== 'none';
    };

    const nameOf = (node: Element): string => {
      const labelledBy = node.getAttribute('aria-labelledby');
      const fromIds = labelledBy
        ? labelledBy
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : '';
      const labels = node instanceof HTMLInputElement && node.labels ? Array.from(node.labels).map((label) => label.textContent ?? '').join(' ') : '';
      const raw = node.getAttribute('aria-label') || fromIds || labels || node.getAttribute('title') || node.textContent || '';
      return raw.replace(/\s+/g, ' ').trim().slice(0, 60);
    };

    const boxes = (node: Element): DOMRect[] => {
      const own = node.getBoundingClientRect();
      const input = node instanceof HTMLInputElement ? node : undefined;
      const toggles = (input && TOGGLES.has(input.type)) || ['checkbox', 'radio', 'switch'].includes(node.getAttribute('role') ?? '');
      if (!toggles) {
        return [own];
      }
      const labels: Element[] = input?.labels ? Array.from(input.labels) : [];
      const wrapping = node.closest('label');
      if (wrapping && !labels.includes(wrapping)) {
        labels.push(wrapping);
      }
      return [own, ...labels.filter(rendered).map((label) => label.getBoundingClientRect())];
    };

    const targets: Array<{ what: string; width: number; height: number }> = [];
    for (const node of Array.from(element.querySelectorAll(SELECTOR))) {
      if (node.closest('details:not([open]) > :not(summary)')) {
        continue;
      }
      const candidates = boxes(node).filter((box) => box.width > 0 || box.height > 0);
      const visible = rendered(node) || candidates.length > 1;
      if (!visible || candidates.length === 0) {
        continue;
      }
      const best = candidates.reduce((a, b) => (Math.min(b.width, b.height) > Math.min(a.width, a.height) ? b : a));
      const role = node.getAttribute('role') ?? (node instanceof HTMLInputElement ? `input[${node.type}]` : node.tagName.toLowerCase());
      targets.push({ what: `${role} "${nameOf(node)}"`, width: Math.round(best.width * 10) / 10, height: Math.round(best.height * 10) / 10 });
    }
    return targets;
  });
}

/** The targets inside `root` smaller than {@link TOUCH_TARGET} in either direction, readable. */
export async function smallTargets(root: Locator, minimum: number = TOUCH_TARGET): Promise<string[]> {
  const targets = await touchTargets(root);
  return targets.filter((t) => t.width < minimum - 0.5 || t.height < minimum - 0.5).map((t) => `${t.what}: ${t.width} × ${t.height}`);
}
