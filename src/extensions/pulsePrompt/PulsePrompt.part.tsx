/**
 * The "Pulse prompt" application customizer: a small prompt at the top of every page of the site,
 * only while the signed-in person is on shift (Teams Shifts through the page's roster service) and
 * a pulse round is open and unanswered for them. What SharePoint and the workbench host.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';

import { deviceTimeZone } from '../../app/host/cardTypes';
import type { PartDefinition } from '../../app/host/types';
import { pulseOf } from '../../app/pulse';
import type { PromptSources } from '../../core/pulse/promptNow';
import { DEFAULT_PROMPT_SETTINGS } from '../../core/roster/rules';
import { ThemedPart } from '../../ui/host/ThemedPart';
import { PulsePromptBar } from './components/PulsePromptBar';

// eslint-disable-next-line @typescript-eslint/no-empty-interface -- the customizer has no settings yet
export interface IPulsePromptProperties {}

export const pulsePromptPart: PartDefinition<IPulsePromptProperties> = {
  id: '279410ed-cd6a-464c-abb1-e1671f134568',
  alias: 'PulsePromptApplicationCustomizer',
  kind: 'applicationCustomizer',
  defaultProperties: {},
  propertyPane: () => ({ description: '', groups: [] }),
  render: (element, environment) => {
    const { answers, roster, quietHours, promptMemo } = pulseOf(environment.services);
    const timeZone = deviceTimeZone();
    const sources: PromptSources = {
      // Quiet hours that cannot be read count as quiet: the prompt looks again later.
      mayPromptNow: async () => roster().mayPromptNow({ ...DEFAULT_PROMPT_SETTINGS, quietHours: await quietHours(timeZone) }),
      openRounds: () => answers.openRounds(),
      dismissedRoundIds: () => answers.dismissedRoundIds(),
      now: () => new Date(),
      // Nothing to prompt for: the next pages of the session ask nothing for a while.
      memo: promptMemo
    };
    ReactDom.render(
      <ThemedPart theme={environment.theme}>
        <PulsePromptBar
          answers={answers}
          locale={environment.locale}
          timeZone={timeZone}
          sources={sources}
        />
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
