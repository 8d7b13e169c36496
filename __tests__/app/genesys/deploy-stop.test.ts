/** What stops a deploy (lib/app/genesys/deploy-stop.ts): one stop as data, said in the log and in the note beside a plan. */
import { DeployStop, stopInLog, stopInNote } from "../../../lib/app/genesys/deploy-stop";

const second: DeployStop = {
  deployment: "production",
  reason: "the org already has a client for Salesforce org acme.",
  undone: "Nothing was run.",
  details: [{ text: 'client 1111 "SCV"', listed: true }, { text: "Adopt it: npx genesys-scv-oauth-client adopt production --write" }],
};

describe("one stop, two forms: the log names the deployment and what the stop left undone; the note beside a plan neither", () => {
  it("the log: the name, the reason and what was not done on the first line; each detail indented, a client listed", () => {
    expect(stopInLog(second)).toBe(
      [
        "production: the org already has a client for Salesforce org acme. Nothing was run.",
        '  - client 1111 "SCV"',
        "  Adopt it: npx genesys-scv-oauth-client adopt production --write",
      ].join("\n"),
    );
  });

  it("said beside what the command did (stopped: false): nothing said undone", () => {
    expect(stopInLog(second, { stopped: false }).split("\n")[0]).toBe("production: the org already has a client for Salesforce org acme.");
  });

  it("the note: the reason, then one line each under it, without the name, without what was not done, without list marks", () => {
    expect(stopInNote(second)).toBe(
      [
        "the org already has a client for Salesforce org acme.",
        'client 1111 "SCV"',
        "Adopt it: npx genesys-scv-oauth-client adopt production --write",
      ].join("\n"),
    );
  });

  it("what cannot be told: '(… cannot be told: nothing was run)' in the log, '(… cannot be told)' in the note", () => {
    const stop: DeployStop = {
      deployment: "uat",
      reason: "could not read its state:\nAccess Denied",
      unknown: "whether its client is used",
    };
    expect(stopInLog(stop)).toBe(
      "uat: could not read its state:\nAccess Denied\n  (whether its client is used cannot be told: nothing was run)",
    );
    expect(stopInNote(stop)).toBe("could not read its state:\nAccess Denied\n(whether its client is used cannot be told)");
  });

  it("a reason that names the deployment its own way (an API's message) is not named again", () => {
    const stop: DeployStop = { deployment: "uat", reason: 'deployment "uat": Genesys Cloud answered 503', named: true };
    expect(stopInLog(stop)).toBe('deployment "uat": Genesys Cloud answered 503');
  });

  it("hidden characters from a state or the org are shown as escapes, line by line, in both forms", () => {
    const stop: DeployStop = { deployment: "uat", reason: "client \u001b[31mred\u202e", details: [{ text: "by \u0007bell" }] };
    expect(stopInLog(stop)).toBe("uat: client \\u001b[31mred\\u202e\n  by \\u0007bell");
    expect(stopInNote(stop)).toBe("client \\u001b[31mred\\u202e\nby \\u0007bell");
  });
});
