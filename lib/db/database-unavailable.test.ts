import { isDatabaseUnavailable } from "./database-unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, a server shutting down and a lost connection, however wrapped", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: "57P01", message: "terminating connection due to administrator command" } })).toBe(
      true,
    );
    expect(isDatabaseUnavailable({ thrownValue: { code: "ECONNREFUSED" } })).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable({ code: "08006" })).toBe(true);
  });

  it("leaves a statement's own failure (a bug, a timeout) to be masked as internal", () => {
    expect(isDatabaseUnavailable({ code: "42P01", message: 'relation "x" does not exist' })).toBe(false);
    expect(isDatabaseUnavailable({ driverError: { code: "57014", message: "canceling statement due to statement timeout" } })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
