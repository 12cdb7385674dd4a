/** Spawns a nact actor that faults and answers its own fault with stopChild or resetChild. Argv: raw|guarded stopChild|resetChild. */
import { dispatch, spawn, start } from 'nact';
import { guardOnCrash, type NactOnCrash } from '../../supervisors/nact-guard.js';

const [mode, action] = process.argv.slice(2) as ['raw' | 'guarded', 'stopChild' | 'resetChild'];
const policy: NactOnCrash = (_msg, _err, ctx) => ctx[action];
const system = start();
const actor = spawn(system, () => { throw new Error('fault'); }, 'faulty', {
  onCrash: (mode === 'guarded' ? guardOnCrash(policy) : policy) as never,
});
dispatch(actor, 'go');
setTimeout(() => {
  process.stdout.write('survived\n');
  process.exit(0);
}, 200);
