/**
 * `POST _api/$batch`: each part answered in order as its own request (inside the batch, so
 * without a form digest of its own), the answers formatted as one multipart response.
 */
import type { LocalRequest, LocalResponse } from '../../server/types';
import { type BatchPart, type BatchPartResponse, formatBatchResponse, parseBatch } from '../batch';
import { errors } from '../errors';
import type { SiteCall } from './scope';

function statusText(status: number): string {
  if (status >= 300) {
    return 'Error';
  }
  return status === 201 ? 'Created' : status === 204 ? 'No Content' : 'OK';
}

export async function batch({ request, scope }: SiteCall): Promise<LocalResponse> {
  let parts: BatchPart[];
  try {
    parts = parseBatch(request.body.toString('utf8'), request.headers['content-type']);
  } catch (error) {
    throw errors.badQuery(error instanceof Error ? error.message : 'The batch request is not valid.');
  }
  const responses: BatchPartResponse[] = [];
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
    const response = await scope.answer(inner, true);
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
