import { Testing } from "cdktf";
// Types of cdktf's jest matchers.
import "cdktf/lib/testing/adapters/jest";

// cdktf's matchers: toHaveResourceWithProperties, toHaveProviderWithProperties, ...
Testing.setupJest();
