import { addDays, addMonths, checkDay, todayInKorea } from "./dates";

describe("the program's calendar", () => {
  it("counts today in Korea: 15:00 UTC is already the next day there", () => {
    expect(todayInKorea(new Date("2022-03-01T14:59:59Z"))).toBe("2022-03-01");
    expect(todayInKorea(new Date("2022-03-01T15:00:00Z"))).toBe("2022-03-02");
  });

  it("adds months as a deadline does, clamped to the month's end", () => {
    expect(addMonths("2022-01-31", 1)).toBe("2022-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2022-12-15", 1)).toBe("2023-01-15");
    expect(addDays("2022-02-28", 7)).toBe("2022-03-07");
  });

  it("refuses a future day and a day before the earliest, naming the field", () => {
    expect(() => checkDay("heldOn", "2022-03-03", "2022-01-01", "the decision", "2022-03-02")).toThrow(
      expect.objectContaining({
        message: "heldOn (2022-03-03) is in the future; today is 2022-03-02.",
        extensions: { code: "BAD_USER_INPUT", argumentName: "heldOn" },
      }),
    );
    expect(() => checkDay("heldOn", "2021-12-31", "2022-01-01", "the decision", "2022-03-02")).toThrow(
      "heldOn (2021-12-31) is before the decision (2022-01-01).",
    );
    expect(() => checkDay("heldOn", "2022-03-02", "2022-03-02", "the decision", "2022-03-02")).not.toThrow();
  });
});
