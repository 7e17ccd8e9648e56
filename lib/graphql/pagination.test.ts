import { decodeCursor, encodeCursor, isIsoDate, isUuid, pageSize, toPage } from "./pagination";

describe("pageSize", () => {
  it("defaults to 20 and accepts 1..100", () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });

  it.each([0, -5, 101, 1.5])("rejects %p as BAD_USER_INPUT", (first) => {
    expect(() => pageSize(first)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }));
  });
});

describe("cursors", () => {
  const id = "0b7e2f8a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

  it("round-trip a sort key", () => {
    expect(decodeCursor(encodeCursor(["2022-03-01", id]), [isIsoDate, isUuid])).toEqual(["2022-03-01", id]);
  });

  it.each([
    ["not base64 json", "%%%"],
    ["wrong arity", encodeCursor(["2022-03-01"])],
    ["wrong part", encodeCursor(["2022-03-01", "x"])],
    ["not a date", encodeCursor(["yesterday", id])],
    ["a date the calendar does not have", encodeCursor(["2022-02-30", id])],
  ])("reject %s", (_label, cursor) => {
    expect(() => decodeCursor(cursor, [isIsoDate, isUuid])).toThrow(/cursor/);
  });
});

describe("toPage", () => {
  it("uses the extra row only to tell that another page exists", () => {
    const page = toPage([1, 2, 3], 2, String);
    expect(page.edges).toEqual([
      { cursor: "1", node: 1 },
      { cursor: "2", node: 2 },
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: "2" });
    expect(toPage([], 2, String).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
