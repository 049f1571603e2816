/** The site itself: `_api/web` and the caller's rights on it (`web/EffectiveBasePermissions`). */
import type { LocalResponse } from '../../server/types';
import { errors } from '../errors';
import { entity, functionResult, pickSelected } from '../format';
import { permissionMask } from '../permissions';
import { getTenantProperty } from '../tenantProperties';
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

/**
 * `web/GetStorageEntity('key')`: a tenant property, for anyone signed in to the site
 * (`{"odata.null": true}` when the key is not set, as SharePoint answers).
 */
export function storageEntity({ request, params, scope }: SiteCall): LocalResponse {
  const key = (params[0] ?? '').replace(/''/g, "'");
  const property = getTenantProperty(scope.context.db, key);
  return functionResult(request, 'GetStorageEntity', property ?? { 'odata.null': true }, 'SP.StorageEntity');
}

/** `SetStorageEntity` and `RemoveStorageEntity` work only in the tenant app catalog, which this site is not. */
export function storageEntityDenied(): never {
  throw errors.accessDenied();
}
