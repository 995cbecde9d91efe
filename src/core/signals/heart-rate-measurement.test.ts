import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseHeartRateMeasurement } from './heart-rate-measurement.ts';

// Expected values are worked by hand from the GATT Specification Supplement's 0x2A37 layout:
// RR in ms = raw × 1000 / 1024.

test('a uint8 heart rate with no other fields', () => {
  assert.deepEqual(parseHeartRateMeasurement(Uint8Array.of(0x00, 72)), {
    heartRateBpm: 72,
    sensorContact: 'not-supported',
    energyExpendedKj: null,
    rrIntervalsMs: [],
  });
});

test('a uint16 little-endian heart rate', () => {
  const parsed = parseHeartRateMeasurement(Uint8Array.of(0x01, 0x2c, 0x01));
  assert.equal(parsed?.heartRateBpm, 300);
});

test('sensor contact: 0 and 1 are not supported, 2 not detected, 3 detected', () => {
  const contact = (bits: number) =>
    parseHeartRateMeasurement(Uint8Array.of(bits << 1, 60))?.sensorContact;
  assert.equal(contact(0), 'not-supported');
  assert.equal(contact(1), 'not-supported');
  assert.equal(contact(2), 'not-detected');
  assert.equal(contact(3), 'detected');
});

test('energy expended is a uint16 in kJ after the heart rate', () => {
  const parsed = parseHeartRateMeasurement(Uint8Array.of(0x08 | 0x06, 80, 0x34, 0x12));
  assert.equal(parsed?.energyExpendedKj, 0x1234);
  assert.equal(parsed.sensorContact, 'detected');
  assert.deepEqual(parsed.rrIntervalsMs, []);
});

test('several RR intervals, oldest first, in 1/1024 s', () => {
  // uint16 HR 0x0048 = 72, energy 10 kJ, RR raw 1024, 800, 0x0400+1 = 1025.
  const parsed = parseHeartRateMeasurement(
    Uint8Array.of(0x01 | 0x08 | 0x10, 0x48, 0x00, 10, 0, 0x00, 0x04, 0x20, 0x03, 0x01, 0x04),
  );
  assert.deepEqual(parsed, {
    heartRateBpm: 72,
    sensorContact: 'not-supported',
    energyExpendedKj: 10,
    rrIntervalsMs: [1000, 781.25, 1000.9765625],
  });
});

test('reserved bits 5–7 are ignored', () => {
  assert.deepEqual(
    parseHeartRateMeasurement(Uint8Array.of(0xe0 | 0x10, 65, 0x00, 0x04)),
    parseHeartRateMeasurement(Uint8Array.of(0x10, 65, 0x00, 0x04)),
  );
});

test('a dangling odd byte after the RR intervals is ignored', () => {
  const parsed = parseHeartRateMeasurement(Uint8Array.of(0x10, 65, 0x00, 0x04, 0x7f));
  assert.deepEqual(parsed?.rrIntervalsMs, [1000]);
  // The RR flag with only one byte left gives no interval rather than a malformed packet.
  assert.deepEqual(parseHeartRateMeasurement(Uint8Array.of(0x10, 65, 0x7f))?.rrIntervalsMs, []);
});

test('malformed packets are null: empty, or too short for the flagged fields', () => {
  assert.equal(parseHeartRateMeasurement(new Uint8Array(0)), null);
  assert.equal(parseHeartRateMeasurement(Uint8Array.of(0x00)), null);
  assert.equal(parseHeartRateMeasurement(Uint8Array.of(0x01, 72)), null);
  assert.equal(parseHeartRateMeasurement(Uint8Array.of(0x08, 72)), null);
  assert.equal(parseHeartRateMeasurement(Uint8Array.of(0x08, 72, 0x01)), null);
  assert.equal(parseHeartRateMeasurement(Uint8Array.of(0x09, 72, 0x00, 0x01)), null);
});

test('never throws, and every RR interval is a whole number of 1/1024 s', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
      const parsed = parseHeartRateMeasurement(bytes);
      if (parsed === null) return;
      for (const rr of parsed.rrIntervalsMs) {
        assert.ok(Number.isInteger((rr * 1024) / 1000) && rr >= 0 && rr < 65536);
      }
      assert.ok(parsed.heartRateBpm >= 0 && parsed.heartRateBpm <= 0xffff);
    }),
  );
});
