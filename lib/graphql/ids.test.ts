import { parseIntId, parseUuid } from "./ids";

it("reads ids of the right shape and answers null for any other", () => {
  expect(parseIntId("42")).toBe(42);
  for (const id of ["0", "-1", "1.5", "abc", "", "99999999999", "2147483648"]) expect(parseIntId(id)).toBeNull();
  expect(parseUuid("0B7E2F8A-1C2D-4E5F-8A9B-0C1D2E3F4A5B")).toBe("0b7e2f8a-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
  for (const id of ["", "nope", "0b7e2f8a1c2d4e5f8a9b0c1d2e3f4a5b"]) expect(parseUuid(id)).toBeNull();
});
