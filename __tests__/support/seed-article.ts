/**
 * What the seed article ("Create an OAuth Client for Salesforce Service Cloud Voice") prescribes, written out
 * literally for the tests, apart from lib/, so that a change to the product's constants cannot pass unnoticed.
 */
export const SEED_ARTICLE_SCOPES = [
  "conversations",
  "notifications",
  "presence",
  "response-management:readonly",
  "routing:readonly",
  "upload",
  "users:readonly",
];
