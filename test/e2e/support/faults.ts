/**
 * The local tenant's fault switches (`POST /_local/faults`, see local/server/faults.ts): an
 * outage of SharePoint, Graph or the relay for a test, and none again after it.
 */

/** No fault at all (what a test sets back after it). */
export const NO_FAULTS = { latencyMs: 0, throttleRate: 0, unavailableRate: 0, dropRate: 0, throttleNext: 0, dropNext: 0, pathFilter: '', retryAfterSeconds: 1 };

/** Every request whose path contains `pathFilter` answered 503 with Retry-After: 1. */
export function outageOf(pathFilter: '/_api/' | '/graph/' | '/relay/'): object {
  return { unavailableRate: 1, retryAfterSeconds: 1, pathFilter };
}

/** Sets the tenant's fault switches (a partial update). */
export async function setFaults(origin: string, settings: object): Promise<void> {
  const response = await fetch(`${origin}/_local/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings)
  });
  if (!response.ok) {
    throw new Error(`Setting faults failed: ${response.status} ${await response.text()}`);
  }
}
