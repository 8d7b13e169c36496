/**
 * The construct as the npm package other cdktf apps install: `npm pack` holds the compiled construct, its
 * declarations and the bindings and nothing of the app or the review tools; a throwaway app installs the tarball
 * with cdktf and constructs from the npm cache (offline), compiles docs/construct.md's example under strict TypeScript,
 * and synthesizes two clients for two orgs, each with its own aliased provider; and an app that brings its own
 * genesyscloud bindings (its own `cdktf get`) gives its provider to the construct.
 */
import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { cdktnEnv } from "../../scripts/cdktn-toolchain.cjs";
import { CDKTF_VERSION, CDKTN_VERSION, cdktfSynth, describeWithCdktn, run, toolchain } from "../support/cdktn";
import { SEED_ARTICLE_SCOPES } from "../support/seed-article";
import { tempDir } from "../support/temp-dir";

const root = join(__dirname, "../..");
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
const own = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const constructDoc = readFileSync(join(root, "docs/construct.md"), "utf8");

jest.setTimeout(120_000);

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false" } });
}

/** publint (pinned in package.json) on a tarball or a folder, strict: warnings fail too. */
function publint(target: string) {
  return spawnSync(process.execPath, [join(root, "node_modules/publint/src/cli.js"), "run", target, "--strict", "--pack", "false"], {
    encoding: "utf8",
  });
}

/** A consumer app whose genesyscloud provider class is its own, not the package's. */
const OWN_BINDINGS_APP = `import { App, TerraformStack } from "cdktf";
import { ServiceCloudVoiceOAuthClient } from "genesys-scv-oauth-client";
import { GenesyscloudProvider } from "./bindings/provider";

const app = new App();
const stack = new TerraformStack(app, "own-bindings");
const provider = new GenesyscloudProvider(stack, "genesyscloud", { alias: "mine", awsRegion: "eu-west-1" });
new ServiceCloudVoiceOAuthClient(stack, "acme", { provider, myDomain: "acme", grantType: "authorization-code" });
app.synth();
`;

/**
 * Two builds in one process: both entries loaded (in the order ORDER names), a stack of each flavour with a client made
 * through each entry's construct and provider (a name of the limit's length in characters TypeBox would count
 * twice: the schema's own check reads it), bad props refused by each, both stacks synthesized into OUT/<flavour>.
 */
const BOTH_ENTRIES_APP = `const entries = {
  cdktf: () => require("genesys-scv-oauth-client"),
  cdktn: () => require("genesys-scv-oauth-client/cdktn"),
};
const order = process.env.ORDER.split(",");
const loaded = Object.fromEntries(order.map((flavour) => [flavour, entries[flavour]()]));
const refused = {};
for (const flavour of order) {
  const entry = loaded[flavour];
  const { App, TerraformStack } = require(flavour);
  const app = new App({ outdir: process.env.OUT + "/" + flavour });
  const stack = new TerraformStack(app, "service-cloud-voice");
  const provider = new entry.GenesyscloudProvider(stack, "genesyscloud", { alias: "us", awsRegion: "us-east-1" });
  new entry.ServiceCloudVoiceOAuthClient(stack, "acme", { provider, myDomain: "acme", name: "\u{1F4DE}".repeat(200) });
  try {
    new entry.ServiceCloudVoiceOAuthClient(stack, "bad", { provider, myDomain: "-acme", grantType: "implict" });
  } catch (error) {
    refused[flavour] = error.problems.map((p) => p.path.join("."));
  }
  app.synth();
}
console.log(JSON.stringify(refused));
`;

/**
 * A cdktn app that takes the construct from the /cdktn entry but one class (BINDING) from the main entry, the cdktf
 * build: the provider it gives the construct, or the main entry's construct beside it.
 */
const MIXED_ENTRIES_APP = `const { App, TerraformStack } = require("cdktn");
const { ServiceCloudVoiceOAuthClient } = require("genesys-scv-oauth-client/cdktn");
const main = require("genesys-scv-oauth-client");
const app = new App();
const stack = new TerraformStack(app, "service-cloud-voice");
const binding = process.env.BINDING;
const configs = { ServiceCloudVoiceOAuthClient: { myDomain: "other" } };
if (binding === "GenesyscloudProvider") {
  const provider = new main.GenesyscloudProvider(stack, "genesyscloud", { alias: "us", awsRegion: "us-east-1" });
  new ServiceCloudVoiceOAuthClient(stack, "acme", { provider, myDomain: "acme" });
} else {
  new ServiceCloudVoiceOAuthClient(stack, "acme", { myDomain: "acme" });
  new main[binding](stack, "other", configs[binding]);
}
app.synth();
`;

