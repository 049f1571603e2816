/**
 * The few Adaptive Card pieces the Pulse card's quick view is built of (its answering screens in
 * `pulseViews.ts`, what followed a pulse in `pulseFollowUp.ts`): text that wraps, headings screen
 * readers announce, and buttons that submit without the form unless told.
 */
import type { AdaptiveSubmitAction, AdaptiveTextBlock } from '../../app/host/cardTypes';

export function text(value: string, extra: Partial<AdaptiveTextBlock> = {}): AdaptiveTextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

export function heading(value: string, extra: Partial<AdaptiveTextBlock> = {}): AdaptiveTextBlock {
  return text(value, { style: 'heading', size: 'medium', weight: 'bolder', ...extra });
}

export function button(id: string, title: string, style: AdaptiveSubmitAction['style'] = 'default', associatedInputs: AdaptiveSubmitAction['associatedInputs'] = 'none'): AdaptiveSubmitAction {
  return { type: 'Action.Submit', id, title, style, associatedInputs };
}
