/**
 * What follows a pulse for the person, below the open rounds: "You said, we did", the action plans
 * published to the groups they belong to (read through the relay). Its own chunk
 * (`pulse-follow-up`), loaded once the rounds are read.
 */
import * as React from 'react';

import { pulsePlansOf } from '../../app/pulsePlans';
import type { EngageServices } from '../../app/services';
import { PublishedPlans } from '../../ui/pulsePlans/PublishedPlans';

export interface IPulseFollowUpProps {
  readonly services: EngageServices;
  readonly locale: string;
  readonly timeZone: string;
}

export function PulseFollowUp(props: IPulseFollowUpProps): React.ReactElement {
  return <PublishedPlans store={pulsePlansOf(props.services).store} locale={props.locale} timeZone={props.timeZone} headingLevel={3} quietWhileLoading={true} />;
}
