/** SharePoint's error answers, as SharePoint Online sends them. */
import { json, LocalResponse } from '../server/types';

export class SharePointError extends Error {
  public constructor(
    public readonly status: number,
    public readonly code: string,
    message: string
  ) {
    super(message);
    this.name = 'SharePointError';
  }
}

export const THRESHOLD_MESSAGE =
  'The attempted operation is prohibited because it exceeds the list view threshold.';

const EXPAND_NEEDED = 'The $select query string must specify the target fields and the $expand query string must contains ';

export const errors = {
  accessDenied: (): SharePointError =>
    new SharePointError(
      403,
      '-2147024891, System.UnauthorizedAccessException',
      'Access denied. You do not have permission to perform this action or access this resource.'
    ),
  digest: (): SharePointError =>
    new SharePointError(
      403,
      '-2130575252, Microsoft.SharePoint.SPException',
      'The security validation for this page is invalid and might be corrupted. Please use your web browser\'s Back button to try your operation again.'
    ),
  listNotFound: (title: string, siteUrl = ''): SharePointError =>
    new SharePointError(
      404,
      '-1, System.ArgumentException',
      `List '${title}' does not exist at site with URL '${siteUrl}'.`
    ),
  itemNotFound: (): SharePointError =>
    new SharePointError(
      404,
      '-2130575338, Microsoft.SharePoint.SPException',
      'Item does not exist. It may have been deleted by another user.'
    ),
  userNotFound: (login: string): SharePointError =>
    new SharePointError(404, '-2146232832, Microsoft.SharePoint.SPException', `The specified user ${login} could not be found.`),
  etagMismatch: (sent: string, current: string): SharePointError =>
    new SharePointError(
      412,
      '-1, Microsoft.SharePoint.Client.ClientServiceException',
      `The request ETag value '${sent}' does not match the object's ETag value '${current}'.`
    ),
  threshold: (): SharePointError =>
    new SharePointError(500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', THRESHOLD_MESSAGE),
  duplicate: (): SharePointError =>
    new SharePointError(
      500,
      '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
      'The list item could not be added or updated because duplicate values were found in one or more fields in the list.'
    ),
  badField: (name: string, listTitle: string): SharePointError =>
    new SharePointError(
      400,
      '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      `The property '${name}' does not exist on type 'SP.Data.${listTitle}ListItem'. Make sure to only use property names that are defined by the type.`
    ),
  /** A `__metadata.type` or `odata.type` in a body that is not the list's item type (ODataLib's wording). */
  unresolvedType: (type: string): SharePointError =>
    new SharePointError(
      400,
      '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      `A type named '${type}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`
    ),
  badQuery: (message: string): SharePointError =>
    new SharePointError(400, '-1, Microsoft.SharePoint.SPException', message),
  /** `$select` of a lookup or navigation property (`Author`, `Author/Title`) that `$expand` does not name. */
  notExpanded: (path: string, name: string): SharePointError =>
    new SharePointError(400, '-1, Microsoft.SharePoint.SPException', `The query to field '${path}' is not valid. ${EXPAND_NEEDED}${name}.`),
  fieldNotFound: (name: string): SharePointError =>
    new SharePointError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `Field or property "${name}" does not exist.`
    ),
  required: (name: string): SharePointError =>
    new SharePointError(400, '-2130575155, Microsoft.SharePoint.SPFieldValidationException', `The field ${name} is required.`),
  invalidValue: (name: string, reason: string): SharePointError =>
    new SharePointError(400, '-2146233088, Microsoft.SharePoint.SPFieldValidationException', `${name}: ${reason}`),
  /** What SharePoint answers each `$batch` part after a failed one with (pnp/pnpjs #486, #1275). */
  afterFailedBatchPart: (): SharePointError =>
    new SharePointError(500, '-1, System.IndexOutOfRangeException', 'Index was outside the bounds of the array.'),
  /**
   * Unique values and item-level security together (docs/local-tenant.md, "Unique columns and
   * item-level security"). SharePoint's exact wording is not published; the tenant check prints it.
   */
  uniqueWithItemSecurity: (what: string): SharePointError =>
    new SharePointError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `${what}: a column that enforces unique values cannot be used with item-level permissions (read access to own items only, or items with their own permissions).`
    ),
  /** A role assignment changed on an item that still inherits (RoleAssignmentCollection.Add: InvalidOperationException). */
  inheritsPermissions: (): SharePointError =>
    new SharePointError(400, '-2146233079, System.InvalidOperationException', 'This operation is not allowed on an object that inherits permissions.'),
  /** A principal id the site collection does not have, or that holds no role on the object. */
  principalNotFound: (id: number): SharePointError =>
    new SharePointError(404, '-2146232832, Microsoft.SharePoint.SPException', `Can not find the principal with id: ${id}.`),
  groupNotFound: (): SharePointError => new SharePointError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.'),
  roleDefinitionNotFound: (what: string): SharePointError =>
    new SharePointError(404, '-2146232832, Microsoft.SharePoint.SPException', `The role definition ${what} cannot be found.`),
  notSupported: (what: string): SharePointError =>
    new SharePointError(400, '-1, Microsoft.SharePoint.Client.ClientServiceException', `${what} is not supported by the local tenant.`)
};

/** The error body for the requested OData flavour (verbose or JSON light). */
export function errorResponse(error: SharePointError, accept: string | undefined): LocalResponse {
  const message = { lang: 'en-US', value: error.message };
  const body = (accept ?? '').includes('odata=verbose')
    ? { error: { code: error.code, message } }
    : { 'odata.error': { code: error.code, message } };
  return json(error.status, body, { 'x-ms-diagnostics': `${error.code.split(',')[0]};reason="${error.message.replace(/"/g, "'")}"` });
}
