/**
 * CDK Terrain (cdktn 0.24, the community fork of archived cdktf) runs the app and writes what cdktf 0.21 writes. For
 * every deployments file below, the real `cdktf synth` (cdktf 0.21, this Node) and the real `cdktn synth` (cdktn 0.24 on
 * Node 22, tools/cdktn; the app bundled with cdktf aliased to cdktn and the bindings of `cdktn get`) write the same
 * stacks: every file byte for byte, Terraform JSON and the HCL export, but for one line, the flavour's own version in
 * the "//" metadata ("version": "0.21.0" or "0.24.0"), and manifest.json (cdktf's file for its CLI, which Terraform
 * never reads) equal but for that version and its layout (cdktn writes an empty list as []).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { CDKTF_VERSION, CDKTN_VERSION, cdktfSynth, cdktnProject, cdktnSynth, describeWithCdktn, filesUnder, root } from "./support/cdktn";

jest.setTimeout(240_000);

/**
 * The deployments files: the shipped one and one with every shape the
 * other tests synthesize (sandbox, Lightning hosts of other clouds, extra redirect URIs and scopes, the PKCE grant, a
 * name and description Terraform must read literally, import, preventDestroy off, each migration step, the local,
 * S3 (lock file, DynamoDB, S3-compatible endpoint) and HCP Terraform backends, a gateway with path prefixes,
 * credentials prefixes, a second client allowed). Each in Terraform JSON and as the HCL export (`synth --hcl`). The
 * file `init` writes lists no deployment (its example, an S3 stack, is among every-shape.json's shapes).
 */
const CASES: [file: string, form: "json" | "hcl"][] = [
  ["deployments.json", "json"],
  ["deployments.json", "hcl"],
  ["__tests__/fixtures/deployments/every-shape.json", "json"],
  ["__tests__/fixtures/deployments/every-shape.json", "hcl"],
];

/** The one line each flavour writes differently: its version in the "//" metadata of each stack file. */
function withoutFlavourVersion(text: string, version: string): string {
  const line = `"version": "${version}"`;
  expect(text.split(line)).toHaveLength(2);
  return text.replace(line, `"version": "<flavour>"`);
}

const work = mkdtempSync(join(tmpdir(), "cdktn-compare-"));
let project: string;

describeWithCdktn()("cdktn 0.24 and cdktf 0.21 synthesize the same stacks", () => {
  beforeAll(() => {
    // What npm test ran before jest, again (under a second when nothing changed): the bindings follow the schema
    // snapshot and the app bundle follows lib/ when jest runs alone.
    const tools = spawnSync(process.execPath, ["scripts/cdktn-tools.mjs"], { cwd: root, encoding: "utf8" });
    expect(tools.status === 0 ? 0 : tools.stdout + tools.stderr).toBe(0);
    project = cdktnProject();
  });

  it.each(CASES)("%s (%s): the same files, byte for byte but for the flavour's version", async (file, form) => {
    const env = { DEPLOYMENTS_FILE: join(root, file) };
    const args = form === "hcl" ? ["--hcl"] : [];
    const out = {
      cdktf: join(work, `${file.replace(/\W/g, "_")}-${form}-cdktf`),
      cdktn: join(work, `${file.replace(/\W/g, "_")}-${form}-cdktn`),
    };
    const started = Date.now();
    const [cdktf, cdktn] = await Promise.all([cdktfSynth(args, out.cdktf, env), cdktnSynth(project, args, out.cdktn, env)]);
    console.log(`${file} (${form}): both flavours in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // Each flavour's output when it fails (both print Terraform's warnings on stderr when they run fine).
    expect(cdktf.status === 0 ? 0 : cdktf.stdout + cdktf.stderr).toBe(0);
    expect(cdktn.status === 0 ? 0 : cdktn.stdout + cdktn.stderr).toBe(0);

    const files = filesUnder(out.cdktf);
    expect(filesUnder(out.cdktn)).toEqual(files);
    const stackFiles = files.filter((f) => f.startsWith("stacks/"));
    const main = form === "hcl" ? "cdk.tf" : "cdk.tf.json";
    const stacks = stackFiles.filter((f) => f.endsWith(`/${main}`));
    expect(stacks.length).toBeGreaterThan(0);
    expect(stackFiles.length).toBe(form === "hcl" ? 2 * stacks.length : stacks.length);

    for (const f of stackFiles) {
      const [a, b] = [readFileSync(join(out.cdktf, f), "utf8"), readFileSync(join(out.cdktn, f), "utf8")];
      if (f.endsWith(".json")) {
        expect(JSON.parse(a)["//"].metadata.version).toBe(CDKTF_VERSION);
        expect(JSON.parse(b)["//"].metadata.version).toBe(CDKTN_VERSION);
        expect(withoutFlavourVersion(b, CDKTN_VERSION)).toBe(withoutFlavourVersion(a, CDKTF_VERSION));
      } else expect(b).toBe(a);
    }

    const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect({ ...manifest(out.cdktn), version: "<flavour>" }).toEqual({ ...manifest(out.cdktf), version: "<flavour>" });
    expect(manifest(out.cdktn).version).toBe(CDKTN_VERSION);
  });
});
