import { databaseName, subgraphVariable } from "@lib/subgraph/declaration";
import { SUBGRAPH_LIST } from "@subgraphs/registry";
import { GATEWAY_NODE_FLAGS, SUBGRAPH_NODE_FLAGS } from "../../scripts/support/node-flags";
import { DCLinter } from "dclint";
import { composeSchemaErrors, composePath, environmentOf, networksOf, readCompose, withDefaults } from "./support/compose-file";

const compose = readCompose();
const services = compose.services;
const agencies = SUBGRAPH_LIST.map((subgraph) => subgraph.name);
/** Values that name a user and password in a URL: `scheme://user:password@host`. */
const CREDENTIALS_IN_URL = /^[a-z]+:\/\/[^:/@]+:([^@]+)@/;
/** Whether `text` names `word` as a whole (`job-centers-db` is not named by `local-job-centers-db`). */
const names = (text: string, word: string) => new RegExp(`(^|[^\\w-])${word}($|[^\\w-])`).test(text);
/** Variables that hold a secret. */
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|PRIVATE/;

describe("docker-compose.yml", () => {
  it("is a Compose file by the compose-spec schema", () => {
    const errorsOf = composeSchemaErrors();
    expect(errorsOf(compose)).toEqual([]);
    // and the schema check bites: a misspelt key and a port of the wrong type are both reported
    const broken = structuredClone(compose);
    (broken.services.gateway as Record<string, unknown>).helthcheck = broken.services.gateway.healthcheck;
    broken.services.gateway.expose = [{ port: 4000 } as never];
    expect(errorsOf(broken).map((error) => error.instancePath)).toEqual(
      expect.arrayContaining(["/services/gateway", "/services/gateway/expose/0"]),
    );
  });

  it("has none of the errors dclint reports (security and correctness; its style warnings are not enforced)", () => {
    const [result] = new DCLinter({ rules: {}, quiet: true, debug: false, exclude: [] }).lintFiles([composePath], false);
    expect(result.messages.filter((message) => message.type === "error").map((message) => `${message.rule}: ${message.message}`)).toEqual(
      [],
    );
  });

  it("runs one PostgreSQL per agency, the events' broker, the setup job, the four subgraphs and the gateway", () => {
    expect(Object.keys(services).sort()).toEqual([...agencies, ...agencies.map((name) => `${name}-db`), "gateway", "nats", "setup"].sort());
  });

  it("checks the health of every long-running service; the one-shot setup job turns the image's check off", () => {
    const unchecked = Object.entries(services).filter(([, service]) => !service.healthcheck?.test || service.healthcheck.disable);
    expect(unchecked.map(([name]) => name)).toEqual(["setup"]);
    expect(services.setup.restart).toBe("no");
    for (const name of [...agencies, "gateway"]) expect(services[name].healthcheck?.test?.at(-1)).toContain("'/readyz'");
    for (const name of agencies) expect(services[`${name}-db`].healthcheck?.test?.at(-1)).toContain("pg_isready");
  });

  it("starts every service with the launcher's node flags (heap caps: scripts/support/node-flags.ts)", () => {
    for (const name of agencies) {
      expect(services[name].command).toEqual(["node", ...SUBGRAPH_NODE_FLAGS[name], "dist/subgraphs/bin.js", name]);
    }
    expect(services.gateway.command).toEqual(["node", ...GATEWAY_NODE_FLAGS, "dist/gateway/src/bin.js"]);
  });

  it("publishes only the gateway's port, on the host's loopback interface", () => {
    const publishing = Object.entries(services).filter(([, service]) => service.ports !== undefined);
    expect(publishing).toEqual([["gateway", expect.objectContaining({ ports: ["127.0.0.1:4000:4000"] })]]);
  });

  it("gives each subgraph its own database URL and no other", () => {
    for (const subgraph of SUBGRAPH_LIST) {
      const env = environmentOf(services[subgraph.name]);
      const url = new URL(withDefaults(env.DATABASE_URL));
      expect([url.hostname, url.port, url.pathname]).toEqual([`${subgraph.name}-db`, "5432", `/${databaseName(subgraph)}`]);
      const others = SUBGRAPH_LIST.filter((other) => other !== subgraph);
      const leaks = Object.entries(env).filter(([name, value]) =>
        others.some(
          (other) => names(value, `${other.name}-db`) || names(value, databaseName(other)) || name.startsWith(`${other.envPrefix}_`),
        ),
      );
      // the one exception: job-centers' GraphQL address, which the others ask whether a participant exists (never its database)
      expect(leaks.filter(([name]) => name !== "JOB_CENTERS_URL")).toEqual([]);
    }
  });

  it("lets only each agency's subgraph and the setup job reach its database", () => {
    const members = (network: string) => Object.keys(services).filter((name) => networksOf(services[name]).includes(network));
    for (const name of agencies) {
      expect(networksOf(services[`${name}-db`])).toEqual([`${name}-data`]);
      expect(members(`${name}-data`)).toEqual([`${name}-db`, "setup", name]);
    }
    expect(members("graph")).toEqual([...agencies, "gateway"]);
    // the broker: the subgraphs only, each told where it is; the gateway never sees events
    expect(members("events")).toEqual(["nats", ...agencies]);
    for (const name of agencies) expect(environmentOf(services[name]).NATS_URL).toBe("nats://nats:4222");
    expect(Object.keys(compose.networks ?? {}).sort()).toEqual(["events", "graph", ...agencies.map((name) => `${name}-data`)].sort());
  });

  it("points the gateway at each subgraph's service on the port that subgraph listens on", () => {
    const env = environmentOf(services.gateway);
    for (const subgraph of SUBGRAPH_LIST) {
      const port = environmentOf(services[subgraph.name]).PORT;
      expect(env[subgraphVariable(subgraph, "URL")]).toBe(`http://${subgraph.name}:${port}/graphql`);
      expect(services[subgraph.name].expose).toEqual([port]);
      expect(services.gateway.depends_on?.[subgraph.name]).toEqual({ condition: "service_healthy" });
    }
  });

  it("takes every secret from the environment, with a default that says it is for a demo only", () => {
    const secrets = Object.entries(services).flatMap(([service, definition]) =>
      Object.entries(environmentOf(definition)).flatMap(([name, value]) => {
        if (SECRET_NAME.test(name)) return [{ service, name, value }];
        const password = CREDENTIALS_IN_URL.exec(value)?.[1];
        return password === undefined ? [] : [{ service, name, value: password }];
      }),
    );
    // POSTGRES_PASSWORD of the 4 databases, setup's 4 URLs, each subgraph's URL, GATEWAY_SECRET of the 4 subgraphs and the gateway
    expect(secrets.length).toBe(4 + 4 + 4 + 5);
    const hardCoded = secrets.filter(({ value }) => !/^\$\{[A-Z_]+:-[a-z0-9-]*change-me[a-z0-9-]*\}$/.test(value));
    expect(hardCoded).toEqual([]);
  });

  it("runs the application containers read-only, without capabilities or privilege escalation", () => {
    for (const name of ["setup", ...agencies, "gateway"]) {
      const { read_only, cap_drop, security_opt } = services[name];
      expect({ name, read_only, cap_drop, security_opt }).toEqual({
        name,
        read_only: true,
        cap_drop: ["ALL"],
        security_opt: ["no-new-privileges:true"],
      });
    }
  });

  it("passes LOG_LEVEL and the OpenTelemetry settings to the gateway and every subgraph, tracing off unless asked", () => {
    for (const name of [...agencies, "gateway"]) {
      const env = environmentOf(services[name]);
      const observability = Object.fromEntries(
        Object.entries(env)
          .filter(([variable]) => variable === "LOG_LEVEL" || variable.startsWith("OTEL_"))
          .map(([variable, value]) => [variable, withDefaults(value)]),
      );
      // as Compose reads them from an empty environment: an empty endpoint, which the services take as unset
      expect({ name, ...observability }).toEqual({
        name,
        LOG_LEVEL: "info",
        OTEL_EXPORTER_OTLP_ENDPOINT: "",
        OTEL_EXPORTER_OTLP_HEADERS: "",
        OTEL_RESOURCE_ATTRIBUTES: "deployment.environment=compose",
        OTEL_SERVICE_NAME: `njsp-${name}`,
      });
      // and from the shell or .env when set there
      expect([env.LOG_LEVEL, env.OTEL_EXPORTER_OTLP_ENDPOINT]).toEqual(["${LOG_LEVEL:-info}", "${OTEL_EXPORTER_OTLP_ENDPOINT:-}"]);
    }
  });
});
