/**
 * The setup part's services, once per web and person: one read of the product's lists and the
 * person's Manage Lists right (one `$batch`), and applying the lists' access settings.
 */
import { SetupReader } from '../connectors/sharepoint/setupReader';
import { PnPSiteListsGateway } from '../connectors/sharepoint/PnPSiteListsGateway';
import { PRODUCT_LIST_TITLES } from '../core/setup/productLists';
import { type SetupActions, SetupService } from '../core/setup/setupService';
import type { EngageServices } from './services';

function buildSetup(services: EngageServices): SetupActions {
  const { sp } = services.connections;
  const reader = new SetupReader(sp, PRODUCT_LIST_TITLES);
  const service = new SetupService(new PnPSiteListsGateway(sp), PRODUCT_LIST_TITLES);
  return {
    check: () => reader.read(),
    secure: (checks) => service.secure(checks)
  };
}

export function setupOf(services: EngageServices): SetupActions {
  return services.capability('setup', buildSetup);
}
