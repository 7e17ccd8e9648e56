import { EnvError, EnvReader, getEnvBool, getEnvNum, getEnvStr, isDevelopment } from "./env";

describe("getEnvStr", () => {
  it("reads a value, trimmed", () => {
    expect(getEnvStr({ HOST: " 127.0.0.1 " }, "HOST", "0.0.0.0")).toBe("127.0.0.1");
  });

  it("treats empty and blank values as unset", () => {
    expect(getEnvStr({ HOST: "" }, "HOST", "0.0.0.0")).toBe("0.0.0.0");
    expect(getEnvStr({ HOST: "   " }, "HOST", "0.0.0.0")).toBe("0.0.0.0");
  });

  it("throws naming the variable when a required one is missing", () => {
    expect(() => getEnvStr({}, "JWT_SECRET")).toThrow(new EnvError(["JWT_SECRET is required"]));
  });
});

describe("getEnvNum", () => {
  it("defaults to a port range and accepts its ends", () => {
    expect(getEnvNum({ PORT: "0" }, "PORT", 4000)).toBe(0);
    expect(getEnvNum({ PORT: "65535" }, "PORT", 4000)).toBe(65535);
    expect(getEnvNum({}, "PORT", 4000)).toBe(4000);
  });

  it.each(["80a", "1.5", "70000", "-1", "0x10", "1e3"])("rejects %j for a port, quoting it", (raw) => {
    expect(() => getEnvNum({ PORT: raw }, "PORT", 4000)).toThrow(`PORT must be an integer from 0 to 65535 (got ${JSON.stringify(raw)})`);
  });

  it("honours a custom range, negative numbers included", () => {
    expect(getEnvNum({ OFFSET: "-5" }, "OFFSET", 0, { min: -10, max: 10 })).toBe(-5);
    expect(() => getEnvNum({ POOL: "0" }, "POOL", 10, { min: 1, max: 200 })).toThrow(/POOL must be an integer from 1 to 200/);
  });
});

describe("getEnvBool", () => {
  it.each([
    ["1", true],
    ["TRUE", true],
    ["yes", true],
    ["0", false],
    ["False", false],
    ["no", false],
  ])("reads %j as %s", (raw, expected) => {
    expect(getEnvBool({ LOG_SQL: raw }, "LOG_SQL", !expected)).toBe(expected);
  });

  it("rejects anything else", () => {
    expect(() => getEnvBool({ LOG_SQL: "maybe" }, "LOG_SQL", false)).toThrow('LOG_SQL must be true or false (got "maybe")');
  });
});

describe("EnvReader", () => {
  it("reports every bad variable of one attempt at once", () => {
    const reader = new EnvReader({ PORT: "x", DEBUG: "perhaps", UPSTREAM: "ftp://host/graphql", OTHER: "not a url" });
    reader.num("PORT", 4000);
    reader.bool("DEBUG", false);
    reader.url("UPSTREAM", "http://localhost:4001/graphql");
    reader.url("OTHER", "http://localhost:4002/graphql");
    reader.str("REQUIRED");
    let thrown: unknown;
    try {
      reader.done({});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    expect((thrown as EnvError).problems).toEqual([
      'PORT must be an integer from 0 to 65535 (got "x")',
      'DEBUG must be true or false (got "perhaps")',
      'UPSTREAM must be an http:// or https:// URL (got "ftp://host/graphql")',
      'OTHER must be an absolute URL such as http://job-centers:4001/graphql (got "not a url")',
      "REQUIRED is required",
    ]);
    expect((thrown as EnvError).message).toMatch(/^Invalid environment:\n {2}- PORT must be/);
  });

  it("returns the settings when everything is valid", () => {
    const reader = new EnvReader({ UPSTREAM: "https://saeil.example.go.kr/graphql" });
    expect(reader.done({ url: reader.url("UPSTREAM", "http://x") })).toEqual({ url: "https://saeil.example.go.kr/graphql" });
  });
});

describe("isDevelopment", () => {
  it("is true only for NODE_ENV=development", () => {
    expect(isDevelopment({ NODE_ENV: "development" })).toBe(true);
    expect(isDevelopment({ NODE_ENV: "test" })).toBe(false);
    expect(isDevelopment({})).toBe(false);
  });
});
