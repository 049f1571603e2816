/**
 * The relay's check of its callers' bearer tokens (relay/src/auth.ts), with the local tenant's
 * authority for well-formed tokens and hand-made tokens (jose) for the bad ones. Over HTTP in
 * test/integration/relayModeration.test.ts.
 */
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

import { LOCAL_ISSUER, LocalAuthority, RELAY_RESOURCE } from '../../local/server/authority';
import type { Person } from '../../local/tenant/directory';
import { relayAccount } from '../../local/tenant/people';
import { CallerError, type CallerVerifier, createCallerVerifier } from '../../relay/src/auth';

const PERSON: Person = {
  id: '3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8',
  spUserId: 14,
  loginName: 'i:0#.f|membership|jonas.odegaard@contoso-plant.example',
  userPrincipalName: 'jonas.odegaard@contoso-plant.example',
  mail: 'jonas.odegaard@contoso-plant.example',
  displayName: 'Jonas Ødegaard',
  givenName: 'Jonas',
  surname: 'Ødegaard',
  jobTitle: 'Lagledare',
  department: 'Weld cell 2',
  officeLocation: 'Göteborg',
  employeeType: 'Employee',
  preferredLanguage: 'sv-SE',
  employeeHireDate: '2014-03-01',
  role: 'teamLeader',
  siteCode: 'GOT',
  isSiteOwner: false,
  isHr: false
};

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A token signed with `key`: every claim right unless `claims`/`options` say otherwise. */
async function handMade(
  key: KeyPair['privateKey'],
  claims: JWTPayload = {},
  options: { issuer?: string; audience?: string; expiresAt?: number; notBefore?: number; kid?: string } = {}
): Promise<string> {
  const issuedAt = nowSeconds() - 120;
  return new SignJWT({ oid: PERSON.id, upn: PERSON.userPrincipalName, name: PERSON.displayName, scp: 'user_impersonation', ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? 'hand-made' })
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setAudience(options.audience ?? RELAY_RESOURCE)
    .setIssuedAt(issuedAt)
    .setNotBefore(options.notBefore ?? issuedAt)
    .setExpirationTime(options.expiresAt ?? nowSeconds() + 3600)
    .sign(key);
}

async function refusal(verify: CallerVerifier, authorization: string | undefined): Promise<CallerError> {
  try {
    await verify(authorization);
  } catch (error) {
    expect(error).toBeInstanceOf(CallerError);
    return error as CallerError;
  }
  throw new Error('Expected the token to be refused.');
}

