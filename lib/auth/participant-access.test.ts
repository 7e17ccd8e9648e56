import { consentCovers, isRelated, recordsRefusal, type ParticipantAccess } from "./participant-access";
import { ANONYMOUS, userOf } from "./viewer";

const access: ParticipantAccess = {
  links: [
    { kind: "EMPLOYMENT_CENTER", id: 21 },
    { kind: "WELFARE_PARTNER", id: 7 },
    { kind: "LOCAL_JOB_CENTER", id: 3 },
  ],
  consents: [{ viewerKind: "LOCAL_JOB_CENTER", recordsKind: "EMPLOYMENT_CENTER" }],
};

const counselor = userOf({ sub: "5", name: "c", role: "COUNSELOR", org: 21 });
const otherCenter = userOf({ sub: "6", name: "c", role: "COUNSELOR", org: 22 });
const partner = userOf({ sub: "w", name: "w", role: "WELFARE_STAFF", org: 7 });
const local = userOf({ sub: "l", name: "l", role: "LOCAL_CENTER_STAFF", org: 3 });
const analyst = userOf({ sub: "a", name: "a", role: "ANALYST", org: null });

describe("participant access", () => {
  it("relates only an office linked to the participant", () => {
    expect([counselor, otherCenter, partner, local, analyst, ANONYMOUS].map((v) => isRelated(v, access))).toEqual([
      true,
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it("gives an agency its own kind of records and another kind's only with consent", () => {
    expect(recordsRefusal(counselor, access, "EMPLOYMENT_CENTER")).toBeNull();
    expect(recordsRefusal(local, access, "EMPLOYMENT_CENTER")).toBeNull();
    expect(recordsRefusal(partner, access, "EMPLOYMENT_CENTER")).toBe(
      "the participant has not consented to share employment center records with welfare partner staff",
    );
    expect(recordsRefusal(counselor, access, "WELFARE_PARTNER")).toBe(
      "the participant has not consented to share welfare partner records with employment center staff",
    );
    expect(recordsRefusal(partner, access, "WELFARE_PARTNER")).toBeNull();
  });

  it("refuses everything to an unrelated office and to ministry roles", () => {
    expect(recordsRefusal(otherCenter, access, "EMPLOYMENT_CENTER")).toBe("your office has no relationship with this participant");
    expect(recordsRefusal(analyst, access, "EMPLOYMENT_CENTER")).toBe(
      "only the staff of an office serving this participant may read their records",
    );
  });

  it("reads consent by direction", () => {
    expect(consentCovers(access, "LOCAL_JOB_CENTER", "EMPLOYMENT_CENTER")).toBe(true);
    expect(consentCovers(access, "EMPLOYMENT_CENTER", "LOCAL_JOB_CENTER")).toBe(false);
  });
});
