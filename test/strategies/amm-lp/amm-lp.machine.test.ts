import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { ammLpMachine, RETRY_SEC } from '../../../actors/strategies/amm-lp/amm-lp.machine.js';
import { ammLpParams, type AmmLpParams } from '../../../actors/strategies/amm-lp/params.js';
import { entryEdge } from '../../../actors/strategies/amm-lp/entry-edge.js';
import { rangeAround } from '../../../actors/strategies/amm-lp/lp-terms.js';
import type { LpPosition, PoolView } from '../../../actors/strategies/amm-lp/amm-lp.messages.js';
import { mintApproval, type Approval } from '../../../actors/risk/approval.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';
import type { Message, MessageMap, MessageType } from '../../../actors/runtime/messages.js';

const DEPOSIT = 9_000;
const SIGMA = 1e-4;
const GAS = 39;
const T0 = 1_704_412_800_000;
const sec = (s: number) => T0 + s * 1_000;

/** The two recorded tiers near the day's open: $2,270/ETH, tick 199045. */
const pool500 = (over: Partial<PoolView> = {}): PoolView => ({ fee: 500, tickSpacing: 10, tick: 199_045, priceUsd: 2_270, volumePerSecUsd: 3_000, liquidityUsd: 1.5e8, ...over });
const pool3000 = (over: Partial<PoolView> = {}): PoolView => ({ fee: 3000, tickSpacing: 60, tick: 199_045, priceUsd: 2_270, volumePerSecUsd: 300, liquidityUsd: 1.5e8, ...over });

let seq = 0;
function msg<T extends MessageType>(type: T, body: MessageMap[T]): Message {
  seq += 1;
  return { type, ...body, id: `m${seq}`, ts: 0, correlationId: `m${seq}` } as unknown as Message;
}

type Emitted = { type: string; [k: string]: unknown };

function run(params: Partial<AmmLpParams> = {}) {
  const actor = createActor(ammLpMachine, { input: { strategy: 'amm-lp', venue: 'chain:amm-replay', depositUsd: DEPOSIT, params: ammLpParams.parse(params) } });
  const emitted: Emitted[] = [];
  actor.on('*', (e) => emitted.push(e as never));
  actor.start();
  const send = <T extends MessageType>(type: T, body: MessageMap[T]) => actor.send(msg(type, body) as never);
  const observe = (s: number, over: { pools?: PoolView[]; advisorFee?: number; sigmaShort?: number; sigmaLong?: number } = {}) =>
    send('amm.observed', { venue: 'chain:amm-replay', block: 1_000 + s, recordedTs: sec(s), pools: over.pools ?? [pool500(), pool3000()], ...(over.advisorFee !== undefined ? { advisorFee: over.advisorFee } : {}), sigmaShort: over.sigmaShort ?? SIGMA, sigmaLong: over.sigmaLong ?? SIGMA, roundTripGasUsd: GAS });
  const since = (n: number) => emitted.slice(n);
  return { actor, emitted, send, observe, since, state: () => actor.getSnapshot().value as string, ctx: () => actor.getSnapshot().context };
}
type Run = ReturnType<typeof run>;

/** The only intent of the last `order.intents`. */
function lastIntent(r: Run): OrderIntent {
  const e = r.emitted.filter((x) => x.type === 'order.intents').at(-1)!;
  const intents = e.intents as OrderIntent[];
  assert.equal(intents.length, 1);
  return intents[0]!;
}

/** Observe, approve the proposal and mint it: returns the position the machine now provides. */
function open(r: Run, s: number, over: Parameters<Run['observe']>[1] = {}): LpPosition {
  r.observe(s, over);
  assert.equal(r.state(), 'awaitingApproval');
  const intent = lastIntent(r);
  r.send('orders.approved', { approvals: [mintApproval(`apv:${intent.intentId}`, intent, intent.amount, sec(s))] });
  assert.equal(r.state(), 'minting');
  const mint = r.emitted.at(-1)!;
  assert.equal(mint.type, 'amm.mint');
  const position: LpPosition = { positionId: `pos-${intent.intentId}`, intentId: intent.intentId, fee: mint.fee as number, tickLower: mint.tickLower as number, tickUpper: mint.tickUpper as number, units: (mint.approval as Approval).amount, openedTs: mint.recordedTs as number };
  r.send('amm.minted', { intentId: intent.intentId, ok: true, detail: '', position });
  assert.equal(r.state(), 'providing');
  return position;
}

