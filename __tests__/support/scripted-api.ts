/**
 * A stand-in for odd API answers the emulator does not give: a server on 127.0.0.1 that answers each request as a
 * test's handler says (status, headers, body), or one that accepts connections and never answers. Tests only.
 */
import { createServer, IncomingMessage, Server } from "http";
import { AddressInfo, createServer as createTcpServer, Socket } from "net";
import { Deployment } from "../../lib/app/deployments/deployments";

export interface Scripted {
  readonly deployment: Deployment;
  /** "METHOD /path?query" of every request. */
  readonly requests: string[];
  close(): Promise<void>;
}

export type Answer = { status?: number; headers?: Record<string, string>; body?: unknown };

/** A deployment of `salesforce` whose gateway is a server answering with `handler`; log in with an access token. */
export async function scriptedApi(
  handler: (req: IncomingMessage) => Answer,
  salesforce: Deployment["salesforce"] = { myDomain: "acme" },
): Promise<Scripted> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const { status = 200, headers = {}, body } = handler(req);
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body ?? {}));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    deployment: gatewayDeployment((server.address() as AddressInfo).port, salesforce),
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A deployment whose gateway accepts connections and never answers a byte. */
export async function silentApi(): Promise<Scripted> {
  const sockets: Socket[] = [];
  const server = createTcpServer((socket) => void sockets.push(socket));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    deployment: gatewayDeployment((server.address() as AddressInfo).port, { myDomain: "acme" }),
    requests: [],
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

function gatewayDeployment(port: number, salesforce: Deployment["salesforce"]): Deployment {
  return {
    name: "production",
    genesysCloud: { region: "us-east-1", gateway: { host: "127.0.0.1", port, protocol: "http" } },
    salesforce,
  } as Deployment;
}

/** The variables that make the API calls use an access token: no login request. */
export const TOKEN_ENV = { GENESYSCLOUD_ACCESS_TOKEN: "test-token" };
