/**
 * Plain SharePoint REST for the tenant check: a bearer token, the form digest from
 * `_api/contextinfo`, JSON light or verbose bodies, multipart `$batch`, and patience with
 * throttling (429/503 with Retry-After). Node's global fetch only.
 */
import { randomUUID } from 'crypto';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const NOMETADATA = 'application/json;odata=nometadata';
export const VERBOSE = 'application/json;odata=verbose';

/** One answer, read whole: status, the body as text and parsed (when JSON), SharePoint's error. */
export interface Answer {
  readonly status: number;
  readonly ok: boolean;
  readonly text: string;
  readonly json: unknown;
  /** SharePoint's error code (`-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException`), when it sent one. */
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/** A usage or authentication problem (exit code 2): the site cannot be reached, the token is refused, or the account lacks the rights the check needs. */
export class AuthError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

interface ODataError {
  code?: unknown;
  message?: { value?: unknown } | unknown;
}

/** `odata.error` (JSON light) or `error` (verbose): code and message. */
export function errorOf(json: unknown): { code?: string; message?: string } {
  if (typeof json !== 'object' || json === null) {
    return {};
  }
  const record = json as Record<string, unknown>;
  const error = (record['odata.error'] ?? record.error) as ODataError | undefined;
  if (typeof error !== 'object' || error === null) {
    return {};
  }
  const message = error.message;
  const text =
    typeof message === 'string'
      ? message
      : typeof message === 'object' && message !== null && typeof (message as { value?: unknown }).value === 'string'
        ? ((message as { value: string }).value)
        : undefined;
  return { code: typeof error.code === 'string' ? error.code : undefined, message: text };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toAnswer(status: number, text: string): Answer {
  const json = parseJson(text);
  const error = status >= 400 ? errorOf(json) : {};
  return { status, ok: status >= 200 && status < 300, text, json, errorCode: error.code, errorMessage: error.message };
}

/** One line about an answer for the report: `400 -2146232832, SPException: the message`. */
export function describe(answer: Answer): string {
  if (answer.ok) {
    return `${answer.status} (accepted)`;
  }
  const detail = [answer.errorCode, answer.errorMessage].filter((part) => part !== undefined && part !== '').join(': ');
  return `${answer.status}${detail ? ` ${detail}` : answer.text ? ` ${answer.text.slice(0, 200)}` : ''}`;
}

/** OData string literal: apostrophes doubled. */
export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export interface BatchRequest {
  readonly method: 'GET' | 'POST';
  /** Below `_api/`, e.g. `web/lists/getbytitle('x')/items`. */
  readonly path: string;
  readonly body?: unknown;
}

export interface BatchPartAnswer extends Answer {
  /** The part's status line as sent, e.g. `HTTP/1.1 404 Not Found`. */
  readonly statusLine: string;
  /** The reason phrase of the status line (`Not Found`). */
  readonly reason: string;
}

const MAX_ATTEMPTS = 6;
/** SharePoint answers a $batch of 100 adds within seconds; a request still open after this is given up. */
const REQUEST_TIMEOUT_MS = 180_000;

export class SharePointClient {
  private digest: { value: string; expires: number } | undefined;

  public constructor(
    /** The site's absolute URL without a trailing slash. */
    public readonly siteUrl: string,
    private readonly token: string,
    private readonly fetchImpl: FetchLike = fetch,
    private readonly log: (line: string) => void = () => undefined
  ) {}

  public apiUrl(path: string): string {
    return `${this.siteUrl}/_api/${path}`;
  }

  private async send(url: string, init: RequestInit): Promise<Answer> {
    for (let attempt = 1; ; attempt += 1) {
      const response = await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const text = await response.text();
      if ((response.status === 429 || response.status === 503) && attempt < MAX_ATTEMPTS) {
        const retryAfter = Number(response.headers.get('retry-after'));
        const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 120) : 2 ** attempt;
        this.log(`  (SharePoint answered ${response.status}; trying again in ${seconds} s)`);
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        continue;
      }
      return toAnswer(response.status, text);
    }
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, accept: NOMETADATA, ...extra };
  }

