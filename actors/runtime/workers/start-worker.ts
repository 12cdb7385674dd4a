import { Worker, type TransferListItem } from 'node:worker_threads';

/**
 * A `.js` module (the compiled CLI) starts as is. A `.ts` module (tests, `node --import tsx`) starts from a bootstrap
 * that registers tsx's loader in the worker first: Node 20's workers inherit `--import tsx` but its hooks do not
 * reach them (checked on 20.20: the worker fails with ERR_UNKNOWN_FILE_EXTENSION).
 */
export function startWorker(file: URL, workerData: unknown, transferList?: readonly TransferListItem[]): Worker {
  const options = { workerData, transferList: transferList ? [...transferList] : undefined };
  if (!file.pathname.endsWith('.ts')) return new Worker(file, options);
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
