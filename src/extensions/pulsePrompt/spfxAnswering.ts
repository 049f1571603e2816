/**
 * The answering services of the prompt's survey in SharePoint, in the survey's chunk: the
 * composition root's services for the page (PnPjs, the relay client, the outbox), built as every
 * part's are (`spfxHostBase`), once the person opens the survey or an answer waits on the device.
 */
import type { ApplicationCustomizerContext } from '@microsoft/sp-application-base';

import { spfxHostBase } from '../../app/host/spfxEnvironment';
import { pulseOf } from '../../app/pulse';
import type { IPulseSurveyProps } from './components/PulseSurvey';

export async function spfxPulseAnswers(context: ApplicationCustomizerContext): Promise<IPulseSurveyProps['answers']> {
  const base = await spfxHostBase(context);
  return pulseOf(base.services).answers;
}
