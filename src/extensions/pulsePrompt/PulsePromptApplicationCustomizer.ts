import { PartApplicationCustomizer } from '../../app/host/spfxCustomizer';
import { type IPulsePromptProperties, pulsePromptPart } from './PulsePrompt.part';

export type { IPulsePromptProperties };

/** SharePoint host of the Pulse prompt customizer. */
export default class PulsePromptApplicationCustomizer extends PartApplicationCustomizer<IPulsePromptProperties> {
  protected readonly definition = pulsePromptPart;
}
