/**
 * Drift that names who, on the real provider: a redirect URI added by one person, then the client deleted by another,
 * each named in `diff`'s output (and in `drift --json`, which the workflows read), from the emulator's audit; the
 * plan over the deleted client answers within seconds instead of retrying its 404 for five minutes.
 */
import { ACME, BIN, deployment, expectSuccess, Harness, root, runCommand, useHarness } from "./harness";
import { DriftReport } from "../../lib/shared/drift-report";

const harness = useHarness();
const ANN = { kind: "user", id: "0a0a0a0a-1111-4111-8111-0000000000a1", name: "Ann Admin" };
const BOB = { kind: "user", id: "0b0b0b0b-2222-4222-8222-0000000000b2", name: "Bob Builder" };
const HOME = "https://acme.lightning.force.com/lightning/page/home";
const ADDED = "https://acme--dev.sandbox.lightning.force.com/lightning/page/home";
let id: string;

/** A change made by hand, as a person in the admin UI makes it: the emulator records `actor` in its audit. */
const byHand = (h: Harness, method: string, body: object | undefined, actor: object) =>
  h.emulator.byHand(ACME, method, `/api/v2/oauth/clients/${id}`, body, actor);
const drift = (h: Harness) => runCommand(process.execPath, [BIN, "drift", "us", "--json"], root, h.env);

it("deploys the client, and diff then shows nothing changed outside the code", async () => {
  const h = harness();
  h.writeDeployments([deployment("us", "acme")]);
  await expectSuccess(h.npmRun("deploy", ["us", "--auto-approve"]));
  id = h.emulator.clientsOf(ACME.id)[0].id;
  const diff = await h.npmRun("diff", ["us"]);
  expect(diff.status).toBe(0);
  expect(diff.stderr).not.toContain("outside the code");
});

it("a redirect URI added by hand: diff names who added it, when, and the audit's old and new values", async () => {
  const h = harness();
  const client = h.emulator.clients.get(id)!;
  const { secret: _secret, id: _id, dateCreated: _d, ...fields } = client;
  await byHand(h, "PUT", { ...fields, registeredRedirectUri: [HOME, ADDED] }, ANN);
  const diff = await h.npmRun("diff", ["us"]);
  expect(diff.status).toBe(0);
  expect(diff.stderr).toContain(
    `us: client ${id} changed outside the code since the last apply:\n  registered_redirect_uris: ${HOME} (in state) -> ${[HOME, ADDED].sort().join(", ")} (in the org)\n    changed by user Ann Admin (${ANN.id}) at `,
  );
  expect(diff.stderr).toMatch(new RegExp(`the audit recorded registeredRedirectUri: ${HOME} -> ${HOME}, ${ADDED}`));
  const reports = JSON.parse(await expectSuccess(drift(h))) as DriftReport[];
  expect(reports).toEqual([
    expect.objectContaining({
      deployment: "us",
      clientId: id,
      client: "changed",
      audit: expect.objectContaining({ kind: "read" }),
      attributes: [expect.objectContaining({ attribute: "registered_redirect_uris", changedBy: expect.objectContaining({ actor: ANN }) })],
    }),
  ]);
});

it("the client deleted by another: diff says so at once, with who, and plans a new client within seconds", async () => {
  const h = harness();
  const { secret: _secret, id: _id, dateCreated: _d, ...fields } = h.emulator.clients.get(id)!;
  await byHand(h, "PUT", { ...fields, state: "inactive" }, BOB);
  await byHand(h, "DELETE", undefined, BOB);
  const started = Date.now();
  const diff = await h.npmRun("diff", ["us"]);
  const seconds = (Date.now() - started) / 1000;
  console.log(`diff over a client deleted by hand (${h.engine.name}, real provider): ${seconds.toFixed(1)} s`);
  expect(diff.status).toBe(0);
  expect(diff.stderr).toContain(`us: client ${id} was deleted outside the code by user Bob Builder (${BOB.id}) at `);
  expect(diff.stdout).toMatch(/will be created/);
  // The provider's 404 retry is 5 minutes unless set (the tool's diff of 51147bd was still at it after 120 s here): the
  // plan read the 404 once. The bound leaves room for synth and the plan on a loaded 2-core machine (~40 s measured).
  expect(seconds).toBeLessThan(120);
  const [report] = JSON.parse(await expectSuccess(drift(h))) as DriftReport[];
  expect(report).toMatchObject({ client: "deleted", deletedBy: { action: "Delete", actor: BOB } });
});
