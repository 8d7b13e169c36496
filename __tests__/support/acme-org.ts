/**
 * The one emulated org the audit and drift tests ask (Acme), the CI credentials that log in to it, and a deployment
 * that reaches it through its gateway block, as a deployments file would point a deployment at the emulator.
 */
import { Deployment } from "../../lib/app/deployments/deployments";
import { Emulator, EmulatedOrg } from "./genesys-emulator";

export const ACME_ORG: EmulatedOrg = {
  id: "a1b2c3d4-0000-4000-8000-00000000ac3e",
  name: "Acme",
  credentials: { clientId: "ci", clientSecret: "ci-secret" },
};

/** The environment with Acme's credentials, unprefixed, as one deployment's job holds them. */
export const ACME_ENV = { GENESYSCLOUD_OAUTHCLIENT_ID: "ci", GENESYSCLOUD_OAUTHCLIENT_SECRET: "ci-secret" };

/** Deployment `production` of Salesforce org acme, on the emulator (its gateway), in us-east-1. */
export function acmeDeployment(emulator: Emulator): Deployment {
  const gateway = { host: "127.0.0.1", port: Number(new URL(emulator.url).port), protocol: "http" };
  return { name: "production", genesysCloud: { region: "us-east-1", gateway }, salesforce: { myDomain: "acme" } } as Deployment;
}
