/**
 * The load bench's settings: flags (`--participants=2000`) win over environment variables
 * (`LOAD_PARTICIPANTS=2000`), which win over the defaults. The defaults are the target:
 * 10,000 people on one node, at realistic rates.
 */
import type { MixOptions } from './worker-protocol.ts';

/** What to measure, in order. */
export type TargetName = 'echo' | 'one-node' | 'two-nodes';

/** Every setting of one run. */
export interface LoadOptions {
  readonly participants: number;
  /**
   * People on the two-node target: fewer by default, because every join there is a Postgres
   * transaction and connecting 10,000 alone takes minutes on this machine.
   */
  readonly twoNodesParticipants: number;
  readonly targets: readonly TargetName[];
  readonly steadySeconds: number;
  readonly saturateSeconds: number;
  /** Generator processes; sessions are split between them, each session whole in one. */
  readonly workers: number;
  readonly mix: MixOptions;
  /** Session sizes are drawn from this range (people per session). */
  readonly sessionSize: readonly [number, number];
  /** Writes a V8 CPU profile of every Attune node into this directory. */
  readonly cpuProfileDir: string | null;
  /** Sockets each worker opens at once while connecting. */
  readonly connectConcurrency: number;
}

const HELP = `bench/live-load.bench.ts: live sessions under load, beside a bare ws echo server.
  --participants=N        people connected at once (LOAD_PARTICIPANTS, default 10000)
  --two-nodes-participants=N  people on the two-node target (LOAD_TWO_NODES_PARTICIPANTS, default 2000)
  --targets=a,b           echo, one-node, two-nodes (LOAD_TARGETS, default all three)
  --steady-seconds=S      realistic-rate phase (LOAD_STEADY_SECONDS, default 15)
  --saturate-seconds=S    as-fast-as-delivered phase (LOAD_SATURATE_SECONDS, default 8)
  --workers=N             generator processes (LOAD_WORKERS, default 2)
  --signal-hz=LOW-HIGH    samples per second per person (LOAD_SIGNAL_HZ, default 1-4)
  --batches-per-second=B  signal batches per person per second (LOAD_BATCHES_PER_SECOND, default 1)
  --command-every=LOW-HIGH seconds between one person's commands (LOAD_COMMAND_EVERY, default 10-30)
  --session-size=LOW-HIGH people per session (LOAD_SESSION_SIZE, default 2-4)
  --max-rate=R            saturation: most batches per socket per second (LOAD_MAX_RATE, default 15; the server allows 20)
  --cpu-prof=DIR          write each Attune node's CPU profile to DIR (LOAD_CPU_PROF)`;

function setting(flags: ReadonlyMap<string, string>, name: string): string | undefined {
  return flags.get(name) ?? process.env[`LOAD_${name.toUpperCase().replaceAll('-', '_')}`];
}

function numberSetting(flags: ReadonlyMap<string, string>, name: string, fallback: number): number {
  const text = setting(flags, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, not "${text}"\n${HELP}`);
  return value;
}

function rangeSetting(flags: ReadonlyMap<string, string>, name: string, fallback: readonly [number, number]): readonly [number, number] {
  const text = setting(flags, name);
  if (text === undefined) return fallback;
  const [low, high] = text.split('-').map(Number);
  const upper = high ?? low;
  if (low === undefined || upper === undefined || !Number.isFinite(low) || !Number.isFinite(upper) || low <= 0 || upper < low) throw new Error(`--${name} must be LOW-HIGH, not "${text}"\n${HELP}`);
  return [low, upper];
}

/** Parses `argv` (after the script) and the environment. Prints help and exits on `--help`. */
export function loadOptionsParse(argv: readonly string[]): LoadOptions {
  if (argv.includes('--help')) {
    console.log(HELP);
    process.exit(0);
  }
  const flags = new Map<string, string>();
  for (const argument of argv) {
    const match = /^--([a-z-]+)=(.*)$/.exec(argument);
    if (match?.[1] === undefined || match[2] === undefined) throw new Error(`Unknown argument "${argument}"\n${HELP}`);
    flags.set(match[1], match[2]);
  }
  const targets = (setting(flags, 'targets') ?? 'echo,one-node,two-nodes').split(',').map((name) => name.trim());
  for (const name of targets) if (!['echo', 'one-node', 'two-nodes'].includes(name)) throw new Error(`Unknown target "${name}"\n${HELP}`);
  const sessionSize = rangeSetting(flags, 'session-size', [2, 4]);
  if (sessionSize[0] < 2 || sessionSize[1] > 8) throw new Error('--session-size must lie within 2-8');
  return {
    participants: Math.round(numberSetting(flags, 'participants', 10_000)),
    twoNodesParticipants: Math.round(numberSetting(flags, 'two-nodes-participants', 2000)),
    targets: targets as TargetName[],
    steadySeconds: numberSetting(flags, 'steady-seconds', 15),
    saturateSeconds: numberSetting(flags, 'saturate-seconds', 8),
    workers: Math.round(numberSetting(flags, 'workers', 2)),
    sessionSize,
    connectConcurrency: 64,
    cpuProfileDir: setting(flags, 'cpu-prof') ?? null,
    mix: {
      commandEverySeconds: rangeSetting(flags, 'command-every', [10, 30]),
      signalHz: rangeSetting(flags, 'signal-hz', [1, 4]),
      signalBatchesPerSecond: numberSetting(flags, 'batches-per-second', 1),
      maxBatchesPerSocketPerSecond: numberSetting(flags, 'max-rate', 15),
    },
  };
}

/** Session sizes adding up to exactly `participants` (the last one may be smaller, never below 2). */
export function sessionSizes(participants: number, range: readonly [number, number], random: () => number): number[] {
  const sizes: number[] = [];
  let left = participants;
  while (left > 0) {
    const size = Math.min(left, range[0] + Math.floor(random() * (range[1] - range[0] + 1)));
    sizes.push(size);
    left -= size;
  }
  // A lone person left over joins the previous session rather than sitting alone.
  if (sizes.length > 1 && (sizes.at(-1) ?? 0) < 2) {
    const last = sizes.pop() ?? 0;
    sizes[sizes.length - 1] = (sizes.at(-1) ?? 0) + last;
  }
  return sizes;
}
