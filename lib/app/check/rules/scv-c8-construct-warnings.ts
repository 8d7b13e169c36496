import { ServiceCloudVoiceOAuthClient } from "../../../construct/internal";
import { CheckRule, Found } from "./rule";

/** The annotations that are findings, at their level: errors and warnings (the construct adds no info). */
const LEVELS: Readonly<Record<string, Found["level"]>> = { "@cdktf/error": "error", "@cdktf/warn": "warning" };

/**
 * SCV-C8: what the construct and each deployment's stack warn of at synth (the implicit grant's retirement, a new or
 * kept implicit-grant client, scopes beyond the article's seven, a host), said of the deployment; each at the level
 * the construct gave it. Its warning that destroy protection is off is SCV-C3's, said at the key instead.
 */
export const constructWarnings: CheckRule = {
  id: "SCV-C8",
  level: "warning",
  title: "The construct's warnings at synth",
  check: ({ annotations }) =>
    annotations.flatMap(({ type, data, stack }) =>
      Object.hasOwn(LEVELS, type) && data !== ServiceCloudVoiceOAuthClient.DESTROY_PROTECTION_OFF
        ? [{ level: LEVELS[type], where: stack, message: String(data) }]
        : [],
    ),
};
