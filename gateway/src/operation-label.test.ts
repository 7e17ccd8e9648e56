import { OperationLabels } from "./operation-label";

it("keeps the first names it sees, then labels every new one other", () => {
  const labels = new OperationLabels(2);
  expect(["Participant360", "Caseload", "Caseload", "Scan1", "Participant360", "Scan2"].map((n) => labels.label(n))).toEqual([
    "Participant360",
    "Caseload",
    "Caseload",
    "other",
    "Participant360",
    "other",
  ]);
});

it("labels an unnamed operation anonymous and a name that is no plain identifier of at most 64 characters other", () => {
  const labels = new OperationLabels();
  expect(labels.label(null)).toBe("anonymous");
  expect(labels.label("")).toBe("anonymous");
  expect(labels.label("A".repeat(64))).toBe("A".repeat(64));
  expect(labels.label("A".repeat(65))).toBe("other");
  expect(labels.label('x",evil="1')).toBe("other");
  expect(labels.label("9lives")).toBe("other");
});