/** The last emitted `amm.burn`, answered with a good burn. */
function burned(r: Run, position: LpPosition, pnlUsd = 1.5): Emitted {
  const burn = r.emitted.filter((e) => e.type === 'amm.burn').at(-1)!;
  assert.equal(burn.positionId, position.positionId);
  r.send('amm.burned', { positionId: position.positionId, intentId: burn.intentId as string, ok: true, detail: '', pnlUsd });
  return burn;
}

const proposals = (r: Run, from: number) => r.since(from).filter((e) => e.type === 'order.intents').length;

test('the first observation proposes one open intent with its entry edge; a denial backs off RETRY_SEC; a forged approval does nothing', () => {
  const r = run();
  r.observe(0);
  assert.equal(r.state(), 'awaitingApproval');
  const range = rangeAround(199_045, 10, 200);
  assert.deepEqual(range, { tickLower: 198_850, tickUpper: 199_250 });
  const edge = entryEdge({ depositUsd: DEPOSIT, fee: 500, ...range, priceUsd: 2_270, volumePerSecUsd: 3_000, liquidityUsd: 1.5e8, sigma: SIGMA, roundTripGasUsd: GAS });
  assert.ok(edge.expectedProfit > 0.01, `edge ${edge.expectedProfit}`);
  const intent = lastIntent(r);
  assert.deepEqual(intent, { intentId: 'amm-lp-1', strategy: 'amm-lp', venue: 'chain:amm-replay', symbol: 'LP500-WETH-USDC/USDC', side: 'buy', kind: 'open', type: 'market', amount: DEPOSIT, price: 1, expectedProfit: edge.expectedProfit });
  assert.deepEqual(r.ctx().pending, { intentId: 'amm-lp-1', fee: 500, ...range, amount: DEPOSIT, recordedTs: sec(0) });

  // a forged approval (a literal, never minted by risk) moves nothing and emits nothing
  const n = r.emitted.length;
  r.send('orders.approved', { approvals: [Object.freeze({ approvalId: 'forged', intent, amount: DEPOSIT, ts: 0 }) as Approval] });
  assert.equal(r.state(), 'awaitingApproval');
  assert.equal(r.emitted.length, n);
  // a denial of another intent is not ours
  r.send('orders.denied', { denials: [{ intent: { ...intent, intentId: 'other-1' }, reason: 'MIN_PROFIT', detail: 'x' }] });
  assert.equal(r.state(), 'awaitingApproval');

  r.observe(10); // seen while risk judges: the back-off counts from the latest block
  r.send('orders.denied', { denials: [{ intent, reason: 'MIN_PROFIT', detail: 'expected profit 0.05%, min 0.1%' }] });
  assert.equal(r.state(), 'flat');
  assert.deepEqual(r.emitted.at(-1), { type: 'amm.lp.skipped', reason: 'denied', detail: 'amm-lp-1 MIN_PROFIT: expected profit 0.05%, min 0.1%' });
  assert.equal(r.ctx().pending, undefined);
  assert.equal(r.ctx().holdUntil, sec(10 + RETRY_SEC));

  const m = r.emitted.length;
  r.observe(11);
  r.observe(10 + RETRY_SEC - 1);
  assert.equal(r.state(), 'flat');
  assert.equal(proposals(r, m), 0);
  r.observe(10 + RETRY_SEC);
  assert.equal(r.state(), 'awaitingApproval');
  assert.equal(lastIntent(r).intentId, 'amm-lp-2');
});

