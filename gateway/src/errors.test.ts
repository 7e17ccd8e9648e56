import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { classifySubgraphFailure, dedupeUnavailableErrors, formatGatewayError, subgraphUnavailableError } from "./errors";
import { SUBGRAPH_UNAVAILABLE } from "@lib/graphql/error-codes";
import { SubgraphTimeoutError } from "./subgraph-fetcher";

const production = { development: false };
const development = { development: true };

function refused(): Error {
  return Object.assign(new Error("request to http://10.0.0.7:4004/graphql failed, reason: connect ECONNREFUSED"), { code: "ECONNREFUSED" });
}

describe("subgraphUnavailableError", () => {
  it("names the agency and keeps the URL out of the message", () => {
    const error = subgraphUnavailableError("welfare-partners", refused());
    expect(error.message).toBe("The welfare partners (복지기관) service is unavailable; its fields are null in this response.");
    expect(error.extensions).toEqual({ code: SUBGRAPH_UNAVAILABLE, serviceName: "welfare-partners", reason: "UNREACHABLE" });
    expect(error.originalError?.message).toMatch(/ECONNREFUSED/);
  });

  it("says when the subgraph was too slow", () => {
    const error = subgraphUnavailableError("job-centers", new SubgraphTimeoutError(10000), 10000);
    expect(error.message).toBe(
      "The employment centers (고용센터) service did not answer within 10 s; its fields are null in this response.",
    );
    expect(error.extensions.reason).toBe("TIMEOUT");
  });

  it("tells a 5xx (down) from a 4xx (unusable answer), with the status but not the body", () => {
    const http = (status: number) =>
      new GraphQLError(`${status}: x`, { extensions: { response: { url: "http://saeil:4003/graphql", status, body: "SQL" } } });
    const down = subgraphUnavailableError("saeil-centers", http(503));
    expect(down.message).toMatch(/^The women's reemployment centers \(새일센터\) service is unavailable;/);
    expect(down.extensions).toEqual({ code: SUBGRAPH_UNAVAILABLE, serviceName: "saeil-centers", reason: "HTTP_ERROR", status: 503 });
    expect(subgraphUnavailableError("saeil-centers", http(400)).message).toMatch(/sent an unusable response/);
  });

  it("quotes a subgraph it does not know", () => {
    expect(subgraphUnavailableError("pensions", refused()).message).toMatch(/^The "pensions" service is unavailable/);
  });
});

describe("classifySubgraphFailure", () => {
  it.each([
    [refused(), "UNREACHABLE"],
    [Object.assign(new Error("getaddrinfo ENOTFOUND saeil-centers"), { code: "ENOTFOUND" }), "UNREACHABLE"],
    [new SubgraphTimeoutError(5), "TIMEOUT"],
    [new SyntaxError("Unexpected token < in JSON"), "BAD_RESPONSE"],
    [new Error("Expected JSON response body, but received: <html>"), "BAD_RESPONSE"],
    [undefined, "UNREACHABLE"],
  ])("%s → %s", (error, reason) => {
    expect(classifySubgraphFailure(error).reason).toBe(reason);
  });
});

describe("formatGatewayError outside development", () => {
  const format = (formatted: GraphQLFormattedError, error?: unknown) => formatGatewayError(formatted, error, production);

  it.each(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"])(
    "keeps the message of %s but drops the stack",
    (code) => {
      const formatted = {
        message: "Syntax Error: Unexpected <EOF>.",
        locations: [{ line: 1, column: 3 }],
        extensions: { code, stacktrace: ["at parser.js:1"] },
      };
      expect(format(formatted)).toEqual({ message: formatted.message, locations: formatted.locations, extensions: { code } });
    },
  );

  it("masks the gateway's own unexpected errors, keeping path and locations", () => {
    const formatted = {
      message: "Cannot read properties of undefined (reading 'x') at /app/dist/gateway/src/server.js",
      path: ["region", "name"],
      extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["TypeError: …"] },
    };
    expect(format(formatted)).toEqual({
      message: "Internal server error",
      path: ["region", "name"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(format({ message: "no code at all" })).toEqual({
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });

  it("keeps a subgraph's message and code, drops its internals, keeps client-facing extensions", () => {
    const formatted = {
      message: "Internal server error",
      path: ["participant", "welfareReferrals"],
      extensions: {
        code: "INTERNAL_SERVER_ERROR",
        serviceName: "welfare-partners",
        stacktrace: ['QueryFailedError: relation "welfare_referral" does not exist'],
        exception: { query: "SELECT 1" },
        response: { url: "http://welfare-partners:4004/graphql" },
        query: "SELECT * FROM welfare_referral",
        validationErrors: [{ property: "year" }],
      },
    };
    expect(format(formatted)).toEqual({
      message: "Internal server error",
      path: ["participant", "welfareReferrals"],
      extensions: { code: "INTERNAL_SERVER_ERROR", serviceName: "welfare-partners", validationErrors: [{ property: "year" }] },
    });
  });

  it("passes SUBGRAPH_UNAVAILABLE through without its cause", () => {
    const error = subgraphUnavailableError("welfare-partners", refused());
    const formatted = {
      message: error.message,
      extensions: { ...error.extensions, stacktrace: ["Error: connect ECONNREFUSED 10.0.0.7:4004"] },
    };
    expect(format(formatted, error)).toEqual({
      message: "The welfare partners (복지기관) service is unavailable; its fields are null in this response.",
      extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: "welfare-partners", reason: "UNREACHABLE" },
    });
  });
});

describe("formatGatewayError in development", () => {
  it("changes nothing but adds the cause of a subgraph failure", () => {
    const internal = { message: "boom", extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["Error: boom"] } };
    expect(formatGatewayError(internal, new Error("boom"), development)).toBe(internal);
    const error = subgraphUnavailableError("welfare-partners", refused());
    const formatted = formatGatewayError({ message: error.message, extensions: { ...error.extensions } }, error, development);
    expect(formatted.extensions?.cause).toMatch(/ECONNREFUSED/);
  });
});

describe("dedupeUnavailableErrors", () => {
  it("reports each unavailable subgraph once and keeps every other error", () => {
    const down = (serviceName: string) => ({ message: `${serviceName} down`, extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName } });
    const other = { message: "bad", path: ["a"], extensions: { code: "BAD_USER_INPUT" } };
    const errors = [down("welfare-partners"), other, down("welfare-partners"), down("saeil-centers"), other];
    expect(dedupeUnavailableErrors(errors)).toEqual([down("welfare-partners"), other, down("saeil-centers"), other]);
  });
});