describe('createCallerVerifier', () => {
  let authority: LocalAuthority;
  let verify: CallerVerifier;
  /** A key this test trusts, for tokens the local authority would not make. */
  let ownKeys: KeyPair;
  let verifyOwn: CallerVerifier;
  /** A key nobody trusts. */
  let strangerKeys: KeyPair;

  beforeAll(async () => {
    authority = await LocalAuthority.create();
    verify = createCallerVerifier({ issuer: LOCAL_ISSUER, audience: RELAY_RESOURCE, keys: authority.keys() });
    ownKeys = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(ownKeys.publicKey)), kid: 'hand-made', alg: 'RS256', use: 'sig' };
    verifyOwn = createCallerVerifier({ issuer: LOCAL_ISSUER, audience: RELAY_RESOURCE, keys: createLocalJWKSet({ keys: [jwk] }) });
    strangerKeys = await generateKeyPair('RS256');
  });

  it('names the caller of a valid delegated token', async () => {
    const token = await authority.userToken(PERSON, RELAY_RESOURCE);
    await expect(verify(`Bearer ${token}`)).resolves.toEqual({
      objectId: PERSON.id,
      userPrincipalName: PERSON.userPrincipalName,
      displayName: PERSON.displayName
    });
  });

  it('accepts one of several audiences, and a lower-case scheme', async () => {
    const either = createCallerVerifier({ issuer: LOCAL_ISSUER, audience: ['7d3e9f10-4c2b-4e8a-9b1d-2c3f4a5b6e7f', RELAY_RESOURCE], keys: authority.keys() });
    const token = await authority.userToken(PERSON, RELAY_RESOURCE);
    await expect(either(`bearer ${token}`)).resolves.toMatchObject({ objectId: PERSON.id });
  });

  it('accepts a hand-made token with every claim right (so the refusals below are for their one fault)', async () => {
    await expect(verifyOwn(`Bearer ${await handMade(ownKeys.privateKey)}`)).resolves.toEqual({
      objectId: PERSON.id,
      userPrincipalName: PERSON.userPrincipalName,
      displayName: PERSON.displayName
    });
  });

  it.each<[string, string | undefined]>([
    ['no header', undefined],
    ['an empty header', ''],
    ['another scheme', 'Basic am9uYXM6c2VjcmV0'],
    ['a bare token', 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln'],
    ['Bearer without a token', 'Bearer '],
    ['two tokens', 'Bearer aaa bbb']
  ])('refuses %s', async (_label, authorization) => {
    const error = await refusal(verify, authorization);
    expect(error.message).toBe('A bearer token is required.');
  });

  it('refuses a token that is not a JWT', async () => {
    await refusal(verify, 'Bearer not-a-token');
  });

  it('refuses a token for another audience', async () => {
    const token = await authority.userToken(PERSON, 'https://graph.microsoft.com');
    const error = await refusal(verify, `Bearer ${token}`);
    expect(error.message).toContain('ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('refuses a token from another issuer', async () => {
    const token = await handMade(ownKeys.privateKey, {}, { issuer: 'https://login.microsoftonline.com/another-tenant/v2.0' });
    const error = await refusal(verifyOwn, `Bearer ${token}`);
    expect(error.message).toContain('ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('refuses a token that expired more than a minute ago', async () => {
    const token = await handMade(ownKeys.privateKey, {}, { notBefore: nowSeconds() - 7200, expiresAt: nowSeconds() - 90 });
    const error = await refusal(verifyOwn, `Bearer ${token}`);
    expect(error.message).toContain('ERR_JWT_EXPIRED');
  });

  it('allows for a minute of clock skew on expiry', async () => {
    const token = await handMade(ownKeys.privateKey, {}, { notBefore: nowSeconds() - 7200, expiresAt: nowSeconds() - 20 });
    await expect(verifyOwn(`Bearer ${token}`)).resolves.toMatchObject({ objectId: PERSON.id });
  });

  it('refuses a token not valid before a time well in the future', async () => {
    const token = await handMade(ownKeys.privateKey, {}, { notBefore: nowSeconds() + 600 });
    await refusal(verifyOwn, `Bearer ${token}`);
  });

  it('refuses a token signed by another key, even under a trusted key id', async () => {
    const unknownKid = await handMade(strangerKeys.privateKey, {}, { kid: 'stranger' });
    await refusal(verifyOwn, `Bearer ${unknownKid}`);
    const trustedKid = await handMade(strangerKeys.privateKey, {}, { kid: 'hand-made' });
    const error = await refusal(verifyOwn, `Bearer ${trustedKid}`);
    expect(error.message).toContain('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    const asTheTenant = await handMade(strangerKeys.privateKey, {}, { kid: authority.jwks().keys[0].kid });
    expect((await refusal(verify, `Bearer ${asTheTenant}`)).message).toContain('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('refuses a token whose signature was tampered with', async () => {
    const token = await authority.userToken(PERSON, RELAY_RESOURCE);
    const [header, payload] = token.split('.');
    const other = await authority.userToken({ ...PERSON, id: 'someone-else' }, RELAY_RESOURCE);
    await refusal(verify, `Bearer ${header}.${payload}.${other.split('.')[2]}`);
  });

  it('refuses an unsigned token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ iss: LOCAL_ISSUER, aud: RELAY_RESOURCE, exp: nowSeconds() + 600, oid: PERSON.id, upn: PERSON.userPrincipalName, scp: 'user_impersonation' })
    ).toString('base64url');
    await refusal(verify, `Bearer ${header}.${payload}.`);
  });

  it('refuses an app-only token: by its idtyp, and without it (an optional claim) by its missing scope', async () => {
    const token = await authority.appToken(RELAY_RESOURCE);
    expect((await refusal(verify, `Bearer ${token}`)).message).toMatch(/^The token is an app's/);
    const withoutIdtyp = await handMade(ownKeys.privateKey, { scp: undefined, upn: undefined, name: undefined, roles: ['Sites.Selected'] });
    expect((await refusal(verifyOwn, `Bearer ${withoutIdtyp}`)).message).toContain('user_impersonation');
  });

  it('refuses a token Entra ID issues to an app (idtyp app), even one that also carried a scope and a user', async () => {
    const appShaped = await handMade(ownKeys.privateKey, { idtyp: 'app', roles: ['Sites.Selected'] });
    expect((await refusal(verifyOwn, `Bearer ${appShaped}`)).message).toMatch(/^The token is an app's/);
    const appOnly = await handMade(ownKeys.privateKey, { idtyp: 'app', scp: undefined, upn: undefined, name: undefined, roles: ['Sites.Selected'] });
    expect((await refusal(verifyOwn, `Bearer ${appOnly}`)).message).toMatch(/^The token is an app's/);
    // A user's token says `idtyp: user` when the optional claim is on, and nothing when it is off.
    await expect(verifyOwn(`Bearer ${await handMade(ownKeys.privateKey, { idtyp: 'user' })}`)).resolves.toMatchObject({ objectId: PERSON.id });
  });

  it('gets no delegated token from the local authority for an app identity, as Entra ID issues none', async () => {
    await expect(authority.userToken(relayAccount(), RELAY_RESOURCE)).rejects.toThrow(/app identity/);
    const appOnly = await authority.appToken(RELAY_RESOURCE);
    const claims = JSON.parse(Buffer.from(appOnly.split('.')[1], 'base64url').toString('utf8')) as JWTPayload;
    expect([claims.idtyp, claims.scp, claims.upn, claims.roles]).toEqual(['app', undefined, undefined, ['Sites.Selected']]);
  });

  it('refuses a delegated token without the user_impersonation scope', async () => {
    const token = await authority.userToken(PERSON, RELAY_RESOURCE, 'Reports.Read user_impersonationX');
    const error = await refusal(verify, `Bearer ${token}`);
    expect(error.message).toContain('user_impersonation');
  });

  it('accepts the scope among others', async () => {
    const token = await authority.userToken(PERSON, RELAY_RESOURCE, 'Reports.Read user_impersonation');
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({ objectId: PERSON.id });
  });

  it('never takes preferred_username for the user (it can change, and names a guest\'s home account)', async () => {
    const token = await handMade(ownKeys.privateKey, { upn: undefined, preferred_username: 'sean.obrien@agency.example', name: undefined });
    expect((await refusal(verifyOwn, `Bearer ${token}`)).message).toMatch(/^The token names no user/);
  });

  it('takes the display name from the upn when the token has no name', async () => {
    const token = await handMade(ownKeys.privateKey, { name: undefined });
    await expect(verifyOwn(`Bearer ${token}`)).resolves.toMatchObject({ objectId: PERSON.id, displayName: PERSON.userPrincipalName });
  });

  it('refuses a token that names no user', async () => {
    const noOid = await handMade(ownKeys.privateKey, { oid: undefined });
    expect((await refusal(verifyOwn, `Bearer ${noOid}`)).message).toMatch(/^The token names no user/);
    const noName = await handMade(ownKeys.privateKey, { upn: undefined });
    expect((await refusal(verifyOwn, `Bearer ${noName}`)).message).toMatch(/^The token names no user/);
  });
});
