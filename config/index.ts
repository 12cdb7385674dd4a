export { configSchema, type Config, type ConfigInput } from './schema.js';
export { loadConfig, defaultConfig, type LoadOptions, type Loaded } from './load.js';
export { ConfigError } from './errors.js';
export { exitOnConfigError, configErrorLines, CONFIG_ERROR_EXIT_CODE } from './exit-on-error.js';
export { secretValues, type Secrets, type VenueCredentials } from './secrets.js';
