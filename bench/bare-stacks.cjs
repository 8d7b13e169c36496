// Baseline for the benchmark: cdktf synthesizing N empty stacks, what any cdktf app of N stacks costs at least.
const { App, TerraformStack } = require("cdktf");
const app = new App({ stackTraces: false });
for (let i = 0; i < Number(process.argv[2]); i++) new TerraformStack(app, `org${i}`);
app.synth();
