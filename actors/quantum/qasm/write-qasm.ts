import type { Gate } from '../sim/circuit.js';

/**
 * OpenQASM 2.0 text: header, `qreg q[n]; creg c[n];`, one gate per line, then `measure q[i] -> c[i];` for every qubit.
 * Angles are written with full double precision (shortest round-trip form). `comments` become leading `//` lines.
 */
export function writeQasm(n: number, gates: readonly Gate[], comments: readonly string[] = []): string {
  const lines = [...comments.map((c) => `// ${c}`), 'OPENQASM 2.0;', 'include "qelib1.inc";', `qreg q[${n}];`, `creg c[${n}];`];
  for (const gate of gates) {
    const args = gate.qubits.map((q) => `q[${q}]`).join(',');
    lines.push('angle' in gate ? `${gate.name}(${String(gate.angle)}) ${args};` : `${gate.name} ${args};`);
  }
  for (let q = 0; q < n; q++) lines.push(`measure q[${q}] -> c[${q}];`);
  return `${lines.join('\n')}\n`;
}