let packed: { filename: string; files: { path: string }[]; size: number; entryCount: number };
const work = tempDir("consumer-");

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/package.mjs"], { cwd: root, stdio: "pipe" });
  // --ignore-scripts: prepare would regenerate .gen/ under the other test files' feet; the build is the line above.
  [packed] = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", work], root));
});

describe("npm pack", () => {
  it("holds the compiled construct, its declarations and the bindings; and the CLI as one bundled file, init's templates, the schema and the docs", () => {
    const all = packed.files.map((f) => f.path).sort();
    // The docs' pages, which messages cite and `help` prints where the tool is installed, and the generated docs/api/
    // they link to.
    const docs = readdirSync(join(root, "docs"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`);
    const cli = ["dist/cli/genesys-scv-oauth-client.js", "deployments.schema.json", ...docs];
    expect(all.filter((f) => !f.startsWith("dist/package/") && !f.startsWith("templates/config-repository/"))).toEqual(
      ["LICENSE", "README.md", ...cli, "package.json"].sort(),
    );
    // Every relative link of a shipped page leads to a shipped file: no page cites one the user does not have.
    for (const page of docs) {
      const text = readFileSync(join(root, page), "utf8");
      for (const [, target] of text.matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)/g)) {
        const linked = join(dirname(page), target);
        expect([page, target, all.includes(linked)]).toEqual([page, target, true]);
      }
    }
    const files = all.filter((f) => f.startsWith("dist/package/"));
    const modules = [
      ...["index", "service-cloud-voice-oauth-client", "oauth-client-settings", "props-schema"].map((m) => `construct/${m}`),
      ...["salesforce", "scopes", "problems", "plain-text", "policy"].map((m) => `shared/${m}`),
    ];
    for (const module of modules) {
      expect(files).toContain(`dist/package/lib/${module}.js`);
      expect(files).toContain(`dist/package/lib/${module}.d.ts`);
    }
    // The bindings the construct uses, and no other: the provider a user passes, the resource it makes.
    const bindings = files.filter((f) => f.startsWith("dist/package/.gen/providers/genesyscloud/"));
    expect([...new Set(bindings.map((f) => f.split("/")[5]))].sort()).toEqual(["oauth-client", "provider"]);
    for (const binding of ["provider", "oauth-client"]) {
      expect(files).toContain(`dist/package/.gen/providers/genesyscloud/${binding}/index.js`);
      expect(files).toContain(`dist/package/.gen/providers/genesyscloud/${binding}/index.d.ts`);
    }
    // The /cdktn entry's tree: the same files, each once more under dist/package/cdktn/.
    const main = files.filter((f) => !f.startsWith("dist/package/cdktn/"));
    expect(files.filter((f) => f.startsWith("dist/package/cdktn/"))).toEqual(
      main.map((f) => f.replace("dist/package/", "dist/package/cdktn/")).sort(),
    );
    expect(
      files.filter((f) =>
        /__tests__|fixtures|\/app\/|\/review\/|plan-summary|deployments|check|internal|json-input|\.ts$(?<!\.d\.ts)/.test(f),
      ),
    ).toEqual([]);
    console.log(`package: ${packed.filename}, ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} kB`);
  });

  it("passes publint, the npm packaging linter, with nothing to report even in strict mode", () => {
    const run = publint(join(work, packed.filename));
    expect(run.stdout).toContain("All good!");
    expect(run.status).toBe(0);
  });

  it("publint does catch a package whose entry is missing", () => {
    const broken = join(tempDir("publint-"), "package");
    execFileSync("mkdir", ["-p", broken]);
    writeFileSync(
      join(broken, "package.json"),
      JSON.stringify({ ...own, exports: { ".": { types: "./missing.d.ts", default: "./missing.js" } } }),
    );
    const run = publint(broken);
    expect(run.stdout).toMatch(/missing/);
    expect(run.status).not.toBe(0);
  });

  it("declares cdktf and constructs as peers (cdktf-cli an optional one, for the CLI; cdktn an optional one, for the /cdktn entry), and depends on @sinclair/typebox (the props' schema) and fastest-levenshtein (the nearest key a typo meant) only", () => {
    expect(own.peerDependencies).toEqual({ cdktf: "^0.21.0", constructs: "^10.3.0", "cdktf-cli": "^0.21.0", cdktn: "^0.24.0" });
    expect(own.peerDependenciesMeta).toEqual({ "cdktf-cli": { optional: true }, cdktn: { optional: true } });
    expect(own.bin).toEqual({ "genesys-scv-oauth-client": "dist/cli/genesys-scv-oauth-client.js" });
    expect(own.dependencies).toEqual({ "@sinclair/typebox": "0.34.52", "fastest-levenshtein": "1.0.16" });
    expect(own.exports["."]).toEqual({
      types: "./dist/package/lib/construct/index.d.ts",
      default: "./dist/package/lib/construct/index.js",
    });
    // The same build for cdktn apps (scripts/package.mjs, docs/cdk-terrain.md).
    expect(own.exports["./cdktn"]).toEqual({
      types: "./dist/package/cdktn/lib/construct/index.d.ts",
      default: "./dist/package/cdktn/lib/construct/index.js",
    });
    // The internal entry (the app's and the review tools' toolbox) is not published.
    expect(Object.keys(own.exports)).toEqual([".", "./cdktn", "./package.json"]);
  });
});

describe("a consumer's cdktf app", () => {
  const app = join(work, "app");
  const example = /<!-- consumer-example: start -->\n```ts\n([\s\S]*?)```\n<!-- consumer-example: end -->/.exec(constructDoc)?.[1];

  beforeAll(() => {
    execFileSync("mkdir", ["-p", app]);
    execFileSync("cp", [join(work, packed.filename), join(app, "package.tgz")]);
    // The consumer's lockfile names cdktf and constructs as this repository's does (version and integrity), so that
    // `npm ci --offline` takes them from the npm cache that this repository's `npm ci` filled.
    const packages: Record<string, object> = {};
    for (const [path, entry] of Object.entries(lock.packages as Record<string, Record<string, unknown>>)) {
      if (/^node_modules\/(cdktf|constructs|fastest-levenshtein|@sinclair\/typebox)(\/|$)/.test(path))
        packages[path] = { ...entry, dev: undefined };
    }
    const dependencies = { cdktf: "0.21.0", constructs: "10.4.2", [own.name]: "file:package.tgz" };
    packages[""] = { name: "consumer", dependencies };
    packages[`node_modules/${own.name}`] = {
      version: own.version,
      resolved: "file:package.tgz",
      integrity: `sha512-${createHash("sha512")
        .update(readFileSync(join(app, "package.tgz")))
        .digest("base64")}`,
      dependencies: own.dependencies,
      peerDependencies: own.peerDependencies,
      peerDependenciesMeta: own.peerDependenciesMeta,
      bin: own.bin,
    };
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, dependencies }, null, 2));
    writeFileSync(
      join(app, "package-lock.json"),
      JSON.stringify({ name: "consumer", lockfileVersion: 3, requires: true, packages }, null, 2),
    );
    npm(["ci", "--offline"], app);
    writeFileSync(join(app, "main.ts"), example ?? "");
    // The consumer's own `cdktf get`: the same generator's output for the same provider, a class of its own.
    execFileSync("mkdir", ["-p", join(app, "bindings")]);
    execFileSync("cp", [join(root, ".gen/providers/genesyscloud/provider/index.ts"), join(app, "bindings/provider.ts")]);
    writeFileSync(join(app, "own-bindings.ts"), OWN_BINDINGS_APP);
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "commonjs", strict: true, noUnusedLocals: true, types: [], skipLibCheck: false },
      }),
    );
  });

  it("installs the package, its peers and its two dependencies only: nothing of the app or the review tools", () => {
    expect(
      readdirSync(join(app, "node_modules"))
        .filter((f) => !f.startsWith("."))
        .sort(),
    ).toEqual(["@sinclair", "cdktf", "constructs", "fastest-levenshtein", own.name]);
    expect(readdirSync(join(app, "node_modules/@sinclair"))).toEqual(["typebox"]);
    // The construct's entry and what it loads: dist/package. The CLI beside it is one bundled file the construct never loads.
    const installed = join(app, "node_modules", own.name, "dist/package");
    const everything = execFileSync("find", [installed, "-type", "f"], { encoding: "utf8" });
    expect(everything).not.toMatch(/ajv|jsonc|deployments|plan-summary|check\.js|backend/);
  });

  it("compiles docs/construct.md's example, and an app with its own bindings, under strict TypeScript", () => {
    expect(example).toBeDefined();
    const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "."], { cwd: app, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });

  it("gives the construct a provider from the consumer's own bindings", () => {
    const outdir = join(app, "cdktf.out.own");
    const run = spawnSync(process.execPath, ["own-bindings.js"], {
      cwd: app,
      encoding: "utf8",
      env: { ...process.env, CDKTF_OUTDIR: outdir },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(outdir, "stacks/own-bindings/cdk.tf.json"), "utf8"));
    expect(json.provider.genesyscloud).toEqual([{ alias: "mine", aws_region: "eu-west-1" }]);
    const [client] = Object.values(json.resource.genesyscloud_oauth_client) as any[];
    expect(client.provider).toBe("genesyscloud.mine");
  });

  it("synthesizes two clients, each with the article's settings and its own org's provider", () => {
    const outdir = join(app, "cdktf.out");
    const run = spawnSync(process.execPath, ["main.js"], { cwd: app, encoding: "utf8", env: { ...process.env, CDKTF_OUTDIR: outdir } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(outdir, "stacks/service-cloud-voice/cdk.tf.json"), "utf8"));
    expect(json.provider.genesyscloud).toEqual([
      { alias: "us", aws_region: "us-east-1" },
      { alias: "eu", aws_region: "eu-central-1" },
    ]);
    const clients = Object.values(json.resource.genesyscloud_oauth_client) as any[];
    const summary = clients.map((c) => [c.provider, c.registered_redirect_uris, c.authorized_grant_type, c.access_token_validity_seconds]);
    expect(summary.sort()).toEqual([
      ["genesyscloud.eu", ["https://acme-eu--uat.sandbox.lightning.force.com/lightning/page/home"], "CODE", 43200],
      ["genesyscloud.us", ["https://acme.lightning.force.com/lightning/page/home"], "TOKEN", 86400],
    ]);
    for (const client of clients) expect(client.scopes).toEqual(SEED_ARTICLE_SCOPES);
    expect(existsSync(join(outdir, "manifest.json"))).toBe(true);
  });
});

/**
 * The same tarball in a CDK Terrain app (docs/cdk-terrain.md): plain `npm install` (real peer resolution, no --force)
 * of cdktn 0.24 and constructs 10.6 with it, from the npm cache that tools/cdktn's install filled; docs/cdk-terrain.md's
 * example compiles under strict TypeScript against cdktn's declarations, loads no cdktf, and the real `cdktn synth`
 * (Node 22) writes what the same example writes on cdktf 0.21 through the package's main entry, JSON and HCL.
 */
describeWithCdktn()("a consumer's cdktn app", () => {
  const app = join(work, "cdktn-app");
  const terrainDoc = readFileSync(join(root, "docs/cdk-terrain.md"), "utf8");
  const example = /<!-- cdktn-example: start -->\n```ts\n([\s\S]*?)```\n<!-- cdktn-example: end -->/.exec(terrainDoc)?.[1];
  const cdktfExample = /<!-- consumer-example: start -->\n```ts\n([\s\S]*?)```\n<!-- consumer-example: end -->/.exec(constructDoc)?.[1];
  const dependencies = { cdktn: CDKTN_VERSION, constructs: "10.6.0", [own.name]: "file:package.tgz" };

  beforeAll(() => {
    execFileSync("mkdir", ["-p", join(app, "bindings")]);
    execFileSync("cp", [join(work, packed.filename), join(app, "package.tgz")]);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "cdktn-consumer", private: true, dependencies }, null, 2));
    npm(["install", "--prefer-offline", "--ignore-scripts"], app);
    writeFileSync(join(app, "main.ts"), example ?? "");
    // The same example on cdktf 0.21, through the package's main entry and the cdktf npm installed as its peer.
    writeFileSync(join(app, "cdktf-main.ts"), cdktfExample ?? "");
    // A user's mistake: a cdktn app that imports the package's main entry, the cdktf build.
    writeFileSync(join(app, "mixed.ts"), cdktfExample?.replace('from "cdktf"', 'from "cdktn"') ?? "");
    writeFileSync(join(app, "both-entries.js"), BOTH_ENTRIES_APP);
    writeFileSync(join(app, "mixed-entries.js"), MIXED_ENTRIES_APP);
    // The consumer's own `cdktn get`: tools/cdktn's bindings, a provider class of its own.
    execFileSync("cp", [join(toolchain.bindings, "providers/genesyscloud/provider/index.ts"), join(app, "bindings/provider.ts")]);
    writeFileSync(
      join(app, "own-bindings.ts"),
      OWN_BINDINGS_APP.replace('from "cdktf"', 'from "cdktn"').replace(
        'from "genesys-scv-oauth-client"',
        'from "genesys-scv-oauth-client/cdktn"',
      ),
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "commonjs", strict: true, noUnusedLocals: true, types: [], skipLibCheck: false },
      }),
    );
    // cdktn keeps cdktf.json; the cdktf run names its own app (--app).
    writeFileSync(
      join(app, "cdktf.json"),
      JSON.stringify({ language: "typescript", app: "node main.js", sendCrashReports: "false", terraformProviders: [], context: {} }),
    );
  });

  it("is docs/construct.md's example with the imports of cdktn and of the package's /cdktn entry", () => {
    expect(example).toBeDefined();
    expect(example).toBe(
      cdktfExample
        ?.replace('from "cdktf"', 'from "cdktn"')
        .replace('from "genesys-scv-oauth-client"', 'from "genesys-scv-oauth-client/cdktn"'),
    );
  });

  it("npm installs the package with cdktn as it is (no --force), and cdktf 0.21 as the main entry's peer", () => {
    const installed = (name: string) => JSON.parse(readFileSync(join(app, "node_modules", name, "package.json"), "utf8")).version;
    expect([installed("cdktn"), installed("constructs"), installed(own.name), installed("cdktf")]).toEqual([
      CDKTN_VERSION,
      "10.6.0",
      own.version,
      CDKTF_VERSION,
    ]);
  });

  it("a cdktf app still resolves the package's peers without --force", () => {
    const cdktfApp = join(work, "cdktf-resolve");
    execFileSync("mkdir", ["-p", cdktfApp]);
    execFileSync("cp", [join(work, packed.filename), join(cdktfApp, "package.tgz")]);
    const cdktfDependencies = { cdktf: CDKTF_VERSION, constructs: "10.4.2", [own.name]: "file:package.tgz" };
    writeFileSync(
      join(cdktfApp, "package.json"),
      JSON.stringify({ name: "cdktf-consumer", private: true, dependencies: cdktfDependencies }),
    );
    npm(["install", "--package-lock-only", "--prefer-offline", "--ignore-scripts"], cdktfApp);
    const resolved = JSON.parse(readFileSync(join(cdktfApp, "package-lock.json"), "utf8")).packages;
    expect(resolved["node_modules/cdktf"].version).toBe(CDKTF_VERSION);
    expect(resolved["node_modules/cdktn"]).toBeUndefined();
  });

  it("compiles the example, and an app with its own cdktn bindings, under strict TypeScript against cdktn", () => {
    const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "."], { cwd: app, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });

  it("the /cdktn entry loads cdktn and never cdktf", () => {
    const probe = `require("genesys-scv-oauth-client/cdktn");
const loaded = Object.keys(require.cache).map((f) => /node_modules\\/(cdkt[fn])\\//.exec(f)?.[1]).filter(Boolean);
console.log(JSON.stringify([...new Set(loaded)]));`;
    const run = spawnSync(toolchain.node!, ["-e", probe], { cwd: app, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual(["cdktn"]);
  });

  it("a cdktn app that imports the main entry gets one message at its first class from it (the provider) naming the /cdktn entry, not cdktn's TypeError at synth", () => {
    const run = spawnSync(toolchain.node!, ["mixed.js"], {
      cwd: app,
      encoding: "utf8",
      env: { ...process.env, CDKTF_OUTDIR: join(app, "mixed.out") },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'Error: The stack "service-cloud-voice" is a cdktn stack, but this GenesyscloudProvider was loaded from the package\'s cdktf entry, whose resources a cdktn stack cannot synthesize: import it from "genesys-scv-oauth-client/cdktn".',
    );
    expect(run.stderr).not.toMatch(/TypeError|_resetResolveDiscoveredProviderFeatureUsage/);
  });

  it.each(["cdktf,cdktn", "cdktn,cdktf"])(
    "two builds in one process (%s loaded first): each entry's construct validates its props and synthesizes in its flavour's stack",
    (order) => {
      const out = join(app, `both-entries.${order.replace(",", "-")}`);
      for (const flavour of ["cdktf", "cdktn"]) mkdirSync(join(out, flavour), { recursive: true });
      const run = spawnSync(toolchain.node!, ["both-entries.js"], {
        cwd: app,
        encoding: "utf8",
        env: { ...process.env, ORDER: order, OUT: out },
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ cdktf: ["myDomain", "grantType"], cdktn: ["myDomain", "grantType"] });
      const stack = (flavour: string) => JSON.parse(readFileSync(join(out, flavour, "stacks/service-cloud-voice/cdk.tf.json"), "utf8"));
      const [cdktf, cdktn] = [stack("cdktf"), stack("cdktn")];
      expect(cdktf["//"].metadata.version).toBe(CDKTF_VERSION);
      expect(cdktn["//"].metadata.version).toBe(CDKTN_VERSION);
      expect(cdktn.resource).toEqual(cdktf.resource);
      expect(Object.values(cdktf.resource.genesyscloud_oauth_client).map((c: any) => c.name)).toEqual(["\u{1F4DE}".repeat(200)]);
    },
  );

  it.each(["GenesyscloudProvider", "ServiceCloudVoiceOAuthClient"])(
    "a cdktn app with the construct from /cdktn but %s from the main entry gets one message naming the /cdktn entry, not cdktn's TypeError at synth",
    (binding) => {
      const run = spawnSync(toolchain.node!, ["mixed-entries.js"], {
        cwd: app,
        encoding: "utf8",
        env: { ...process.env, BINDING: binding, CDKTF_OUTDIR: join(app, `mixed-entries.${binding}.out`) },
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        `Error: The stack "service-cloud-voice" is a cdktn stack, but this ${binding} was loaded from the package's cdktf entry, whose resources a cdktn stack cannot synthesize: import it from "genesys-scv-oauth-client/cdktn".`,
      );
      expect(run.stderr).not.toMatch(/TypeError|_resetResolveDiscoveredProviderFeatureUsage/);
    },
  );

  it("gives the construct a provider from the consumer's own cdktn bindings", () => {
    const outdir = join(app, "cdktn.out.own");
    const run = spawnSync(toolchain.node!, ["own-bindings.js"], {
      cwd: app,
      encoding: "utf8",
      env: { ...process.env, CDKTF_OUTDIR: outdir },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const [client] = Object.values(
      JSON.parse(readFileSync(join(outdir, "stacks/own-bindings/cdk.tf.json"), "utf8")).resource.genesyscloud_oauth_client,
    ) as any[];
    expect(client.provider).toBe("genesyscloud.mine");
  });

  it.each(["json", "hcl"] as const)(
    "cdktn synth (%s, Node 22) writes what the cdktf example writes on cdktf 0.21, but for the flavour's version",
    async (form) => {
      const outdir = { cdktn: join(app, `cdktn.out.${form}`), cdktf: join(app, `cdktf.out.${form}`) };
      const cdktn = await run(
        toolchain.node!,
        [toolchain.cli, "synth", ...(form === "hcl" ? ["--hcl"] : []), "--output", outdir.cdktn],
        app,
        cdktnEnv(process.env, root),
      );
      expect(cdktn.status === 0 ? 0 : cdktn.stdout + cdktn.stderr).toBe(0);
      // The real cdktf synth too: each CLI formats the HCL the app writes.
      const cdktf = await cdktfSynth(["--app", "node cdktf-main.js", ...(form === "hcl" ? ["--hcl"] : [])], outdir.cdktf, {}, app);
      expect(cdktf.status === 0 ? 0 : cdktf.stdout + cdktf.stderr).toBe(0);
      const file = `stacks/service-cloud-voice/${form === "hcl" ? "cdk.tf" : "cdk.tf.json"}`;
      const version = form === "hcl" ? "stacks/service-cloud-voice/metadata.json" : file;
      const text = (dir: string, f: string) => readFileSync(join(dir, f), "utf8");
      expect(text(outdir.cdktn, version).replace(`"version": "${CDKTN_VERSION}"`, "<flavour>")).toBe(
        text(outdir.cdktf, version).replace(`"version": "${CDKTF_VERSION}"`, "<flavour>"),
      );
      expect(text(outdir.cdktn, file)).toBe(
        form === "hcl"
          ? text(outdir.cdktf, file)
          : text(outdir.cdktf, file).replace(`"version": "${CDKTF_VERSION}"`, `"version": "${CDKTN_VERSION}"`),
      );
      if (form === "hcl") expect(text(outdir.cdktn, file)).toMatch(/^resource "genesyscloud_oauth_client"/m);
    },
  );
});
