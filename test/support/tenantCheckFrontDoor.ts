/**
 * A thin front door to the local tenant for the tenant check (scripts/tenant-check), which a
 * customer runs against a real SharePoint Online site with a bearer token and scratch lists it
 * makes and deletes itself. The local tenant emulates neither (docs/local-tenant.md: "Not
 * emulated: site and list creation through REST"; bearer tokens only for the relay's app
 * identity), so this front door plays those two parts of SharePoint and hands everything else
 * to the local tenant untouched:
 *
 *   - Authorization: `Bearer <the token the test gave>` signs in as the site owner (the
 *     `x-local-user` header the integration tests use); another token gets SharePoint's 401. In
 *     `passBearer` mode the Authorization header goes through as sent (the relay's app token).
 *   - `POST _api/web/lists` and `fields/CreateFieldAsXml` on a list not made yet are recorded;
 *     the list is made, with its columns, through the store's own provisioning
 *     (`createList`, as lists are made from the schema XML) the first time any other request
 *     names it. `DELETE` of a scratch list is recorded and answered (the in-memory tenant is
 *     thrown away after the test).
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import { type ListSchemaField, parseListSchema } from '../../src/core/schema/listSchema';
import type { RunningTenant } from '../../local/server/tenant';
import type { SqliteSharePointStore } from '../../local/sharepoint/sqliteStore';
import type { Person } from '../../local/tenant/directory';

export interface FrontDoor {
  readonly origin: string;
  /** The site URL through the front door. */
  readonly siteUrl: string;
  /** Titles of the lists the client asked to create, in order. */
  readonly created: string[];
  /** Titles of the lists the client deleted. */
  readonly deleted: string[];
  close(): Promise<void>;
}

export interface FrontDoorOptions {
  /** The token the front door accepts as the site owner's. */
  readonly token: string;
  readonly owner: Person;
  /** Send the Authorization header on to the local tenant as it came (a token it accepts itself). */
  readonly passBearer?: boolean;
}

interface PendingList {
  readonly title: string;
  readonly fields: ListSchemaField[];
}

const LIST_BY_TITLE = /\/_api\/web\/lists\/getbytitle\('((?:[^']|'')+)'\)(\/fields\/createfieldasxml)?\/?$/i;

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;odata=verbose;charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function parseField(schemaXml: string): ListSchemaField {
  const [field] = parseListSchema(`<List Title="scratch"><MetaData><Fields>${schemaXml}</Fields></MetaData></List>`).fields;
  if (!field) {
    throw new Error(`No field in ${schemaXml}`);
  }
  return field;
}

export async function startFrontDoor(tenant: RunningTenant, options: FrontDoorOptions): Promise<FrontDoor> {
  const target = new URL(tenant.origin);
  const sitePath = new URL(tenant.siteUrl).pathname;
  const store = tenant.context.sp as SqliteSharePointStore;
  const pending = new Map<string, PendingList>();
  const created: string[] = [];
  const deleted: string[] = [];

  const materialise = (text: string): void => {
    const lower = text.toLowerCase();
    for (const [key, list] of [...pending]) {
      if (lower.includes(key)) {
        store.createList(list.title, `Lists/${list.title}`, 'Shopfloor Engage tenant check', list.fields);
        pending.delete(key);
      }
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks));
      } catch (error) {
        json(res, 500, { error: { code: 'FrontDoor', message: { lang: 'en-US', value: String(error) } } });
      }
    });
  });

  function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://front-door');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const headers: http.OutgoingHttpHeaders = { ...req.headers };
    if (!options.passBearer) {
      if (req.headers.authorization !== `Bearer ${options.token}`) {
        json(res, 401, { error: { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Invalid bearer token.' } } });
        return;
      }
      delete headers.authorization;
      headers['x-local-user'] = options.owner.userPrincipalName;
    }
    const method = (req.headers['x-http-method'] as string | undefined)?.toUpperCase() ?? (req.method ?? 'GET').toUpperCase();

    if (method === 'POST' && path.toLowerCase() === `${sitePath}/_api/web/lists`.toLowerCase()) {
      const title = String((JSON.parse(body.toString('utf8')) as { Title?: unknown }).Title ?? '');
      pending.set(title.toLowerCase(), { title, fields: [] });
      created.push(title);
      json(res, 201, { d: { __metadata: { type: 'SP.List' }, Title: title } });
      return;
    }
    const byTitle = LIST_BY_TITLE.exec(path);
    const title = byTitle?.[1]?.replace(/''/g, "'");
    const waiting = title === undefined ? undefined : pending.get(title.toLowerCase());
    if (byTitle?.[2] && waiting && method === 'POST') {
      const parameters = (JSON.parse(body.toString('utf8')) as { parameters?: { SchemaXml?: string } }).parameters;
      const field = parseField(parameters?.SchemaXml ?? '');
      waiting.fields.push(field);
      json(res, 201, { d: { InternalName: field.name, Indexed: field.indexed, EnforceUniqueValues: field.unique } });
      return;
    }
    if (byTitle && !byTitle[2] && title !== undefined && method === 'DELETE' && created.some((t) => t.toLowerCase() === title.toLowerCase())) {
      pending.delete(title.toLowerCase());
      deleted.push(title);
      res.writeHead(200, { 'content-length': '0' });
      res.end();
      return;
    }

    try {
      materialise(`${path}\n${body.toString('utf8')}`);
    } catch (error) {
      json(res, 500, { error: { code: 'FrontDoor', message: { lang: 'en-US', value: `Making a scratch list failed: ${String(error)}` } } });
      return;
    }
    const forward = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    forward.on('error', (error) => json(res, 502, { error: { code: 'FrontDoor', message: error.message } }));
    forward.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    siteUrl: `${origin}${sitePath}`,
    created,
    deleted,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
  };
}
