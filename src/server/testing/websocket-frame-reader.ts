/**
 * Cuts one direction of a WebSocket's TCP stream into the units a network fault can act on: the
 * HTTP handshake head, then whole frames (RFC 6455 §5.2). The bytes of each unit are kept exactly
 * as they came, so forwarding them reproduces the stream; the payload is unmasked only to be read.
 *
 * Only the chaos proxy uses it. It does not inflate compressed frames: the test clients turn
 * permessage-deflate off, and a compressed frame is reported with `text: null`.
 */

/** One piece of the stream, ready to forward as it is. */
export type StreamUnit =
  /** The HTTP request or response head, up to and including the blank line. */
  | { readonly kind: 'head'; readonly bytes: Buffer; readonly statusCode: number | null }
  | {
      readonly kind: 'frame';
      readonly bytes: Buffer;
      readonly fin: boolean;
      readonly opcode: number;
      /** The text of a whole, uncompressed text frame; null for anything else. */
      readonly text: string | null;
    }
  /** Bytes after a refused upgrade: plain HTTP, passed on untouched. */
  | { readonly kind: 'raw'; readonly bytes: Buffer };

const HEAD_END = Buffer.from('\r\n\r\n');
/** A handshake head larger than this is not a WebSocket handshake worth waiting for. */
const HEAD_MAX_BYTES = 64 * 1024;
const OPCODE_TEXT = 0x1;

/** Reads one direction of a WebSocket connection, from its first byte. */
export class WebSocketStreamReader {
  private pending: Buffer = Buffer.alloc(0);
  private mode: 'head' | 'frames' | 'raw' = 'head';

  /**
   * @param expectsUpgradeResponse true for the server-to-client direction: a head that is not
   * `101 Switching Protocols` means the rest is plain HTTP.
   */
  constructor(private readonly expectsUpgradeResponse: boolean) {}

  /** Adds received bytes; returns every unit now complete, in order. */
  push(chunk: Buffer): StreamUnit[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const units: StreamUnit[] = [];
    for (;;) {
      const unit = this.next();
      if (unit === null) return units;
      units.push(unit);
    }
  }

  private next(): StreamUnit | null {
    if (this.pending.length === 0) return null;
    if (this.mode === 'raw') return { kind: 'raw', bytes: this.take(this.pending.length) };
    if (this.mode === 'head') return this.nextHead();
    return this.nextFrame();
  }

  private nextHead(): StreamUnit | null {
    const end = this.pending.indexOf(HEAD_END);
    if (end < 0) {
      // Not an HTTP head at all (or an absurd one): stop interpreting and pass bytes through.
      if (this.pending.length > HEAD_MAX_BYTES) this.mode = 'raw';
      return this.mode === 'raw' ? this.next() : null;
    }
    const bytes = this.take(end + HEAD_END.length);
    const statusCode = this.expectsUpgradeResponse ? statusCodeOf(bytes) : null;
    this.mode = this.expectsUpgradeResponse && statusCode !== 101 ? 'raw' : 'frames';
    return { kind: 'head', bytes, statusCode };
  }

  private nextFrame(): StreamUnit | null {
    const buffer = this.pending;
    if (buffer.length < 2) return null;
    const first = buffer[0] ?? 0;
    const second = buffer[1] ?? 0;
    const masked = (second & 0x80) !== 0;
    let length = second & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (buffer.length < 4) return null;
      length = buffer.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (buffer.length < 10) return null;
      length = Number(buffer.readBigUInt64BE(2));
      offset = 10;
    }
    const maskAt = offset;
    if (masked) offset += 4;
    const total = offset + length;
    if (buffer.length < total) return null;
    const bytes = this.take(total);
    const fin = (first & 0x80) !== 0;
    const compressed = (first & 0x40) !== 0;
    const opcode = first & 0x0f;
    let text: string | null = null;
    if (fin && !compressed && opcode === OPCODE_TEXT) {
      const payload = Buffer.from(bytes.subarray(offset, total));
      if (masked) {
        for (let index = 0; index < payload.length; index += 1) {
          payload[index] = (payload[index] ?? 0) ^ (bytes[maskAt + (index % 4)] ?? 0);
        }
      }
      text = payload.toString('utf8');
    }
    return { kind: 'frame', bytes, fin, opcode, text };
  }

  private take(count: number): Buffer {
    const taken = this.pending.subarray(0, count);
    this.pending = this.pending.subarray(count);
    return taken;
  }
}

/** The status code of an HTTP response head, or null when it does not look like one. */
function statusCodeOf(head: Buffer): number | null {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(head.subarray(0, 32).toString('latin1'));
  return match?.[1] === undefined ? null : Number(match[1]);
}
