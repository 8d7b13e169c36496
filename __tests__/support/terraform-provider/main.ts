/**
 * The stand-in genesyscloud provider as a Terraform plugin process, for tests only: the go-plugin handshake,
 * plugin protocol 6 over gRPC with AutoMTLS, on 127.0.0.1. Terraform starts it through the filesystem mirror that
 * install.ts writes.
 */
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { join } from "path";
import { generate } from "selfsigned";
import { createProvider } from "./provider";
import { root } from "./schema";

const MAGIC_COOKIE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

async function main(): Promise<void> {
  if (process.env.TF_PLUGIN_MAGIC_COOKIE !== MAGIC_COOKIE) {
    process.stderr.write("This is a Terraform plugin for tests; Terraform starts it.\n");
    process.exit(1);
  }
  // Terraform stops plugins through StopProvider; a Ctrl-C reaches the whole process group, and an in-flight
  // apply must finish so that its state is saved.
  process.on("SIGINT", () => undefined);
  const log = (line: string) => process.stderr.write(`[genesyscloud-test-provider] ${line}\n`);

  const protoDir = join(root, "__tests__/support/terraform-provider");
  const options = { keepCase: true, longs: Number, enums: Number, defaults: true, oneofs: true };
  const tfplugin6 = grpc.loadPackageDefinition(protoLoader.loadSync(join(protoDir, "tfplugin6.proto"), options)).tfplugin6 as any;
  const plugin = grpc.loadPackageDefinition(protoLoader.loadSync(join(protoDir, "grpc-controller.proto"), options)).plugin as any;

  const handlers = createProvider(log);
  const server = new grpc.Server();
  server.addService(
    tfplugin6.Provider.service,
    Object.fromEntries(
      Object.entries(handlers).map(([name, handler]) => [
        name,
        (call: { request: unknown }, callback: grpc.sendUnaryData<object>) => {
          Promise.resolve()
            .then(() => handler(call.request))
            .then((response) => callback(null, response))
            .catch((e: Error) => {
              log(`${name} failed: ${e.stack}`);
              callback({ code: grpc.status.INTERNAL, details: e.message });
            });
        },
      ]),
    ),
  );
  server.addService(plugin.GRPCController.service, {
    Shutdown: (_: unknown, callback: grpc.sendUnaryData<object>) => {
      callback(null, {});
      setImmediate(() => server.tryShutdown(() => process.exit(0)));
    },
  });

  // AutoMTLS: a fresh certificate for "localhost", and only Terraform's own client certificate is accepted.
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, keyAgreement: true, keyCertSign: true },
      { name: "extKeyUsage", serverAuth: true, clientAuth: true },
      { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }] },
    ],
  });
  const clientCert = Buffer.from(process.env.PLUGIN_CLIENT_CERT ?? "");
  const credentials = grpc.ServerCredentials.createSsl(
    clientCert,
    [{ private_key: Buffer.from(pems.private), cert_chain: Buffer.from(pems.cert) }],
    true,
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", credentials, (e, p) => (e ? reject(e) : resolve(p))),
  );
  const der = Buffer.from(pems.cert.replace(/-----[^-]+-----|\s/g, ""), "base64");
  // The handshake line must be the first thing on stdout.
  process.stdout.write(`1|6|tcp|127.0.0.1:${port}|grpc|${der.toString("base64").replace(/=+$/, "")}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
