/**
 * OData multipart `$batch` as SharePoint speaks it: a batch of GET parts and changesets of
 * writes; each inner request answered in order, flattened into one multipart response.
 */
import { randomUUID } from 'crypto';

export interface BatchPart {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface BatchPartResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /boundary="?([^";]+)"?/i.exec(contentType ?? '');
  return match?.[1];
}

function splitParts(body: string, boundary: string): string[] {
  const lines = body.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.trim() === `--${boundary}` || line.trim() === `--${boundary}--`) {
      if (current) {
        parts.push(current.join('\n'));
      }
      current = line.trim().endsWith('--') && line.trim() === `--${boundary}--` ? undefined : [];
      continue;
    }
    current?.push(line);
  }
  return parts;
}

function parseHeaders(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const index = line.indexOf(':');
    if (index > 0) {
      headers[line.slice(0, index).trim().toLowerCase()] = line.slice(index + 1).trim();
    }
  }
  return headers;
}

function parseHttpPart(text: string): BatchPart {
  // MIME headers, blank line, request line, headers, blank line, body
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i].trim() !== '') {
    i += 1;
  }
  i += 1;
  while (i < lines.length && lines[i].trim() === '') {
    i += 1;
  }
  const requestLine = /^(\w+)\s+(\S+)\s+HTTP\/\d\.\d$/i.exec((lines[i] ?? '').trim());
  if (!requestLine) {
    throw new Error(`Invalid batch part request line: "${lines[i] ?? ''}"`);
  }
  i += 1;
  const headerLines: string[] = [];
  while (i < lines.length && lines[i].trim() !== '') {
    headerLines.push(lines[i]);
    i += 1;
  }
  const body = lines.slice(i + 1).join('\n').trim();
  return { method: requestLine[1].toUpperCase(), url: requestLine[2], headers: parseHeaders(headerLines), body };
}

/** Parses a `multipart/mixed` batch request into its inner requests, changesets flattened. */
export function parseBatch(body: string, contentType: string | undefined): BatchPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) {
    throw new Error('The batch request has no multipart boundary.');
  }
  const requests: BatchPart[] = [];
  for (const part of splitParts(body, boundary)) {
    const lines = part.split('\n');
    const headerEnd = lines.findIndex((l) => l.trim() === '');
    const headers = parseHeaders(lines.slice(0, headerEnd < 0 ? lines.length : headerEnd));
    const partType = headers['content-type'] ?? '';
    if (partType.toLowerCase().startsWith('multipart/mixed')) {
      const inner = boundaryOf(partType);
      if (!inner) {
        throw new Error('A changeset has no boundary.');
      }
      for (const change of splitParts(lines.slice(headerEnd + 1).join('\n'), inner)) {
        requests.push(parseHttpPart(change));
      }
    } else if (part.trim() !== '') {
      requests.push(parseHttpPart(part));
    }
  }
  return requests;
}

/** Formats inner responses the way SharePoint does (`--batchresponse_<guid>` parts). */
export function formatBatchResponse(responses: readonly BatchPartResponse[]): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const out: string[] = [];
  for (const response of responses) {
    out.push(`--${boundary}`);
    out.push('Content-Type: application/http');
    out.push('Content-Transfer-Encoding: binary');
    out.push('');
    out.push(`HTTP/1.1 ${response.status} ${response.statusText}`);
    for (const [name, value] of Object.entries(response.headers)) {
      out.push(`${name.toUpperCase()}: ${value}`);
    }
    out.push('');
    out.push(response.body);
  }
  out.push(`--${boundary}--`);
  out.push('');
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: out.join('\r\n') };
}