test('an approval mints the range; leaving it burns out-of-range; the next position re-centres on the new tick', () => {
  const r = run();
  r.observe(0);
  const intent = lastIntent(r);
  // risk clips the deposit: the mint is at the approved size
  const approval = mintApproval('apv:amm-lp-1', intent, 7_500, sec(0));
  r.send('orders.approved', { approvals: [approval] });
  assert.equal(r.state(), 'minting');
  assert.deepEqual(r.emitted.at(-1), { type: 'amm.mint', intentId: 'amm-lp-1', approval, fee: 500, tickLower: 198_850, tickUpper: 199_250, recordedTs: sec(0) });

  const position: LpPosition = { positionId: 'replay-1', intentId: 'amm-lp-1', fee: 500, tickLower: 198_850, tickUpper: 199_250, units: 7_500, openedTs: sec(0) };
  r.send('amm.minted', { intentId: 'amm-lp-1', ok: true, detail: 'position replay-1', position });
  assert.equal(r.state(), 'providing');
  assert.deepEqual(r.emitted.at(-1), { type: 'amm.lp.opened', position, recentre: false });

  // inside the range (upper bound exclusive, lower inclusive) it stays
  const n = r.emitted.length;
  r.observe(12, { pools: [pool500({ tick: 198_850 }), pool3000()] });
  r.observe(24, { pools: [pool500({ tick: 199_249 }), pool3000()] });
  assert.equal(r.state(), 'providing');
  assert.equal(r.emitted.length, n);

  r.observe(36, { pools: [pool500({ tick: 199_250, priceUsd: 2_225 }), pool3000({ tick: 199_250, priceUsd: 2_225 })] });
  assert.equal(r.state(), 'withdrawing');
  assert.deepEqual(r.emitted.at(-1), { type: 'amm.burn', positionId: 'replay-1', intentId: 'amm-lp-2', units: 7_500, reason: 'out-of-range' });
  // a burn of another position is not ours
  r.send('amm.burned', { positionId: 'replay-9', intentId: 'amm-lp-2', ok: true, detail: '' });
  assert.equal(r.state(), 'withdrawing');
  r.send('amm.burned', { positionId: 'replay-1', intentId: 'amm-lp-2', ok: true, detail: 'collected', pnlUsd: -3.25 });
  assert.equal(r.state(), 'flat');
  assert.deepEqual(r.emitted.at(-1), { type: 'amm.lp.closed', positionId: 'replay-1', reason: 'out-of-range', pnlUsd: -3.25 });

  r.observe(48, { pools: [pool500({ tick: 199_253, priceUsd: 2_225 }), pool3000({ tick: 199_253, priceUsd: 2_225 })] });
  assert.equal(r.state(), 'awaitingApproval');
  const next = lastIntent(r);
  assert.equal(next.intentId, 'amm-lp-3');
  r.send('orders.approved', { approvals: [mintApproval('apv:amm-lp-3', next, DEPOSIT, sec(48))] });
  const mint = r.emitted.at(-1)!;
  assert.deepEqual([mint.tickLower, mint.tickUpper], [199_050, 199_450]);
  const second: LpPosition = { positionId: 'replay-3', intentId: 'amm-lp-3', fee: 500, tickLower: 199_050, tickUpper: 199_450, units: DEPOSIT, openedTs: sec(48) };
  r.send('amm.minted', { intentId: 'amm-lp-3', ok: true, detail: '', position: second });
  assert.deepEqual(r.emitted.at(-1), { type: 'amm.lp.opened', position: second, recentre: true });
  assert.equal(r.ctx().opened, 2);
  assert.equal(r.ctx().closed, 1);
});

test('a failed mint gives the reservation back, is skipped, and backs off', () => {
  const r = run();
  r.observe(0);
  const intent = lastIntent(r);
  r.send('orders.approved', { approvals: [mintApproval('apv:amm-lp-1', intent, DEPOSIT, sec(0))] });
  r.send('amm.minted', { intentId: 'amm-lp-9', ok: false, detail: 'not ours' });
  assert.equal(r.state(), 'minting');
  const n = r.emitted.length;
  r.send('amm.minted', { intentId: 'amm-lp-1', ok: false, detail: 'STF' });
  assert.equal(r.state(), 'flat');
  assert.deepEqual(r.since(n), [
    { type: 'order.unplaced', intentId: 'amm-lp-1', amount: DEPOSIT, reason: 'mint failed: STF' },
    { type: 'amm.lp.skipped', reason: 'mint-failed', detail: 'STF' },
  ]);
  r.observe(RETRY_SEC - 1);
  assert.equal(r.state(), 'flat');
  r.observe(RETRY_SEC);
  assert.equal(r.state(), 'awaitingApproval');
});

