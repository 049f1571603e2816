/**
 * The prompt line's host in SharePoint, from the customizer's context: SPFx's MSGraphClientV3,
 * SPHttpClient and AadHttpClient (they come with the page, nothing of them is in the bundle), who
 * is signed in, the page's language. Customizers get no section theme: the page theme applies.
 */
import type { ApplicationCustomizerContext } from '@microsoft/sp-application-base';
import { SPHttpClient } from '@microsoft/sp-http';

import { browserDeviceStorage } from '../../app/deviceStorage';
import { aadFetchOf } from '../../app/host/aadFetch';
import { hostUserOf } from '../../app/host/siteUser';
import type { PromptHost } from './components/PulsePromptLine';
import { promptHostOf, sharePointGet } from './promptHost';

export async function spfxPromptHost(context: ApplicationCustomizerContext): Promise<PromptHost> {
  const graph = await context.msGraphClientFactory.getClient('3');
  const { pageContext } = context;
  let answers: ReturnType<PromptHost['answers']> | undefined;
  return promptHostOf({
    graph,
    sharePoint: sharePointGet(pageContext.web.absoluteUrl, (url, headers) => context.spHttpClient.get(url, SPHttpClient.configurations.v1, { headers })),
    relayFetch: aadFetchOf(context),
    user: hostUserOf(pageContext),
    locale: pageContext.cultureInfo.currentUICultureName.toLowerCase(),
    theme: undefined,
    device: browserDeviceStorage(),
    // The composition root's services, with the survey's chunk: PnPjs and the relay client come only now.
    answers: () => {
      if (!answers) {
        answers = import(/* webpackChunkName: 'pulse-survey' */ './spfxAnswering').then((m) => m.spfxPulseAnswers(context));
        answers.catch(() => (answers = undefined));
      }
      return answers;
    }
  });
}
