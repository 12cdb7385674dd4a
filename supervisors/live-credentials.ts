import type { Secrets } from '../config/secrets.js';
import { InputError } from '../actors/runtime/errors.js';

/** The environment variables config/secrets.ts reads a venue's keys from. */
export function credentialVariables(exchangeId: string): { apiKey: string; secret: string; password: string } {
  const prefix = exchangeId.toUpperCase();
  return { apiKey: `${prefix}_API_KEY`, secret: `${prefix}_SECRET`, password: `${prefix}_PASSWORD` };
}

/** An exchange's keys from the loaded secrets; missing ones are an InputError naming their variables. */
export function liveCredentials(secrets: Secrets, exchangeId: string): { apiKey: string; secret: string; password?: string } {
  const creds = secrets.venues[exchangeId.toLowerCase()] ?? {};
  const names = credentialVariables(exchangeId);
  const missing = [...(creds.apiKey ? [] : [names.apiKey]), ...(creds.secret ? [] : [names.secret])];
  if (missing.length > 0) {
    throw new InputError(
      `live trading on ${exchangeId} needs its API keys in the environment (or .env): ${missing.join(', ')} not set`,
      missing.map((name) => `${name}: not set`),
    );
  }
  return { apiKey: creds.apiKey!, secret: creds.secret!, ...(creds.password ? { password: creds.password } : {}) };
}
