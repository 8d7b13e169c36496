// cdktf's matchers (toHaveResourceWithProperties, toHaveProviderWithProperties, ...) and their types, from the jest
// adapter alone: cdktf's Testing.setupJest() would load all of cdktf into every test file, most of which never use it.
import { setupJest } from "cdktf/lib/testing/adapters/jest";

setupJest();
