/**
 * The HCL export writes lifecycle conditions as blocks and depends_on and ignore_changes as references, which cdktf
 * 0.21's renderer alone does not; the JSON output stays as cdktf writes it. The rewriting is an Aspect, run at synth:
 * what is set after construction is in both forms. (End to end, with Terraform: __tests__/e2e/hcl-export.e2e.ts.)
 */
import { App, Aspects, LocalBackend, TerraformStack } from "cdktf";
import { readFileSync } from "fs";
import { join } from "path";
import { GenesyscloudProvider, ServiceCloudVoiceOAuthClient } from "../../lib/construct";
import { HCL_EXPORT, hclQuoted } from "../../lib/construct/hcl-export";
import { synthHclExportStack as synth } from "../support/hcl-export-stack";
import { tempDir } from "../support/temp-dir";

const clientOf = (json: string) => Object.values(JSON.parse(json).resource.genesyscloud_oauth_client)[0] as any;

describe("the HCL export", () => {
  const hcl = synth("hcl");

  it("writes preconditions and postconditions as blocks, never as attributes", () => {
    expect(hcl.match(/^\s*precondition \{$/gm)?.length).toBe(1);
    expect(hcl.match(/^\s*postcondition \{$/gm)?.length).toBe(1);
    expect(hcl).not.toMatch(/(pre|post)condition\s*=/);
    expect(hcl).toMatch(/lifecycle \{\s*prevent_destroy = true\s*precondition \{/);
  });

  it("writes depends_on as a reference, not a string", () => {
    expect(hcl).toMatch(/depends_on\s*=\s*\[data\.genesyscloud_organizations_me\.me\]/);
  });
});

describe("the JSON output", () => {
  it("is as cdktf writes it: lifecycle conditions as lists, depends_on as address strings", () => {
    const text = synth("json");
    const json = JSON.parse(text);
    const client = clientOf(text);
    expect(client.lifecycle.prevent_destroy).toBe(true);
    expect(client.lifecycle.precondition).toHaveLength(1);
    expect(client.depends_on).toEqual(["data.genesyscloud_organizations_me.me"]);
    expect(json.data.genesyscloud_organizations_me.me.lifecycle).toEqual({
      postcondition: [{ condition: '${self.id != ""}', error_message: "No org for ${self.name}." }],
    });
  });
});

describe("a lifecycle changed after construction", () => {
  const change = (client: ServiceCloudVoiceOAuthClient) => {
    client.resource.lifecycle = { ...client.resource.lifecycle, preventDestroy: false, ignoreChanges: ["description", "scopes"] };
  };

  it("is in the JSON", () => {
    const { lifecycle } = clientOf(synth("json", change));
    expect(lifecycle.prevent_destroy).toBe(false);
    expect(lifecycle.ignore_changes).toEqual(["description", "scopes"]);
    expect(lifecycle.precondition).toHaveLength(1);
  });

  it("is in the HCL, its ignore_changes as references", () => {
    const hcl = synth("hcl", change);
    expect(hcl).toMatch(/lifecycle \{\s*prevent_destroy = false\s*ignore_changes = \[description, scopes\]\s*precondition \{/);
    expect(hcl).not.toMatch(/prevent_destroy = true/);
  });

  it("ignore_changes = all is the keyword", () => {
    const hcl = synth("hcl", (client) => (client.resource.lifecycle = { ...client.resource.lifecycle, ignoreChanges: "all" }));
    expect(hcl).toMatch(/ignore_changes = all\n/);
  });
});

describe("literal text in the HCL export", () => {
  const text = 'C:\\ path "quoted" ${file("/etc/hostname")} %{if true}x%{endif} \\n $${kept}';

  /** The construct and a local backend with hostile literal text; `form` as in synth above. */
  function synthText(form: "json" | "hcl"): string {
    const outdir = tempDir("hcl-literal-");
    process.env.SYNTH_HCL_OUTPUT = String(form === "hcl");
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, "s");
    Aspects.of(stack).add(HCL_EXPORT);
    new LocalBackend(stack, { path: `/state/${text}.tfstate` });
    new GenesyscloudProvider(stack, "genesyscloud", { awsRegion: "us-east-1" });
    new ServiceCloudVoiceOAuthClient(stack, "c", { myDomain: "acme", description: text, grantType: "authorization-code" });
    app.synth();
    delete process.env.SYNTH_HCL_OUTPUT;
    return readFileSync(join(outdir, "stacks/s", form === "hcl" ? "cdk.tf" : "cdk.tf.json"), "utf8");
  }

  it("is a template only where it was one: the JSON escapes ${ and %{, a backend (never evaluated in JSON) keeps them", () => {
    const json = JSON.parse(synthText("json"));
    expect(clientOf(JSON.stringify(json)).description).toBe(
      'C:\\ path "quoted" $${file("/etc/hostname")} %%{if true}x%%{endif} \\n $$${kept}',
    );
    expect(json.terraform.backend.local.path).toBe(`/state/${text}.tfstate`);
  });

  it('is a quoted HCL string with \\, " escaped, for the resource and the backend alike', () => {
    const hcl = synthText("hcl");
    expect(hcl).toContain('description = "C:\\\\ path \\"quoted\\" $${file(\\"/etc/hostname\\")} %%{if true}x%%{endif} \\\\n $$${kept}"');
    expect(hcl).toContain(
      'path = "/state/C:\\\\ path \\"quoted\\" \\u0024{file(\\"/etc/hostname\\")} \\u0025{if true}x\\u0025{endif} \\\\n $\\u0024{kept}.tfstate"',
    );
  });

  it("keeps an interpolation's own quotes, and writes control characters as escapes", () => {
    expect(hclQuoted('a "b" ${lower("X")} %{if c == "d"}e%{endif}', true)).toBe('a \\"b\\" ${lower("X")} %{if c == "d"}e%{endif}');
    expect(hclQuoted("line\nbreak\ttab\u0001", false)).toBe("line\\nbreak\\ttab\\u0001");
  });
});

describe("a migration retired by forgetting: the removed block", () => {
  /** The construct at retire, forget (the default), and the stack's files in `form`: the stack and its metadata. */
  function synthRetired(form: "json" | "hcl"): string {
    const outdir = tempDir("hcl-removed-");
    process.env.SYNTH_HCL_OUTPUT = String(form === "hcl");
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, "s");
    Aspects.of(stack).add(HCL_EXPORT);
    new GenesyscloudProvider(stack, "genesyscloud", { awsRegion: "us-east-1" });
    new ServiceCloudVoiceOAuthClient(stack, "c", { myDomain: "acme", migration: { step: "retire" } });
    app.synth();
    delete process.env.SYNTH_HCL_OUTPUT;
    return readFileSync(join(outdir, "stacks/s", form === "hcl" ? "cdk.tf" : "cdk.tf.json"), "utf8");
  }

  it("is in the JSON, as the stack's override", () => {
    expect(JSON.parse(synthRetired("json")).removed).toEqual([
      { from: "genesyscloud_oauth_client.c_client_B1E80124", lifecycle: { destroy: false } },
    ]);
  });

  // That Terraform reads it (validate, and the same plan as the JSON): __tests__/e2e/hcl-export.e2e.ts.
  it("is in the HCL too, the same block with its address as a reference", () => {
    const [removed] = JSON.parse(synthRetired("json")).removed;
    const hcl = synthRetired("hcl");
    expect(hcl).toContain(`removed {\n  from = ${removed.from}\n  lifecycle {\n    destroy = false\n  }\n}`);
    expect(hcl.match(/^removed \{$/gm)).toHaveLength(1);
    // The authorization-code client stays, once.
    expect(hcl.match(/^resource "genesyscloud_oauth_client"/gm)).toHaveLength(1);
  });
});
