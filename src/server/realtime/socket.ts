/**
 * The only thing the hub knows about a network connection. The `ws` adapter and the in-memory
 * test pair both implement it, so every realtime rule is tested without a port.
 */
export interface RealtimeSocket {
  /** Whether frames can still be sent. */
  isOpen(): boolean;
  /** Sends one text frame. */
  send(text: string): void;
  /** Closes with a WebSocket close code and a short reason. */
  close(code: number, reason: string): void;
  /** Bytes queued but not yet written; a slow reader shows up here. */
  bufferedBytes(): number;
}
