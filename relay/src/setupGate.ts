/**
 * The relay does nothing sensitive on a site where Engage Setup has not run: until a site admin
 * applies the product's list access settings, every member can write every list (a new install
 * leaves them so, and SharePoint ignores those settings in a solution's schema), so a post
 * written there could be changed by anyone and a report could be read by the person reported.
 * A route that writes asks this gate first; the answer is 409 `notSetUp`, which the page
 * explains. The check reads the lists' settings with the relay's identity; a site found set up
 * is not read again for thirty seconds (a site owner who undoes a setting — versioning on, search
 * crawling — is refused within that), one not set up is read again at the next call (so "Apply"
 * takes effect at once).
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { LIST_SECURITY } from '../../src/core/setup/listSecurity';
import { problem, type RelayAnswer } from './router';

const READY_FOR_MS = 30 * 1000;

export interface SetupGate {
  /** Undefined when the lists are set up; the answer refusing the call otherwise. */
  refusal(): Promise<RelayAnswer | undefined>;
}

export function setupGate(site: () => SPFI, listTitles: readonly string[], now: () => number = Date.now): SetupGate {
  const ready = { until: 0 };
  const markReady = (): void => {
    ready.until = now() + READY_FOR_MS;
  };
  return {
    async refusal() {
      if (now() < ready.until) {
        return undefined;
      }
      const sp = site();
      const states = await Promise.all(
        listTitles.map((title) =>
          sp.web.lists
            .getByTitle(title)
            .select('ReadSecurity', 'WriteSecurity', 'EnableVersioning', 'NoCrawl')<{ ReadSecurity?: number; WriteSecurity?: number; EnableVersioning?: boolean; NoCrawl?: boolean }>()
        )
      );
      const secured = listTitles.every((title, index) => {
        const rule = LIST_SECURITY[title];
        const state = states[index];
        // A list that must keep no versions (pulse answers and participation) may not have them on.
        const versions = rule?.versioning === false && state.EnableVersioning === true;
        // Nor may search crawl a list only the relay reads.
        const crawled = rule?.noCrawl === true && state.NoCrawl !== true;
        return rule !== undefined && state.ReadSecurity === rule.read && state.WriteSecurity === rule.write && !versions && !crawled;
      });
      if (!secured) {
        return problem(409, 'notSetUp', 'Shopfloor Engage is not set up on this site yet: a site admin applies the access settings in Engage Setup.');
      }
      markReady();
      return undefined;
    }
  };
}
