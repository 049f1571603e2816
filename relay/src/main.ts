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
 *   SE_PULSE_KEYS        the pulse answers' keys, `<id>=<base64>`, active first (a Key Vault
 *                        reference; optional: without it no pulse answer is collected)
 *   SE_LEARNING_KEYS     the learning lists' sealed columns' keys, as SE_PULSE_KEYS (optional:
 *                        without it no quiz is scored or sealed)
 *   SE_PLANT_TIME_ZONE   the plant's IANA time zone, e.g. Europe/Stockholm: the learning timer's
 *                        days (renewal lead days, expiry); UTC when not set
 */
import * as http from 'http';

import { createRelay, createRelayLearningTimer, createRelayPulseTimer, entraIdTokens, type RelayConfig } from './createRelay';
import { INTERNAL_PROBLEM, type RelayAnswer, TOO_LARGE_PROBLEM } from './router';

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
const config: RelayConfig = {
  siteUrl: required('SE_SITE_URL'),
  identity: { endpoint: required('IDENTITY_ENDPOINT'), secret: required('IDENTITY_HEADER'), clientId: process.env.SE_IDENTITY_CLIENT_ID },
  ...entraIdTokens(tenantId),
  audience: list(required('SE_AUDIENCE')),
  allowedOrigins: list(required('SE_ALLOWED_ORIGINS')),
  pulseKeys: (process.env.SE_PULSE_KEYS ?? '').trim() || undefined,
  learningKeys: (process.env.SE_LEARNING_KEYS ?? '').trim() || undefined,
  plantTimeZone: (process.env.SE_PLANT_TIME_ZONE ?? '').trim() || undefined,
  log: (line) => console.error(line)
};
const handle = createRelay(config);
const pulseTimer = createRelayPulseTimer(config);
const learningTimer = createRelayLearningTimer(config);

/**
 * The timer triggers (relay/pulse-timer/function.json, relay/learning-timer/function.json): the
 * Functions host posts `{Data, Metadata}` to the custom handler at the function's name and takes
 * `{Outputs, Logs, ReturnValue}` back
 * (https://learn.microsoft.com/azure/azure-functions/functions-custom-handlers).
 */
const TIMERS: Readonly<Record<string, { readonly name: string; tick(): Promise<unknown> }>> = {
  '/pulse-timer': { name: 'pulse timer', tick: () => pulseTimer.tick() },
  '/learning-timer': { name: 'learning timer', tick: () => learningTimer.tick() }
};

/** Bodies are read up to this size; no route takes more than 16 KiB anyway. */
const MAX_BODY_BYTES = 64 * 1024;

function send(res: http.ServerResponse, answer: RelayAnswer, headers: Record<string, string> = {}): void {
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers, ...headers });
  res.end(JSON.stringify(answer.body));
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      send(res, TOO_LARGE_PROBLEM, { connection: 'close' });
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    const timer = req.method === 'POST' ? TIMERS[new URL(req.url ?? '/', 'http://relay').pathname] : undefined;
    if (timer) {
      timer
        .tick()
        .then((report) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ Outputs: {}, Logs: [`${timer.name}: ${JSON.stringify(report)}`], ReturnValue: null }));
        })
        .catch((error: unknown) => {
          console.error(error);
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ Outputs: {}, Logs: [`${timer.name}: the run failed`], ReturnValue: null }));
        });
      return;
    }
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
        send(res, INTERNAL_PROBLEM);
      });
  });
});

server.listen(Number(process.env.FUNCTIONS_CUSTOMHANDLER_PORT ?? 8080));