  /** The form digest writes carry (SharePoint accepts a bearer token alone, the digest does no harm). */
  public async formDigest(): Promise<string> {
    if (this.digest && this.digest.expires > Date.now()) {
      return this.digest.value;
    }
    const answer = await this.send(this.apiUrl('contextinfo'), { method: 'POST', headers: this.headers({}) });
    if (answer.status === 401 || answer.status === 403) {
      throw new AuthError(`SharePoint refused the token for ${this.siteUrl}/_api/contextinfo: ${describe(answer)}`);
    }
    const record = (answer.json ?? {}) as Record<string, unknown>;
    const info = (((record.d as Record<string, unknown> | undefined)?.GetContextWebInformation ?? record) ?? {}) as Record<string, unknown>;
    const value = info.FormDigestValue;
    if (!answer.ok || typeof value !== 'string') {
      throw new Error(`No form digest from ${this.siteUrl}/_api/contextinfo: ${describe(answer)}`);
    }
    const seconds = typeof info.FormDigestTimeoutSeconds === 'number' ? info.FormDigestTimeoutSeconds : 1800;
    this.digest = { value, expires: Date.now() + (seconds - 60) * 1000 };
    return value;
  }

  public get(path: string, accept: string = NOMETADATA): Promise<Answer> {
    return this.send(this.apiUrl(path), { method: 'GET', headers: this.headers({ accept }) });
  }

  /**
   * A write: POST, or MERGE/DELETE sent as POST with `X-HTTP-Method` (and `IF-MATCH: *`).
   * `contentType` decides the body's flavour (JSON light unless told).
   */
  public async write(
    path: string,
    body: unknown,
    options: { method?: 'POST' | 'MERGE' | 'DELETE'; contentType?: string; accept?: string } = {}
  ): Promise<Answer> {
    const method = options.method ?? 'POST';
    const headers = this.headers({
      accept: options.accept ?? NOMETADATA,
      'x-requestdigest': await this.formDigest(),
      ...(body === undefined ? {} : { 'content-type': options.contentType ?? NOMETADATA }),
      ...(method === 'POST' ? {} : { 'x-http-method': method, 'if-match': '*' })
    });
    return this.send(this.apiUrl(path), { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  /**
   * A `$batch`: GETs as top-level parts, each POST in its own changeset (as PnPjs sends them).
   * Answers each part in order; throws when the batch itself is refused.
   */
  public async batch(requests: readonly BatchRequest[]): Promise<BatchPartAnswer[]> {
    const batchId = `batch_${randomUUID()}`;
    const lines: string[] = [];
    for (const request of requests) {
      const url = this.apiUrl(request.path);
      if (request.method === 'GET') {
        lines.push(`--${batchId}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
        lines.push(`GET ${url} HTTP/1.1`, `Accept: ${NOMETADATA}`, '', '');
      } else {
        const changeset = `changeset_${randomUUID()}`;
        lines.push(`--${batchId}`, `Content-Type: multipart/mixed; boundary="${changeset}"`, '');
        lines.push(`--${changeset}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
        lines.push(`POST ${url} HTTP/1.1`, `Accept: ${NOMETADATA}`, `Content-Type: ${NOMETADATA}`, '');
        lines.push(JSON.stringify(request.body ?? {}), `--${changeset}--`, '');
      }
    }
    lines.push(`--${batchId}--`, '');
    const answer = await this.send(this.apiUrl('$batch'), {
      method: 'POST',
      headers: this.headers({
        accept: 'multipart/mixed',
        'content-type': `multipart/mixed; boundary=${batchId}`,
        'x-requestdigest': await this.formDigest()
      }),
      body: lines.join('\r\n')
    });
    if (!answer.ok) {
      throw new Error(`The $batch request was refused: ${describe(answer)}`);
    }
    return parseBatchResponse(answer.text);
  }
}

/** The parts of a `$batch` answer: each `HTTP/1.1 <status> <reason>` with its headers and body. */
export function parseBatchResponse(text: string): BatchPartAnswer[] {
  const parts: BatchPartAnswer[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const statusLine = /^HTTP\/\d\.\d\s+(\d{3})\s*(.*)$/.exec(lines[i].trim());
    if (!statusLine) {
      continue;
    }
    let j = i + 1;
    while (j < lines.length && lines[j].trim() !== '') {
      j += 1;
    }
    const body: string[] = [];
    j += 1;
    while (j < lines.length && !/^--batchresponse_|^--changesetresponse_/i.test(lines[j].trim())) {
      body.push(lines[j]);
      j += 1;
    }
    const answer = toAnswer(Number(statusLine[1]), body.join('\n').trim());
    parts.push({ ...answer, statusLine: lines[i].trim(), reason: statusLine[2].trim() });
    i = j - 1;
  }
  return parts;
}
