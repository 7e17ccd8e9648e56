import { allowanceDueWon, baseWon, monthlyWon } from "./allowance.rules";

describe("the allowance's amount (Act §19–20, docs/domain.md#allowance)", () => {
  it("is 500,000 won for months to 2025-12 and 600,000 won from 2026-01", () => {
    expect([baseWon("2021-01"), baseWon("2025-12"), baseWon("2026-01")]).toEqual([500_000, 500_000, 600_000]);
  });

  it("adds 100,000 won per dependant, counting at most 4", () => {
    expect([0, 1, 4, 7].map((d) => monthlyWon("2024-03", d))).toEqual([500_000, 600_000, 900_000, 900_000]);
    expect(monthlyWon("2026-02", 2)).toBe(800_000);
  });

  it("takes reported earnings off won for won (the project's assumption), never below 0", () => {
    expect([0, 120_000, 699_999, 700_000, 2_000_000].map((e) => allowanceDueWon("2024-03", 2, e))).toEqual([700_000, 580_000, 1, 0, 0]);
  });
});
