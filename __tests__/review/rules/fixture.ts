/** A client as the Genesys article sets it up, and a change of it, for the rule tests. */
import { ClientChange } from "../../../lib/review/rules";

export const client = {
  name: "Salesforce Service Cloud Voice (acme.lightning.force.com)",
  authorized_grant_type: "TOKEN",
  state: "active",
  scopes: ["conversations", "notifications", "presence", "response-management:readonly", "routing:readonly", "upload", "users:readonly"],
  registered_redirect_uris: ["https://acme.lightning.force.com/lightning/page/home"],
};

export const change = (kind: ClientChange["kind"], before: Record<string, unknown>, after: Record<string, unknown>): ClientChange => ({
  kind,
  before,
  after,
});
