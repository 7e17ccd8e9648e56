import { groupByKeys, orderByKeys, rowLoader } from "./by-key";

describe("batch results in key order", () => {
  const rows = [
    { id: 3, v: "c" },
    { id: 1, v: "a" },
  ];

  it("orderByKeys puts null where no row matched", () => {
    expect(orderByKeys([1, 2, 3], rows, (r) => r.id)).toEqual([rows[1], null, rows[0]]);
  });

  it("groupByKeys gives an empty list for keys without rows", () => {
    const grouped = groupByKeys(
      ["x", "y"],
      [
        { k: "y", n: 1 },
        { k: "y", n: 2 },
      ],
      (r) => r.k,
    );
    expect(grouped).toEqual([
      [],
      [
        { k: "y", n: 1 },
        { k: "y", n: 2 },
      ],
    ]);
  });

  it("rowLoader batches keys of one tick into one fetch", async () => {
    const fetch = jest.fn((keys: readonly number[]) => Promise.resolve(rows.filter((r) => keys.includes(r.id))));
    const loader = rowLoader(fetch, (r) => r.id);
    const results = await Promise.all([loader.load(1), loader.load(2), loader.load(3)]);
    expect(results.map((r) => r?.v ?? null)).toEqual(["a", null, "c"]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
