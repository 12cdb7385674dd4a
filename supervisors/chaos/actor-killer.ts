import type { ActorSystem } from '../../actors/runtime/system.js';
import { seededRandom } from '../../actors/runtime/random.js';
import { Supervisor } from '../supervisor.js';

/** One family's trading system, as the killer sees it. */
export interface KillTarget {
  family: string;
  system: ActorSystem;
}

export interface Victim {
  family: string;
  actor: string;
}

export interface ActorKiller {
  /** No kill after this returns. */
  stop(): void;
  /** Kills published so far. */
  kills(): number;
}

export interface ActorKillerOptions {
  /** Kills per second across all targets. */
  rate: number;
  seed: number;
  /** The families to kill in, asked at each kill: return none while they are stopping. */
  targets: () => readonly KillTarget[];
  /** Appended to each reason (`chaos <n> of <tag>`): the session, so kills stay distinct across runs on one journal. */
  tag?: string;
  /** Injectable for tests; default the global timers. */
  timers?: { setInterval: typeof setInterval; clearInterval: typeof clearInterval };
}

/** Faster rates kill several per tick (timers finer than this are not kept under load), slower ones skip ticks. */
const MIN_TICK_MS = 10;
const MAX_TICK_MS = 1_000;

/** Of bootTradingSystem's core (risk → [budget] → ledger → execution), the actors a kill may hit. */
const CORE_VICTIMS = new Set(['risk', 'ledger', 'execution']);

/**
 * The actors of a trading system a kill may hit, in spawn order: risk, ledger and execution, every venue or market
 * connection (the `venues` supervisor's children), every strategy (the `strategies` supervisor's). Stopped actors
 * (after an escalation) are left out: a kill would only be dead-lettered.
 */
export function killable(system: ActorSystem): string[] {
  const under = (name: string) => {
    const supervisor = system.root.child(name);
    return supervisor instanceof Supervisor ? supervisor.childNames() : [];
  };
  const names = [...under('core').filter((n) => CORE_VICTIMS.has(n)), ...under('venues'), ...under('strategies')];
  return names.filter((n) => {
    const cell = system.actor(n);
    return cell !== undefined && cell.status !== 'stopped';
  });
}

/** A family drawn uniformly among those with an actor to kill, then one of its actors. Pure given `random`. */
export function drawVictim(random: () => number, candidates: ReadonlyArray<{ family: string; actors: readonly string[] }>): Victim | undefined {
  const open = candidates.filter((c) => c.actors.length > 0);
  if (open.length === 0) return undefined;
  const target = open[Math.floor(random() * open.length)]!;
  return { family: target.family, actor: target.actors[Math.floor(random() * target.actors.length)]! };
}

/**
 * Kills `rate` actors a second at even intervals, each a `chaos.kill` with reason `chaos <n>` (n from 1), which the
 * actor throws on: its supervisor restarts it and the journal records `Error: killed: chaos <n>`.
 */
export function startActorKiller(options: ActorKillerOptions): ActorKiller {
  const timers = options.timers ?? { setInterval, clearInterval };
  const random = seededRandom(options.seed);
  let published = 0;
  let due = 0;
  let stopped = false;
  // Whole milliseconds: Node truncates a fractional interval, and the kills per tick must match the tick kept.
  const tickMs = Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, Math.round(1000 / options.rate)));
  const perTick = (options.rate * tickMs) / 1000;
  const killOne = () => {
    const targets = options.targets();
    const victim = drawVictim(random, targets.map((t) => ({ family: t.family, actors: killable(t.system) })));
    if (!victim) return;
    published += 1;
    targets.find((t) => t.family === victim.family)!.system.publish({ type: 'chaos.kill', reason: `chaos ${published}${options.tag ? ` of ${options.tag}` : ''}`, to: victim.actor });
  };
  const timer = options.rate > 0
    ? timers.setInterval(() => {
        due += perTick;
        while (due >= 1 - 1e-9 && !stopped) {
          due -= 1;
          killOne();
        }
      }, tickMs)
    : undefined;
  timer?.unref?.();
  return {
    stop() {
      stopped = true;
      if (timer) timers.clearInterval(timer);
    },
    kills: () => published,
  };
}
