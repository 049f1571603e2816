/** The site itself: `_api/web` and the caller's rights on it (`web/EffectiveBasePermissions`). */
import type { LocalResponse } from '../../server/types';
import { entity, functionResult, pickSelected } from '../format';
import { permissionMask } from '../permissions';
import type { SiteCall } from './scope';

export function getWeb({ request, scope }: SiteCall): LocalResponse {
  return entity(request, pickSelected(request, {
    Id: 'b6b0b8a6-8f0c-4a4e-9d6e-5a7f3c2e1d00',
    Title: 'Shopfloor Engage',
    Url: scope.siteUrl(request),
    ServerRelativeUrl: scope.context.siteUrlPath,
    Language: 1033,
    Description: 'Engagement site of the demo plant (local tenant)',
    WebTemplate: 'SITEPAGEPUBLISHING'
  }));
}

export function effectiveBasePermissions({ request }: SiteCall): LocalResponse {
  return functionResult(request, 'EffectiveBasePermissions', permissionMask(request.user), 'SP.BasePermissions');
}
