import { InputError } from '../../runtime/errors.js';
import { MAX_QUBITS } from '../brute-force.js';
import type { Gate } from '../sim/circuit.js';

const ONE_QUBIT = /^(h|x)\s+q\[(\d+)\]$/;
const ROTATION = /^(rx|ry|rz)\(\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*\)\s*q\[(\d+)\]$/;
const CX = /^cx\s+q\[(\d+)\]\s*,\s*q\[(\d+)\]$/;
const MEASURE = /^measure\s+q\[(\d+)\]\s*->\s*c\[(\d+)\]$/;

/**
 * Read back exactly the subset `writeQasm` emits (plus `//` comments and any whitespace): the header, one `qreg q`
 * and one `creg c`, h/x/rx/ry/rz/cx with numeric angles, measurements (returned separately). Anything else is an
 * InputError naming its line.
 */
export function readQasm(text: string, source = 'qasm'): { n: number; gates: Gate[]; measured: number[] } {
  const statements: { text: string; line: number }[] = [];
  text.split('\n').forEach((raw, i) => {
    const code = raw.replace(/\/\/.*$/, '');
    for (const part of code.split(';')) if (part.trim() !== '') statements.push({ text: part.trim(), line: i + 1 });
    if (code.trim() !== '' && !code.trim().endsWith(';')) statements.push({ text: '<missing ;>', line: i + 1 });
  });
  const fail = (s: { text: string; line: number }, why: string): never => {
    throw new InputError(`${source}: line ${s.line}: ${why}`, [`line ${s.line}: ${s.text}`]);
  };
  const [version, include, qreg, creg, ...body] = statements;
  if (version?.text !== 'OPENQASM 2.0') fail(version ?? { text: '', line: 1 }, 'expected OPENQASM 2.0');
  if (include?.text !== 'include "qelib1.inc"') fail(include ?? { text: '', line: 2 }, 'expected include "qelib1.inc"');
  const n = Number(/^qreg\s+q\[(\d+)\]$/.exec(qreg?.text ?? '')?.[1] ?? NaN);
  if (!(n >= 1 && n <= MAX_QUBITS)) fail(qreg ?? { text: '', line: 3 }, `expected qreg q[n] with n in 1..${MAX_QUBITS}`);
  if (creg?.text !== `creg c[${n}]`) fail(creg ?? { text: '', line: 4 }, `expected creg c[${n}]`);
  const qubit = (s: { text: string; line: number }, v: string) => {
    const q = Number(v);
    return q < n ? q : fail(s, `qubit ${q} outside q[${n}]`);
  };
  const gates: Gate[] = [];
  const measured: number[] = [];
  for (const s of body) {
    let m: RegExpExecArray | null;
    if ((m = ONE_QUBIT.exec(s.text))) gates.push({ name: m[1] as 'h' | 'x', qubits: [qubit(s, m[2]!)] });
    else if ((m = ROTATION.exec(s.text))) gates.push({ name: m[1] as 'rx' | 'ry' | 'rz', qubits: [qubit(s, m[3]!)], angle: Number(m[2]) });
    else if ((m = CX.exec(s.text))) gates.push({ name: 'cx', qubits: [qubit(s, m[1]!), qubit(s, m[2]!)] });
    else if ((m = MEASURE.exec(s.text))) measured.push(qubit(s, m[1]!));
    else fail(s, 'not a statement this reader knows (h, x, rx, ry, rz, cx, measure)');
  }
  return { n, gates, measured };
}
