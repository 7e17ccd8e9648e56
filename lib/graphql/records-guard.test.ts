import { forbidden } from "./records-guard";

describe("forbidden", () => {
  it("names the field and the reason, with the FORBIDDEN code", () => {
    const error = forbidden("Participant.saeilEnrollments", "no consent");
    expect(error.message).toBe("Not allowed to read Participant.saeilEnrollments: no consent.");
    expect(error.extensions).toEqual({ code: "FORBIDDEN", field: "Participant.saeilEnrollments", reason: "no consent" });
  });

  it("carries no stack frames (a refusal is an answer, not a fault) and leaves other errors' stacks as they were", () => {
    const limit = Error.stackTraceLimit;
    expect(forbidden("Participant.outreach", "no consent").stack).toBe(
      "GraphQLError: Not allowed to read Participant.outreach: no consent.",
    );
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error("a fault").stack).toContain("\n    at ");
  });
});
