/**
 * The generated genesyscloud bindings as the package exports them: each the generated class itself (`instanceof`, its
 * statics and subclasses behave as the generated class's), except that making one in a stack of the other engine's
 * throws, naming the entry to import (engine.ts), where cdktn would fail only at synth with a TypeError. The
 * construct makes its resources with the generated classes directly, after its own check.
 */
import { GenesyscloudProvider as GeneratedGenesyscloudProvider } from "../../.gen/providers/genesyscloud/provider";
import { OauthClient as GeneratedOauthClient } from "../../.gen/providers/genesyscloud/oauth-client";
import { DataGenesyscloudOauthClient as GeneratedDataGenesyscloudOauthClient } from "../../.gen/providers/genesyscloud/data-genesyscloud-oauth-client";
import { DataGenesyscloudOrganizationsMe as GeneratedDataGenesyscloudOrganizationsMe } from "../../.gen/providers/genesyscloud/data-genesyscloud-organizations-me";
import { engineChecked } from "./engine";

/** @hidden */
export const GenesyscloudProvider = engineChecked(GeneratedGenesyscloudProvider, "GenesyscloudProvider");
/** @hidden */
export type GenesyscloudProvider = GeneratedGenesyscloudProvider;
/** @hidden */
export const OauthClient = engineChecked(GeneratedOauthClient, "OauthClient");
/** @hidden */
export type OauthClient = GeneratedOauthClient;
/** @hidden */
export const DataGenesyscloudOauthClient = engineChecked(GeneratedDataGenesyscloudOauthClient, "DataGenesyscloudOauthClient");
/** @hidden */
export type DataGenesyscloudOauthClient = GeneratedDataGenesyscloudOauthClient;
/** @hidden */
export const DataGenesyscloudOrganizationsMe = engineChecked(GeneratedDataGenesyscloudOrganizationsMe, "DataGenesyscloudOrganizationsMe");
/** @hidden */
export type DataGenesyscloudOrganizationsMe = GeneratedDataGenesyscloudOrganizationsMe;
