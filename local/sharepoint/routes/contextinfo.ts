/** `POST _api/contextinfo`: a new form digest and the site's URLs. */
import type { LocalResponse } from '../../server/types';
import { DIGEST_TIMEOUT_SECONDS } from '../digests';
import { functionResult } from '../format';
import type { SiteCall } from './scope';

export function contextInfo({ request, scope }: SiteCall): LocalResponse {
  const info = {
    FormDigestTimeoutSeconds: DIGEST_TIMEOUT_SECONDS,
    FormDigestValue: scope.digests.issue(),
    LibraryVersion: '16.0.0.0',
    SiteFullUrl: scope.siteUrl(request),
    WebFullUrl: scope.siteUrl(request),
    SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0']
  };
  return functionResult(request, 'GetContextWebInformation', info);
}
