import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SIGNAL_SOURCES } from '../../core/protocol/signals.ts';
import type { SensorReading } from './sensor.ts';
import {
  readingWords,
  SENSOR_ACTIONS,
  SENSOR_CHOICES,
  sensorIsOn,
  sharingWords,
  statusAnnouncement,
  statusWords,
} from './sensor-words.ts';

const reading = (overrides: Partial<SensorReading>): SensorReading => ({
  atLocalMs: 0,
  source: 'strap',
  heartRateBpm: null,
  rrMs: [],
  breathingRateBpm: null,
  breathPhase: null,
  ...overrides,
});

test('a number always says where it came from', () => {
  assert.equal(readingWords(reading({ heartRateBpm: 72.4 })), '72 bpm · heart-rate strap');
  assert.equal(readingWords(reading({ source: 'camera', heartRateBpm: 74.6 })), '75 bpm · camera estimate');
  assert.equal(readingWords(reading({ source: 'motion', breathingRateBpm: 11.6 })), '12 breaths a minute · phone on your body');
  assert.equal(readingWords(reading({ source: 'simulated', heartRateBpm: 68, breathingRateBpm: 12 })), '68 bpm · 12 breaths a minute · simulated');
  assert.equal(readingWords(reading({})), null);
});

test('each sensor has a title, a reason, and buttons with names of their own', () => {
  const names = SIGNAL_SOURCES.flatMap((source) => [SENSOR_ACTIONS[source].start, SENSOR_ACTIONS[source].stop]);
  assert.equal(new Set(names).size, names.length);
  assert.equal(SENSOR_CHOICES.simulated.title, 'A simulated pair (for trying Attune out)');
  assert.match(SENSOR_CHOICES.camera.about, /never leaves this device/);
  assert.match(SENSOR_CHOICES.camera.about, /Heart rate only/);
});

test('status in words; messages are passed through as they are', () => {
  assert.equal(statusWords('camera', { kind: 'off' }), 'Off');
  assert.equal(statusWords('strap', { kind: 'streaming' }), 'Connected');
  assert.equal(statusWords('motion', { kind: 'waiting', message: 'Rest still.' }), 'Rest still.');
  assert.equal(sensorIsOn({ kind: 'reconnecting', message: '' }), true);
  assert.equal(sensorIsOn({ kind: 'failed', message: '' }), false);
  assert.equal(sensorIsOn({ kind: 'unavailable', message: '' }), false);
});

test('screen readers hear about connecting, dropping out and problems, not every flicker', () => {
  assert.equal(statusAnnouncement('strap', { kind: 'starting' }, { kind: 'streaming' }), 'Heart-rate strap (Bluetooth): Connected.');
  assert.equal(statusAnnouncement('strap', { kind: 'streaming' }, { kind: 'reconnecting', message: 'Dropped out.' }), 'Heart-rate strap (Bluetooth): Dropped out.');
  assert.equal(statusAnnouncement('camera', { kind: 'waiting', message: 'a' }, { kind: 'streaming' }), null);
  assert.equal(statusAnnouncement('camera', { kind: 'streaming' }, { kind: 'waiting', message: 'a' }), null);
  assert.equal(statusAnnouncement('camera', { kind: 'streaming' }, { kind: 'streaming' }), null);
});

test('what happens with the readings follows the boundaries', () => {
  assert.equal(sharingWords(false), 'Your boundaries keep your body signals on this device; only you see them.');
  assert.match(sharingWords(true), /people in this session see your readings live/);
  assert.match(sharingWords(true), /deleted with the session/);
});
