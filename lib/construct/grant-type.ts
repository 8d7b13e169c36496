/**
 * The OAuth grant the Lightning app uses to get tokens, in the user's words, and the provider's value for it.
 * The Genesys article uses the implicit grant; Genesys is retiring it (no new implicit clients from March 2026,
 * implicit tokens stop by March 2027), and browser apps move to the authorization code grant with PKCE,
 * which the provider calls CODE.
 */
export const GRANT_TYPES = {
  implicit: "TOKEN",
  "authorization-code": "CODE",
} as const;

export type GrantType = keyof typeof GRANT_TYPES;

export const DEFAULT_GRANT_TYPE: GrantType = "implicit";

export const GRANT_TYPE_NAMES = Object.keys(GRANT_TYPES) as GrantType[];

export function isGrantType(value: string): value is GrantType {
  return Object.prototype.hasOwnProperty.call(GRANT_TYPES, value);
}

export const IMPLICIT_GRANT_RETIREMENT =
  "Genesys is retiring the implicit grant: since March 2026 Genesys may refuse to create a new implicit-grant " +
  "OAuth client, and implicit tokens stop working by March 2027 (existing clients keep working until then). " +
  'Set oauthClient.grantType to "authorization-code" (Authorization Code with PKCE) once the CX Cloud, Digital and ' +
  "AI for Salesforce package your org runs supports it; on an existing client this is an in-place update that keeps its client id.";
