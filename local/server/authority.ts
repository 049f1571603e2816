/**
 * The local tenant's stand-in for Entra ID: one RS256 signing key per run, tokens shaped like
 * Entra ID v2 access tokens, and the public key set to check them.
 *   - user tokens for an API (what SPFx's AadHttpClient gets for the page's user): `oid`,
 *     `upn`, `name`, `scp`;
 *   - app tokens (what a managed identity gets): `oid`, `appid`, `roles`, `idtyp: app`.
 * The relay checks user tokens with the same code it runs in Azure (jose, issuer, audience,
 * scope); SharePoint REST accepts app tokens for the relay's identity.
 */
import { randomUUID } from 'crypto';

import { createLocalJWKSet, exportJWK, generateKeyPair, type JSONWebKeySet, jwtVerify, type JWTPayload, type JWTVerifyGetKey, SignJWT } from 'jose';

import type { Person } from '../tenant/directory';
import { RELAY, TENANT_ID } from '../tenant/plantModel';

/** Same shape as Entra ID's v2 issuer. */
export const LOCAL_ISSUER = `https://login.microsoftonline.com/${TENANT_ID}/v2.0`;
/** The relay's app ID URI in the demo tenant (SE_Settings `Relay`, webApiPermissionRequests). */
export const RELAY_RESOURCE = 'api://shopfloor-engage-relay';

const TOKEN_LIFETIME_SECONDS = 60 * 60;

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export class LocalAuthority {
  private readonly verificationKeys: JWTVerifyGetKey;

  private constructor(
    private readonly privateKey: SigningKey,
    private readonly keySet: JSONWebKeySet,
    private readonly kid: string
  ) {
    this.verificationKeys = createLocalJWKSet(keySet);
  }

  /** Tokens live in real time, whatever clock a test pins for the tenant's data. */
  public static async create(): Promise<LocalAuthority> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const kid = randomUUID();
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    return new LocalAuthority(privateKey, { keys: [jwk] }, kid);
  }

  /** The public keys (what `…/discovery/v2.0/keys` publishes). */
  public jwks(): JSONWebKeySet {
    return this.keySet;
  }

  public keys(): JWTVerifyGetKey {
    return this.verificationKeys;
  }

  private sign(claims: JWTPayload, audience: string): Promise<string> {
    const issuedAt = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, tid: TENANT_ID, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
      .sign(this.privateKey);
  }

  /**
   * A delegated token for `person` to call `audience` (scope `user_impersonation`). None for an app
   * identity: Entra ID gives an app only app-only tokens (`roles`, `idtyp: app`, no `scp` or `upn`).
   */
  public userToken(person: Person, audience: string, scope = 'user_impersonation'): Promise<string> {
    if (person.isApp === true) {
      return Promise.reject(new Error(`${person.displayName} is an app identity: it gets app-only tokens (appToken), never a delegated one.`));
    }
    return this.sign({ oid: person.id, upn: person.userPrincipalName, name: person.displayName, scp: scope, idtyp: 'user' }, audience);
  }

  /** An app-only token of the relay's managed identity for `audience`. */
  public appToken(audience: string): Promise<string> {
    return this.sign({ oid: RELAY.id, appid: RELAY.clientId, azp: RELAY.clientId, roles: ['Sites.Selected'], idtyp: 'app' }, audience);
  }

  public expiresOn(): number {
    return Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS;
  }

  /** The token's claims when this authority issued it for `audience`; undefined otherwise. */
  public async verify(token: string, audience: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.keys(), { issuer: LOCAL_ISSUER, audience, algorithms: ['RS256'] });
      return payload;
    } catch {
      return undefined;
    }
  }
}
