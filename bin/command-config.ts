import { exitOnConfigError, loadConfig, type Config } from '../config/index.js';

/** The config a command reads (`--config <file>`, else defaults and environment), or exit 2 listing every issue. */
export function commandConfig(file: string | undefined): Config {
  try {
    return loadConfig({ file }).config;
  } catch (err) {
    return exitOnConfigError(err);
  }
}
