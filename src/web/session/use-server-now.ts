/** Re-renders every `intervalMs` with the server time now, for timers and countdowns. */
import { useEffect, useState } from 'preact/hooks';
import type { ServerTimeMs } from '../../core/time/instant.ts';
import type { ServerClock } from '../net/server-clock.ts';

/** Server time, refreshed on an interval while the component is shown. */
export function useServerNow(clock: ServerClock, intervalMs = 250): ServerTimeMs {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(clock.now());
    }, intervalMs);
    return () => {
      window.clearInterval(timer);
    };
  }, [clock, intervalMs]);
  return now;
}

/** "2:05" for 125 000 ms; never negative. */
export function clockWords(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
