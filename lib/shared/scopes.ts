/**
 * Genesys Cloud OAuth scopes for the Service Cloud Voice client.
 * The article's seven are always granted; anything more is the user's explicit choice.
 */
import { nearestValue } from "./problems";

/** The scopes the Genesys article lists, in its order. */
export const SERVICE_CLOUD_VOICE_SCOPES: readonly string[] = [
  "conversations",
  "notifications",
  "presence",
  "response-management:readonly",
  "routing:readonly",
  "upload",
  "users:readonly",
];

/** Genesys scope names: lowercase words joined by hyphens, optionally `:readonly`. */
const SCOPE_NAME_RE = /^[a-z]+(?:-[a-z]+)*(?::readonly)?$/;

export const ALLOWED_SCOPE =
  "a Genesys Cloud scope name: lowercase words joined by hyphens, optionally ending in :readonly (e.g. analytics:readonly)";

export function isScopeName(scope: string): boolean {
  return SCOPE_NAME_RE.test(scope);
}

/**
 * The article's scope that `scope` misspells: one of the seven, the same but for case or at most two edits away (no
 * scope Genesys lists is that close to one of them). Any other unknown scope may be one Genesys added since.
 */
export function meantScope(scope: string): string | undefined {
  return SERVICE_CLOUD_VOICE_SCOPES.includes(scope) ? undefined : nearestValue(scope, SERVICE_CLOUD_VOICE_SCOPES);
}

/** The article's scopes plus the additional ones, deduplicated and sorted. */
export function scopesWith(additionalScopes: readonly string[]): string[] {
  return [...new Set([...SERVICE_CLOUD_VOICE_SCOPES, ...additionalScopes])].sort();
}

/** The scopes beyond the article's seven, deduplicated and sorted: each is a least-privilege question for review. */
export function additionalScopesOf(additionalScopes: readonly string[]): string[] {
  return scopesWith(additionalScopes).filter((scope) => !SERVICE_CLOUD_VOICE_SCOPES.includes(scope));
}
