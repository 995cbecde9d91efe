/**
 * Parser for the Bluetooth Heart Rate Measurement characteristic (0x2A37).
 * Source: Bluetooth SIG, Heart Rate Service 1.0 and GATT Specification Supplement §3.113 (Heart
 * Rate Measurement). Written in-house because the layout is small and every byte must be
 * bounds-checked: a strap's packet is untrusted input, so this never throws and answers `null`
 * for anything that does not hold the fields its flags announce.
 */

/** Whether the strap can tell if it touches the skin, and whether it does. */
export type SensorContact = 'not-supported' | 'not-detected' | 'detected';

/** One decoded 0x2A37 notification. */
export interface HeartRateMeasurement {
  readonly heartRateBpm: number;
  readonly sensorContact: SensorContact;
  readonly energyExpendedKj: number | null;
  /** RR intervals in milliseconds, oldest first (the wire unit is 1/1024 s). */
  readonly rrIntervalsMs: number[];
}

const FLAG_HEART_RATE_UINT16 = 0x01;
const FLAG_ENERGY_EXPENDED = 0x08;
const FLAG_RR_INTERVALS = 0x10;
/** RR intervals travel in units of 1/1024 s. */
const RR_UNITS_PER_SECOND = 1024;

function contactOf(flags: number): SensorContact {
  const bits = (flags >> 1) & 0x03;
  if (bits === 3) return 'detected';
  if (bits === 2) return 'not-detected';
  return 'not-supported';
}

/** Decodes a 0x2A37 packet; `null` when it is too short for the fields its flags announce. */
export function parseHeartRateMeasurement(bytes: Uint8Array): HeartRateMeasurement | null {
  const flags = bytes[0];
  if (flags === undefined) return null;
  let offset = 1;
  const uint16At = (at: number): number | null => {
    const low = bytes[at];
    const high = bytes[at + 1];
    return low === undefined || high === undefined ? null : low | (high << 8);
  };

  let heartRateBpm: number | null;
  if ((flags & FLAG_HEART_RATE_UINT16) !== 0) {
    heartRateBpm = uint16At(offset);
    offset += 2;
  } else {
    heartRateBpm = bytes[offset] ?? null;
    offset += 1;
  }
  if (heartRateBpm === null) return null;

  let energyExpendedKj: number | null = null;
  if ((flags & FLAG_ENERGY_EXPENDED) !== 0) {
    energyExpendedKj = uint16At(offset);
    if (energyExpendedKj === null) return null;
    offset += 2;
  }

  const rrIntervalsMs: number[] = [];
  if ((flags & FLAG_RR_INTERVALS) !== 0) {
    // Whole uint16 values only: a dangling odd byte at the end is ignored.
    for (; offset + 1 < bytes.length; offset += 2) {
      const raw = uint16At(offset);
      if (raw !== null) rrIntervalsMs.push((raw * 1000) / RR_UNITS_PER_SECOND);
    }
  }

  return { heartRateBpm, sensorContact: contactOf(flags), energyExpendedKj, rrIntervalsMs };
}