test('a volatility spike withdraws; no entry during the cool-down nor while the spike lasts; entry after', () => {
  const r = run();
  const position = open(r, 0);
  const n = r.emitted.length;
  r.observe(60, { sigmaShort: 3 * SIGMA }); // at the ratio: not a spike
  assert.equal(r.state(), 'providing');
  assert.equal(r.emitted.length, n);
  r.observe(120, { sigmaShort: 3.01 * SIGMA });
  assert.equal(r.state(), 'withdrawing');
  assert.equal(r.emitted.at(-1)!.reason, 'volatility');
  burned(r, position);
  assert.equal(r.state(), 'flat');
  assert.equal(r.emitted.at(-1)!.reason, 'volatility');
  assert.equal(r.ctx().holdUntil, sec(120 + 900));

  const m = r.emitted.length;
  r.observe(200);
  r.observe(120 + 899);
  r.observe(120 + 900, { sigmaShort: 5 * SIGMA }); // cool-down over, spike still on
  r.observe(2_000, { sigmaShort: 4 * SIGMA });
  assert.equal(r.state(), 'flat');
  assert.equal(proposals(r, m), 0);
  r.observe(2_012);
  assert.equal(r.state(), 'awaitingApproval');
});

for (const riskState of ['REDUCING', 'HALTED'] as const) {
  test(`risk ${riskState} while providing withdraws (reason risk); no entry until ACTIVE again`, () => {
    const r = run();
    const position = open(r, 0);
    r.send('risk.changed', { state: 'ACTIVE', reason: 'still fine' });
    assert.equal(r.state(), 'providing');
    r.send('risk.changed', { state: riskState, reason: 'daily loss' });
    assert.equal(r.state(), 'withdrawing');
    assert.deepEqual(r.emitted.at(-1), { type: 'amm.burn', positionId: position.positionId, intentId: 'amm-lp-2', units: DEPOSIT, reason: 'risk' });
    burned(r, position);
    assert.equal(r.state(), 'flat');
    assert.deepEqual(r.emitted.at(-1), { type: 'amm.lp.closed', positionId: position.positionId, reason: 'risk', pnlUsd: 1.5 });
    const m = r.emitted.length;
    r.observe(12);
    r.observe(5_000);
    assert.equal(r.state(), 'flat');
    assert.equal(proposals(r, m), 0);
    r.send('risk.changed', { state: 'ACTIVE', reason: 'new day' });
    r.observe(5_012);
    assert.equal(r.state(), 'awaitingApproval');
    assert.equal(lastIntent(r).intentId, 'amm-lp-3');
  });
}

test('risk flipping back to ACTIVE soon after a risk withdrawal does not churn: no entry for cooldownSec', () => {
  const r = run();
  const position = open(r, 0);
  r.send('risk.changed', { state: 'REDUCING', reason: 'loss streak' });
  burned(r, position);
  r.send('risk.changed', { state: 'ACTIVE', reason: 'cooldown over' });
  const m = r.emitted.length;
  r.observe(12);
  r.observe(899);
  assert.equal(r.state(), 'flat');
  assert.equal(proposals(r, m), 0);
  r.observe(900);
  assert.equal(r.state(), 'awaitingApproval');
});

test("the advisor's tier moves a position only after minHoldSec and only when its flow pays for the move", () => {
  const better = [pool500(), pool3000({ volumePerSecUsd: 3_000 })];
  const worse = [pool500(), pool3000({ volumePerSecUsd: 300 })];
  const r = run();
  const position = open(r, 0, { advisorFee: 500 });
  assert.equal(position.fee, 500);
  const n = r.emitted.length;
  r.observe(1_799, { pools: better, advisorFee: 3000 });
  r.observe(1_800, { pools: worse, advisorFee: 3000 });
  r.observe(5_000, { pools: worse, advisorFee: 3000 });
  assert.equal(r.state(), 'providing');
  assert.equal(r.emitted.length, n);
  r.observe(5_012, { pools: better, advisorFee: 3000 });
  assert.equal(r.state(), 'withdrawing');
  assert.equal(r.emitted.at(-1)!.reason, 'fee-tier');
  burned(r, position);
  assert.equal(r.state(), 'flat');

  r.observe(5_024, { pools: better, advisorFee: 3000 });
  const intent = lastIntent(r);
  assert.equal(intent.symbol, 'LP3000-WETH-USDC/USDC');
  const range = rangeAround(199_045, 60, 200);
  assert.deepEqual(range, { tickLower: 198_780, tickUpper: 199_260 });
  const edge = entryEdge({ depositUsd: DEPOSIT, fee: 3000, ...range, priceUsd: 2_270, volumePerSecUsd: 3_000, liquidityUsd: 1.5e8, sigma: SIGMA, roundTripGasUsd: GAS });
  assert.equal(intent.expectedProfit, edge.expectedProfit);
  r.send('orders.approved', { approvals: [mintApproval('apv', intent, DEPOSIT, sec(5_024))] });
  assert.deepEqual(r.emitted.at(-1), { type: 'amm.mint', intentId: intent.intentId, approval: r.emitted.at(-1)!.approval, fee: 3000, ...range, recordedTs: sec(5_024) });
  const moved: LpPosition = { positionId: 'p3000', intentId: intent.intentId, fee: 3000, ...range, units: DEPOSIT, openedTs: sec(5_024) };
  r.send('amm.minted', { intentId: intent.intentId, ok: true, detail: '', position: moved });
  assert.deepEqual(r.emitted.at(-1), { type: 'amm.lp.opened', position: moved, recentre: true });
});

