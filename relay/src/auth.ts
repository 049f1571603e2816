/**
 * Who is calling the relay: the bearer token AadHttpClient sends from the page, checked with
 * `jose` against the tenant's signing keys (Entra ID's JWKS in production, the local tenant's
 * keys in `npm start` and the tests). Only a token issued by the configured issuer, for this
 * relay's audience, to a person (not an app: `idtyp` is not `app`), carrying the delegated scope,
 * is accepted.
 */
import { errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';

/** The delegated scope the page's SPFx package asks for (webApiPermissionRequests). */
export const RELAY_SCOPE = 'user_impersonation';

export interface Caller {
  /** Entra ID object id (`oid`). */
  readonly objectId: string;
  /**
   * `upn` (an optional claim of the relay's app registration; for guests with
   * `include_externally_authenticated_upn`, their UPN in this tenant): the SharePoint claims
   * login is built from it. `preferred_username` is never used: it can change and, for guests,
   * names their home account.
   */
  readonly userPrincipalName: string;
  readonly displayName: string;
}

export interface VerifierOptions {
  /** e.g. `https://login.microsoftonline.com/{tenant-id}/v2.0` */
  readonly issuer: string;
  /** The relay's app ID URI or client id, as the token's `aud`. */
  readonly audience: string | readonly string[];
  readonly keys: JWTVerifyGetKey;
}

export class CallerError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'CallerError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export type CallerVerifier = (authorization: string | undefined) => Promise<Caller>;

export function createCallerVerifier(options: VerifierOptions): CallerVerifier {
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) {
      throw new CallerError('A bearer token is required.');
    }
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(match[1], options.keys, {
        issuer: options.issuer,
        audience: [...(typeof options.audience === 'string' ? [options.audience] : options.audience)],
        algorithms: ['RS256'],
        clockTolerance: 60
      }));
    } catch (error) {
      const reason = error instanceof joseErrors.JOSEError ? error.code : 'ERR_INVALID';
      throw new CallerError(`The token was refused (${reason}).`);
    }
    // An app-only token (client credentials: `roles`, `idtyp: app`, no `scp`) names no person, and
    // every route here acts for one. Entra ID never puts a scope in one; refused here all the same.
    if (payload.idtyp === 'app') {
      throw new CallerError('The token is an app\'s (idtyp app): the relay acts for signed-in people only.');
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(RELAY_SCOPE)) {
      throw new CallerError(`The token does not carry the ${RELAY_SCOPE} scope.`);
    }
    const objectId = typeof payload.oid === 'string' ? payload.oid : '';
    const upn = typeof payload.upn === 'string' ? payload.upn : '';
    if (!objectId || !upn) {
      throw new CallerError('The token names no user (add the upn optional claim to the relay app).');
    }
    return { objectId, userPrincipalName: upn, displayName: typeof payload.name === 'string' ? payload.name : upn };
  };
}
