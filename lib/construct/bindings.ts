/**
 * The generated genesyscloud bindings as the package exports them: each the generated class itself (`instanceof`, its
 * statics and subclasses behave as the generated class's), except that making one in a stack of the other CDK flavour's
 * throws, naming the entry to import (cdk-flavour.ts), where cdktn would fail only at synth with a TypeError. The
 * construct makes its resources with the generated classes directly, after its own check.
 */
import { GenesyscloudProvider as GeneratedGenesyscloudProvider } from "../../.gen/providers/genesyscloud/provider";
import { OauthClient as GeneratedOauthClient } from "../../.gen/providers/genesyscloud/oauth-client";
import { DataGenesyscloudOauthClient as GeneratedDataGenesyscloudOauthClient } from "../../.gen/providers/genesyscloud/data-genesyscloud-oauth-client";
import { DataGenesyscloudOrganizationsMe as GeneratedDataGenesyscloudOrganizationsMe } from "../../.gen/providers/genesyscloud/data-genesyscloud-organizations-me";
import { flavourChecked } from "./cdk-flavour";

/** @hidden */
export const GenesyscloudProvider = flavourChecked(GeneratedGenesyscloudProvider, "GenesyscloudProvider");
/** @hidden */
export type GenesyscloudProvider = GeneratedGenesyscloudProvider;
/** @hidden */
export const OauthClient = flavourChecked(GeneratedOauthClient, "OauthClient");
/** @hidden */
export type OauthClient = GeneratedOauthClient;
/** @hidden */
export const DataGenesyscloudOauthClient = flavourChecked(GeneratedDataGenesyscloudOauthClient, "DataGenesyscloudOauthClient");
/** @hidden */
export type DataGenesyscloudOauthClient = GeneratedDataGenesyscloudOauthClient;
/** @hidden */
export const DataGenesyscloudOrganizationsMe = flavourChecked(GeneratedDataGenesyscloudOrganizationsMe, "DataGenesyscloudOrganizationsMe");
/** @hidden */
export type DataGenesyscloudOrganizationsMe = GeneratedDataGenesyscloudOrganizationsMe;
