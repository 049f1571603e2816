/**
 * The relay's pulse keys and what it does with them, with node's own crypto:
 *
 * - **Envelopes.** A ballot box is encrypted with AES-256-GCM (authenticated encryption): a
 *   fresh 96-bit IV per write, a 128-bit tag, and additional authenticated data that binds the
 *   ciphertext to its round and its box, so a box copied into another round or another box item
 *   does not decrypt. Written as `pe1.<key id>.<iv>.<tag>.<ciphertext>` (base64url), so each
 *   envelope names the key it needs.
 * - **Tokens.** HMAC-SHA-256 of the round and the device's submission key, as `<key id>:<hex>`:
 *   the same submission always makes the same token (a resend is recognised), and nobody without
 *   the key can make one from a submission key, or tell anything from it. **Author tags**, of the
 *   round and a person, mark that person's comments for the relay alone.
 * - **Keys.** `SE_PULSE_KEYS`: one or more `<id>=<32 bytes in base64>`, comma-separated, the
 *   active key first. New envelopes and tokens use the active key; older keys stay to read what
 *   they wrote (rotation: put a new key first, keep the old ones while any round they wrote
 *   matters). From each configured secret two keys are derived with HKDF-SHA-256, one to
 *   encrypt and one for tokens, so the same bytes are never used for both.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'crypto';

const FORMAT = 'pe1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

interface DerivedKey {
  readonly id: string;
  readonly encryption: Buffer;
  readonly tokens: Buffer;
}

export interface PulseKeyring {
  /** The key new envelopes and tokens are made with. */
  readonly activeId: string;
  readonly ids: readonly string[];
  /** Encrypts a box's plain text for `context` (round and box), with the active key. */
  seal(plainText: string, context: string): string;
  /** Decrypts an envelope written for `context` with any configured key; throws when it is not one. */
  open(envelope: string, context: string): string;
  /** The token of a submission key in a round, with the active key or the key `keyId`. */
  token(roundId: number, submissionKey: string, keyId?: string): string;
  /** Whether `token` is the token of this submission key (with the key the token names). */
  isTokenOf(token: string, roundId: number, submissionKey: string): boolean;
  /**
   * The author tag of a person's comments in a round (their Entra ID object id), with the active
   * key: the relay finds a person's own comments by it (replies, deleting one), nobody else can.
   */
  authorTag(roundId: number, objectId: string): string;
  /** The person's author tags under every configured key (comments written before a rotation). */
  authorTags(roundId: number, objectId: string): string[];
}

export class PulseKeyError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'PulseKeyError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

function derive(id: string, secret: Buffer): DerivedKey {
  const salt = Buffer.from('shopfloor-engage/pulse', 'utf8');
  return {
    id,
    encryption: Buffer.from(hkdfSync('sha256', secret, salt, Buffer.from('box-encryption/v1', 'utf8'), 32)),
    tokens: Buffer.from(hkdfSync('sha256', secret, salt, Buffer.from('submission-token/v1', 'utf8'), 32))
  };
}

/**
 * The keyring from the `SE_PULSE_KEYS` setting (`k2=base64,k1=base64`, active first). Throws a
 * PulseKeyError saying what is wrong (never the key).
 */
export function pulseKeyring(setting: string): PulseKeyring {
  const entries = setting
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (entries.length === 0) {
    throw new PulseKeyError('SE_PULSE_KEYS names no key.');
  }
  const keys = new Map<string, DerivedKey>();
  for (const entry of entries) {
    const at = entry.indexOf('=');
    const id = at > 0 ? entry.slice(0, at) : '';
    if (!KEY_ID.test(id)) {
      throw new PulseKeyError('Each SE_PULSE_KEYS entry is <id>=<base64 key>, the id 1–32 letters, digits, - or _.');
    }
    const secret = Buffer.from(entry.slice(at + 1), 'base64');
    if (secret.length !== 32) {
      throw new PulseKeyError(`The pulse key ${id} is not 32 bytes in base64.`);
    }
    if (keys.has(id)) {
      throw new PulseKeyError(`The pulse key id ${id} is given twice.`);
    }
    keys.set(id, derive(id, secret));
  }
  const ids = [...keys.keys()];
  const active = keys.get(ids[0]) as DerivedKey;
  const keyOf = (id: string): DerivedKey => {
    const key = keys.get(id);
    if (!key) {
      throw new PulseKeyError(`No pulse key ${id} is configured.`);
    }
    return key;
  };
  const tokenWith = (key: DerivedKey, roundId: number, submissionKey: string): string =>
    `${key.id}:${createHmac('sha256', key.tokens).update(`round:${roundId}\u0000submission:${submissionKey}`, 'utf8').digest('hex')}`;
  const tagWith = (key: DerivedKey, roundId: number, objectId: string): string =>
    `${key.id}:${createHmac('sha256', key.tokens).update(`round:${roundId}\u0000author:${objectId.toLowerCase()}`, 'utf8').digest('hex')}`;

  return {
    activeId: active.id,
    ids,
    seal(plainText, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', active.encryption, iv, { authTagLength: 16 });
      cipher.setAAD(Buffer.from(`${FORMAT}|${active.id}|${context}`, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return [FORMAT, active.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    open(envelope, context) {
      const parts = envelope.split('.');
      if (parts.length !== 5 || parts[0] !== FORMAT) {
        throw new PulseKeyError('Not a pulse envelope.');
      }
      const [, id, iv, tag, ciphertext] = parts;
      const key = keyOf(id);
      const decipher = createDecipheriv('aes-256-gcm', key.encryption, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
      decipher.setAAD(Buffer.from(`${FORMAT}|${id}|${context}`, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new PulseKeyError('The envelope does not open with its key for this box (changed, or moved from another box).');
      }
    },
    token(roundId, submissionKey, keyId) {
      return tokenWith(keyId === undefined ? active : keyOf(keyId), roundId, submissionKey);
    },
    authorTag(roundId, objectId) {
      return tagWith(active, roundId, objectId);
    },
    authorTags(roundId, objectId) {
      return ids.map((id) => tagWith(keyOf(id), roundId, objectId));
    },
    isTokenOf(token, roundId, submissionKey) {
      const id = token.slice(0, Math.max(0, token.indexOf(':')));
      if (!keys.has(id)) {
        return false;
      }
      const expected = Buffer.from(tokenWith(keyOf(id), roundId, submissionKey), 'utf8');
      const given = Buffer.from(token, 'utf8');
      return expected.length === given.length && timingSafeEqual(expected, given);
    }
  };
}

/** A new random key for `SE_PULSE_KEYS` (`<id>=<base64>`), e.g. for rotation or the local tenant. */
export function newPulseKey(id: string): string {
  return `${id}=${randomBytes(32).toString('base64')}`;
}

/** The additional authenticated data of a box: its round and its place. */
export function boxContext(roundId: number, boxTitle: string): string {
  return `round:${roundId}|box:${boxTitle}`;
}
