/**
 * The generated genesyscloud provider as the package exports it, the one binding a construct user passes (the
 * construct's `provider` prop): the generated class itself (`instanceof`, its statics and subclasses behave as the
 * generated class's), except that making one in a stack of the other CDK flavour's throws, naming the entry to import
 * (cdk-flavour.ts), where cdktn would fail only at synth with a TypeError. The construct makes its resources with the
 * generated classes directly, after its own check.
 */
import { GenesyscloudProvider as GeneratedGenesyscloudProvider } from "../../.gen/providers/genesyscloud/provider";
import { flavourChecked } from "./cdk-flavour";

/** @hidden */
export const GenesyscloudProvider = flavourChecked(GeneratedGenesyscloudProvider, "GenesyscloudProvider");
/** @hidden */
export type GenesyscloudProvider = GeneratedGenesyscloudProvider;
