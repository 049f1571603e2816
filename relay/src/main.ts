/**
 * The relay as it runs in Azure Functions: a custom handler (see relay/host.json) whose HTTP
 * requests the Functions host forwards unchanged to this Node server. Configuration comes from
 * the Function App's settings (docs/relay.md):
 *
 *   SE_SITE_URL          https://contoso.sharepoint.com/sites/engage
 *   SE_TENANT_ID         the Entra ID tenant id (issuer and signing keys of the callers' tokens)
 *   SE_AUDIENCE          the relay app's client id and/or app ID URI, comma-separated
 *   SE_ALLOWED_ORIGINS   https://contoso.sharepoint.com (comma-separated)
 *   IDENTITY_ENDPOINT, IDENTITY_HEADER   set by the host when the managed identity is on
 *   SE_IDENTITY_CLIENT_ID                a user-assigned identity's client id (optional)
 */
import * as http from 'http';

import { createRemoteJWKSet } from 'jose';

import { managedIdentityTokens } from './appIdentity';
import { createCallerVerifier } from './auth';
import { createRelayHandler } from './handler';
import { appOnlySharePoint } from './sharepoint';

function required(name: string): string {
  const value = (process.env[name] ?? '').trim();
  if (!value) {
    throw new Error(`The relay needs the app setting ${name} (see docs/relay.md).`);
  }
  return value;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

const tenantId = required('SE_TENANT_ID');
const sharePoint = appOnlySharePoint(
  required('SE_SITE_URL'),
  managedIdentityTokens({ endpoint: required('IDENTITY_ENDPOINT'), secret: required('IDENTITY_HEADER'), clientId: process.env.SE_IDENTITY_CLIENT_ID })
);
const handle = createRelayHandler({
  verifyCaller: createCallerVerifier({
    issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
    audience: list(required('SE_AUDIENCE')),
    keys: createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`))
  }),
  sharePoint: () => sharePoint,
  allowedOrigins: list(required('SE_ALLOWED_ORIGINS')),
  log: (line) => console.error(line)
});

/** Bodies are read up to this size; the handler refuses anything over 16 KiB anyway. */
const MAX_BODY_BYTES = 64 * 1024;

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify({ error: { code: 'tooLarge', message: 'The request is too large.' } }));
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value ?? '';
    }
    handle({
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://relay').pathname,
      headers,
      body: Buffer.concat(chunks).toString('utf8')
    })
      .then((response) => {
        res.writeHead(response.status, response.headers);
        res.end(response.body);
      })
      .catch((error: unknown) => {
        console.error(error);
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'internal', message: 'The relay failed on this request.' } }));
      });
  });
});

server.listen(Number(process.env.FUNCTIONS_CUSTOMHANDLER_PORT ?? 8080));