test('with followAdvisor off the advisor is ignored, on entry and while providing', () => {
  const better = [pool500(), pool3000({ volumePerSecUsd: 3_000 })];
  const r = run({ followAdvisor: false });
  open(r, 0, { pools: better, advisorFee: 3000 });
  assert.equal(r.ctx().position!.fee, 500);
  assert.equal(lastIntent(r).symbol, 'LP500-WETH-USDC/USDC');
  const n = r.emitted.length;
  r.observe(10_000, { pools: better, advisorFee: 3000 });
  assert.equal(r.state(), 'providing');
  assert.equal(r.emitted.length, n);
});

test('amm.withdraw while providing burns (reason stop) and stops for good', () => {
  const r = run();
  const position = open(r, 0);
  r.send('amm.withdraw', { reason: 'end of the day' });
  assert.equal(r.state(), 'withdrawing');
  assert.equal(r.emitted.at(-1)!.reason, 'stop');
  burned(r, position);
  assert.equal(r.state(), 'stopped');
  assert.equal(r.emitted.at(-1)!.reason, 'stop');
  const n = r.emitted.length;
  r.observe(10_000);
  r.send('risk.changed', { state: 'ACTIVE', reason: 'x' });
  r.observe(20_000);
  assert.equal(r.state(), 'stopped');
  assert.equal(r.emitted.length, n);
});

test('amm.withdraw while minting withdraws as soon as the position is minted', () => {
  const r = run();
  r.observe(0);
  const intent = lastIntent(r);
  r.send('orders.approved', { approvals: [mintApproval('apv', intent, DEPOSIT, sec(0))] });
  r.send('amm.withdraw', { reason: 'end' });
  assert.equal(r.state(), 'minting');
  const position: LpPosition = { positionId: 'replay-1', intentId: intent.intentId, fee: 500, tickLower: 198_850, tickUpper: 199_250, units: DEPOSIT, openedTs: sec(0) };
  const n = r.emitted.length;
  r.send('amm.minted', { intentId: intent.intentId, ok: true, detail: '', position });
  assert.equal(r.state(), 'withdrawing');
  assert.deepEqual(r.since(n), [
    { type: 'amm.lp.opened', position, recentre: false },
    { type: 'amm.burn', positionId: 'replay-1', intentId: 'amm-lp-2', units: DEPOSIT, reason: 'stop' },
  ]);
  burned(r, position);
  assert.equal(r.state(), 'stopped');
});

test('amm.withdraw while flat stops at once', () => {
  const r = run();
  r.send('amm.withdraw', { reason: 'end' });
  assert.equal(r.state(), 'stopped');
  r.observe(0);
  assert.equal(proposals(r, 0), 0);
});

test('amm.withdraw while risk judges the entry stops; the late approval is given back, nothing is minted', () => {
  const r = run();
  r.observe(0);
  const intent = lastIntent(r);
  r.send('amm.withdraw', { reason: 'end' });
  assert.equal(r.state(), 'stopped');
  const n = r.emitted.length;
  r.send('orders.approved', { approvals: [mintApproval('apv', intent, 8_000, sec(0))] });
  assert.equal(r.state(), 'stopped');
  assert.deepEqual(r.since(n), [{ type: 'order.unplaced', intentId: 'amm-lp-1', amount: 8_000, reason: 'the LP strategy no longer pursues it' }]);
});
