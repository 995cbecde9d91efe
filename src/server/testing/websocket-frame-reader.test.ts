import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { WebSocketStreamReader, type StreamUnit } from './websocket-frame-reader.ts';

/** A text frame as RFC 6455 lays it out, masked (client to server) or not. */
function textFrame(text: string, mask: readonly [number, number, number, number] | null): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const length = payload.length;
  const header: number[] = [0x81];
  const maskBit = mask === null ? 0 : 0x80;
  if (length < 126) header.push(maskBit | length);
  else if (length < 65_536) header.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    const bytes = Buffer.alloc(8);
    bytes.writeBigUInt64BE(BigInt(length));
    header.push(maskBit | 127, ...bytes);
  }
  if (mask === null) return Buffer.concat([Buffer.from(header), payload]);
  const masked = Buffer.from(payload.map((byte, index) => byte ^ mask[index % 4]!));
  return Buffer.concat([Buffer.from(header), Buffer.from(mask), masked]);
}

const REQUEST_HEAD = 'GET /live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n';
const SWITCHING_HEAD = 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n';

function texts(units: readonly StreamUnit[]): (string | null)[] {
  return units.map((unit) => (unit.kind === 'frame' ? unit.text : unit.kind));
}

test('reads the head, then frames of every length form, however the bytes are split', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.string({ minLength: 126, maxLength: 300 }), fc.constant('é'.repeat(40_000))), { minLength: 1, maxLength: 5 }),
      fc.option(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)), { nil: null }),
      fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 8 }),
      (messages, mask, cuts) => {
        const stream = Buffer.concat([Buffer.from(REQUEST_HEAD), ...messages.map((message) => textFrame(message, mask))]);
        const reader = new WebSocketStreamReader(false);
        const units: StreamUnit[] = [];
        let at = 0;
        for (let index = 0; at < stream.length; index += 1) {
          const size = cuts[index % cuts.length]!;
          units.push(...reader.push(stream.subarray(at, at + size)));
          at += size;
        }
        assert.deepEqual(texts(units), ['head', ...messages]);
        assert.deepEqual(Buffer.concat(units.map((unit) => unit.bytes)), stream, 'the bytes pass through unchanged');
      },
    ),
    { numRuns: 100 },
  );
});

test('after a refused upgrade the rest is plain HTTP, passed on as it is', () => {
  const reader = new WebSocketStreamReader(true);
  const units = reader.push(Buffer.from('HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\n{}'));
  assert.equal(units[0]?.kind === 'head' ? units[0].statusCode : -1, 404);
  assert.deepEqual(units.slice(1).map((unit) => [unit.kind, unit.bytes.toString()]), [['raw', '{}']]);
});

test('after 101 the server side is read as frames', () => {
  const reader = new WebSocketStreamReader(true);
  const units = reader.push(Buffer.concat([Buffer.from(SWITCHING_HEAD), textFrame('{"type":"ack"}', null)]));
  assert.deepEqual(texts(units), ['head', '{"type":"ack"}']);
  assert.equal(units[0]?.kind === 'head' ? units[0].statusCode : -1, 101);
});

test('a compressed or binary frame is passed on but not read', () => {
  const reader = new WebSocketStreamReader(false);
  reader.push(Buffer.from(REQUEST_HEAD));
  const compressed = textFrame('abc', null);
  compressed[0] = 0xc1;
  const binary = Buffer.from([0x82, 0x01, 0x00]);
  const units = reader.push(Buffer.concat([compressed, binary]));
  assert.deepEqual(texts(units), [null, null]);
  assert.deepEqual(units.map((unit) => unit.bytes.length), [compressed.length, 3]);
});
