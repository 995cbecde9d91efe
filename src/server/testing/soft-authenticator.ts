/**
 * A software passkey authenticator for server tests: makes P-256 credentials with "none"
 * attestation and signs assertions the way a browser and an authenticator would, so the passkey
 * routes can be exercised end to end without a browser. The real ceremony in Chromium with a
 * virtual authenticator is tested by the web e2e suite.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

interface SoftCredential {
  readonly id: string;
  readonly rpId: string;
  readonly userHandle: string;
  readonly privateKey: KeyObject;
  counter: number;
}

function sha256(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new Error(`soft authenticator: options have no ${what}`);
  return value;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** One authenticator holding any number of passkeys, for pages of `origin`. */
export class SoftAuthenticator {
  private readonly credentials: SoftCredential[] = [];

  constructor(readonly origin: string) {}

  /** Answers creation options (PublicKeyCredentialCreationOptionsJSON) with a new passkey. */
  create(options: Record<string, unknown>): Record<string, unknown> {
    const challenge = text(options.challenge, 'challenge');
    const rpId = text(record(options.rp).id, 'rp.id');
    const userHandle = text(record(options.user).id, 'user.id');
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const credentialId = randomBytes(16);
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(Buffer.from(text(jwk.x, 'x'), 'base64url'))],
        [-3, new Uint8Array(Buffer.from(text(jwk.y, 'y'), 'base64url'))],
      ]),
    );
    const length = Buffer.alloc(2);
    length.writeUInt16BE(credentialId.length);
    // User present + user verified + attested credential data; counter starts at 0.
    const authData = Buffer.concat([sha256(rpId), Buffer.from([0x45]), Buffer.alloc(4), Buffer.alloc(16), length, credentialId, cose]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    const id = credentialId.toString('base64url');
    this.credentials.push({ id, rpId, userHandle, privateKey, counter: 0 });
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: this.clientData('webauthn.create', challenge),
        attestationObject: Buffer.from(attestationObject).toString('base64url'),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /**
   * Answers request options (PublicKeyCredentialRequestOptionsJSON) with an assertion from one of
   * its passkeys (the one named, else the first allowed). `counter` overrides the signed counter.
   */
  get(options: Record<string, unknown>, pick: { readonly credentialId?: string; readonly counter?: number } = {}): Record<string, unknown> {
    const challenge = text(options.challenge, 'challenge');
    const rpId = text(options.rpId, 'rpId');
    const allowed = Array.isArray(options.allowCredentials)
      ? options.allowCredentials.map((descriptor) => text(record(descriptor).id, 'allowCredentials id'))
      : null;
    const credential = this.credentials.find(
      (candidate) =>
        candidate.rpId === rpId &&
        (pick.credentialId === undefined || candidate.id === pick.credentialId) &&
        (allowed === null || allowed.includes(candidate.id)),
    );
    if (credential === undefined) throw new Error('soft authenticator: no passkey fits these options');
    credential.counter = pick.counter ?? credential.counter + 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(credential.counter);
    const authenticatorData = Buffer.concat([sha256(rpId), Buffer.from([0x05]), counter]);
    const clientDataJSON = this.clientData('webauthn.get', challenge);
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(Buffer.from(clientDataJSON, 'base64url'))]), credential.privateKey);
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      response: {
        clientDataJSON,
        authenticatorData: authenticatorData.toString('base64url'),
        signature: signature.toString('base64url'),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /** The ids of the passkeys it holds, oldest first. */
  credentialIds(): string[] {
    return this.credentials.map((credential) => credential.id);
  }

  private clientData(type: string, challenge: string): string {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false })).toString('base64url');
  }
}
