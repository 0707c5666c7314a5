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
