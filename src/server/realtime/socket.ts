/**
 * The only thing the hub knows about a network connection. The `ws` adapter and the in-memory
 * test pair both implement it, so every realtime rule is tested without a port.
 */
export interface RealtimeSocket {
  /** Whether frames can still be sent. */
  isOpen(): boolean;
  /** Sends one text frame: a string, or text already encoded (shared by many sockets). */
  send(frame: string | EncodedText): void;
  /** Closes with a WebSocket close code and a short reason. */
  close(code: number, reason: string): void;
  /** Bytes queued but not yet written; a slow reader shows up here. */
  bufferedBytes(): number;
}

/**
 * A text frame with its UTF-8 bytes made once. One body-signal batch goes to every viewer in a
 * session; encoding it once rather than per socket is a measurable share of a busy node's work.
 */
export interface EncodedText {
  readonly text: string;
  readonly utf8: Buffer;
}

/** `text` with its bytes. */
export function encodedText(text: string): EncodedText {
  return { text, utf8: Buffer.from(text, 'utf8') };
}
