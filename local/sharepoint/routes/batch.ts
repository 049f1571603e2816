/**
 * `POST _api/$batch`: each part answered in order as its own request (inside the batch, so
 * without a form digest of its own), the answers formatted as one multipart response. As in
 * SharePoint Online, once a part has failed every later part (read or change, in a changeset or
 * not) is not run and answers 500 `System.IndexOutOfRangeException`; the kinder switch
 * `batchPartsIndependent` runs them all (docs/local-tenant.md).
 */
import { STATUS_CODES } from 'http';

import type { LocalRequest, LocalResponse } from '../../server/types';
import { type BatchPart, type BatchPartResponse, formatBatchResponse, parseBatch } from '../batch';
import { errorResponse, errors } from '../errors';
import { batchPartsIndependent } from '../kinder';
import type { SiteCall } from './scope';

/** The part's status line reason phrase, as SharePoint writes it (`404 Not Found`, `201 Created`). */
function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Unknown';
}

export async function batch({ request, scope }: SiteCall): Promise<LocalResponse> {
  let parts: BatchPart[];
  try {
    parts = parseBatch(request.body.toString('utf8'), request.headers['content-type']);
  } catch (error) {
    throw errors.badQuery(error instanceof Error ? error.message : 'The batch request is not valid.');
  }
  const independent = batchPartsIndependent(scope.context.kinder);
  const responses: BatchPartResponse[] = [];
  let failed = false;
  for (const part of parts) {
    const url = new URL(part.url, request.origin);
    const inner: LocalRequest = {
      method: part.method,
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: part.headers,
      body: Buffer.from(part.body, 'utf8'),
      user: request.user,
      origin: request.origin
    };
    const response: LocalResponse = failed && !independent ? errorResponse(errors.afterFailedBatchPart(), part.headers.accept) : await scope.answer(inner, true);
    failed = failed || response.status >= 400;
    responses.push({
      status: response.status,
      statusText: statusText(response.status),
      headers: { ...(response.headers ?? {}) },
      body: response.body === undefined ? '' : response.body.toString()
    });
  }
  const formatted = formatBatchResponse(responses);
  return { status: 200, headers: { 'content-type': formatted.contentType }, body: formatted.body };
}
