import type { Clock } from '../../src/fetch/http.ts';

/** A clock whose sleeps return at once and move its time on, and which remembers each one. */
export function fakeClock(start = Date.UTC(2026, 5, 24, 12)): Clock & { time: number; sleeps: number[] } {
  const clock = {
    time: start,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.time += ms;
    },
  };
  return clock;
}
