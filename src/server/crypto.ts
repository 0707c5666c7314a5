import crypto from 'node:crypto';

/** A random, URL-safe token with 256 bits of entropy (sessions, invitations, resets). */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** Random UUID v4 for row ids: never sequential (docs/architecture.md, Data). */
export function newId(): string {
  return crypto.randomUUID();
}

/** Hex SHA-256: what we store in place of a bearer token. */
export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Keys derived from the instance secret with HKDF, one per purpose, so that a leak of one use
 * (say a signing key in a log) does not expose the others.
 */
export class KeyRing {
  readonly encryptionKey: Buffer;
  readonly signingKey: Buffer;
  /** Stored with every ciphertext so a future key rotation knows which key to use. */
  readonly keyId: string;

  constructor(secret: Buffer) {
    this.encryptionKey = Buffer.from(crypto.hkdfSync('sha256', secret, 'teduh', 'encryption:v1', 32));
    this.signingKey = Buffer.from(crypto.hkdfSync('sha256', secret, 'teduh', 'signing:v1', 32));
    this.keyId = crypto.createHash('sha256').update(this.encryptionKey).digest('hex').slice(0, 8);
  }

  /** AES-256-GCM; output `keyId.iv.tag.ciphertext`, base64url parts. */
  encrypt(plaintext: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      this.keyId,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  }

  decrypt(sealed: string): string {
    const [keyId, iv, tag, body] = sealed.split('.');
    if (keyId !== this.keyId || !iv || !tag || body === undefined) throw new Error('ciphertext from an unknown key');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** HMAC-SHA256 signature, base64url. */
  sign(value: string): string {
    return crypto.createHmac('sha256', this.signingKey).update(value).digest('base64url');
  }

  verify(value: string, signature: string): boolean {
    return safeEqual(this.sign(value), signature);
  }
}

/**
 * The key that wraps each agency's session-note data key (docs/decisions/041-session-notes.md):
 * derived from the instance secret with its own HKDF info, so it is never stored and a leak of
 * another derived key exposes nothing of the notes. `id` names it next to every wrapped key.
 */
export class WrappingKey {
  readonly key: Buffer;
  readonly id: string;

  constructor(secret: Buffer, info = 'note-wrapping:v1') {
    this.key = Buffer.from(crypto.hkdfSync('sha256', secret, 'teduh', info, 32));
    this.id = crypto.createHash('sha256').update(this.key).digest('hex').slice(0, 8);
  }

  /** Seals a data key; the data key's own id is the associated data, so a wrapped key cannot be swapped. */
  wrap(dataKey: Buffer, dataKeyId: string): string {
    return sealWith(this.key, this.id, dataKey, dataKeyId);
  }

  unwrap(wrapped: string, dataKeyId: string): Buffer {
    return openWith(this.key, this.id, wrapped, dataKeyId);
  }
}

/**
 * AES-256-GCM with associated data: `keyId.iv.tag.ciphertext` (base64url parts). The associated
 * data is authenticated but not stored: opening with any other `aad` fails.
 */
export function sealWith(key: Buffer, keyId: string, plaintext: Buffer | string, aad: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  return [keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(
    '.',
  );
}

/** Opens what `sealWith` sealed with the same key and associated data; throws otherwise. */
export function openWith(key: Buffer, keyId: string, sealed: string, aad: string): Buffer {
  const [id, iv, tag, body] = sealed.split('.');
  if (id !== keyId || !iv || !tag || body === undefined) throw new Error('ciphertext from another key');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}

/** The key id a sealed value names (its first part). */
export function keyIdOf(sealed: string): string {
  return sealed.slice(0, sealed.indexOf('.'));
}

/** A fresh random 256-bit data key. */
export function randomKey(): Buffer {
  return crypto.randomBytes(32);
}
