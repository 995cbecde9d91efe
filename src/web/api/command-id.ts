/**
 * Ids for commands sent over HTTP (repair, cycle map): made in the browser, so a retried request
 * carries the same id and the server gives the first outcome again instead of acting twice.
 */

/** A fresh command id: 22 URL-safe characters from the browser's random source. */
export function commandIdNew(): string {
  // getRandomValues works on plain-http self-hosted addresses too, where randomUUID does not exist.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
