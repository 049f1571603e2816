/**
 * What follows a pulse for the person, below the open rounds: their own comments with the replies
 * HR or their leader wrote ("HR answered your comment"), to answer back or delete, and "You said,
 * we did", the action plans published to the groups they belong to. Both through the relay, which
 * alone knows whose comments they are. Its own chunk (`pulse-follow-up`), loaded once the rounds
 * are read.
 */
import * as React from 'react';

import { pulsePlansOf } from '../../app/pulsePlans';
import { pulseThreadsOf } from '../../app/pulseThreads';
import type { EngageServices } from '../../app/services';
import { PublishedPlans } from '../../ui/pulsePlans/PublishedPlans';
import { MyComments } from '../../ui/pulseThreads/MyComments';

export interface IPulseFollowUpProps {
  readonly services: EngageServices;
  readonly locale: string;
  readonly timeZone: string;
}

export function PulseFollowUp(props: IPulseFollowUpProps): React.ReactElement {
  return (
    <>
      <MyComments source={pulseThreadsOf(props.services).threads} language={props.locale} headingLevel={3} />
      <PublishedPlans store={pulsePlansOf(props.services).store} locale={props.locale} timeZone={props.timeZone} headingLevel={3} quietWhileLoading={true} />
    </>
  );
}
