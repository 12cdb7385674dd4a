import { ConfigError } from './errors.js';

/** The lines the CLI prints for a bad config: a headline, then one `path: message` per issue. */
export function configErrorLines(err: ConfigError): string[] {
  return [err.shortMessage, ...err.issues.map((issue) => `  ${issue}`)];
}

export const CONFIG_ERROR_EXIT_CODE = 2;

/**
 * For the CLI: a ConfigError prints every issue to stderr and exits 2; anything else is rethrown.
 *   try { loaded = loadConfig({ file }) } catch (err) { exitOnConfigError(err) }
 */
export function exitOnConfigError(
  err: unknown,
  io: { stderr: { write(text: string): unknown }; exit(code: number): never } = { stderr: process.stderr, exit: (code) => process.exit(code) },
): never {
  if (!(err instanceof ConfigError)) throw err;
  io.stderr.write(configErrorLines(err).join('\n') + '\n');
  return io.exit(CONFIG_ERROR_EXIT_CODE);
}
