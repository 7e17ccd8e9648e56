import { isSmallCount, suppressCells, type Total } from "./suppression";

/** A region "R" of offices a, b, c…: the offices' counts, and the region's as their sum. */
function region(offices: Record<string, number>): { cells: Map<string, number>; totals: Total<string>[] } {
  const cells = new Map(Object.entries(offices));
  cells.set(
    "R",
    Object.values(offices).reduce((a, b) => a + b, 0),
  );
  return { cells, totals: [{ total: "R", parts: Object.keys(offices) }] };
}

function withheld(cells: Map<string, number>, totals: Total<string>[]) {
  return Object.fromEntries(suppressCells(cells, totals));
}

describe("small counts", () => {
  it("are 1 to 4; 0 identifies nobody and 5 is shown", () => {
    expect([0, 1, 4, 5, 181].map(isSmallCount)).toEqual([false, true, true, false, false]);
  });

  it("are withheld wherever they are, without totals", () => {
    const cells = new Map([
      ["x", 0],
      ["y", 1],
      ["z", 4],
      ["w", 5],
    ]);
    expect(withheld(cells, [])).toEqual({ y: "SMALL_CELL", z: "SMALL_CELL" });
  });
});

describe("complementary suppression within a region", () => {
  it("withholds the smallest other non-zero office when one office is withheld and the region is shown", () => {
    const { cells, totals } = region({ a: 3, b: 0, c: 40, d: 9, e: 12 });
    expect(withheld(cells, totals)).toEqual({ a: "SMALL_CELL", d: "COMPLEMENTARY" });
  });

  it("needs no complement when two offices are already withheld", () => {
    const { cells, totals } = region({ a: 3, b: 2, c: 40 });
    expect(withheld(cells, totals)).toEqual({ a: "SMALL_CELL", b: "SMALL_CELL" });
  });

  it("needs no complement when the region itself is small, hence withheld", () => {
    const { cells, totals } = region({ a: 3, b: 0, c: 1 });
    expect(withheld(cells, totals)).toEqual({ a: "SMALL_CELL", c: "SMALL_CELL", R: "SMALL_CELL" });
  });

  it("withholds nothing in a region without small counts", () => {
    const { cells, totals } = region({ a: 5, b: 0, c: 500 });
    expect(withheld(cells, totals)).toEqual({});
  });

  it("breaks ties by the order the offices are listed in", () => {
    const { cells, totals } = region({ a: 7, b: 4, c: 7 });
    expect(withheld(cells, totals)).toEqual({ b: "SMALL_CELL", a: "COMPLEMENTARY" });
  });

  it("leaves every region's figures to that region", () => {
    const cells = new Map([
      ["a1", 2],
      ["a2", 30],
      ["A", 32],
      ["b1", 6],
      ["b2", 30],
      ["B", 36],
    ]);
    const totals = [
      { total: "A", parts: ["a1", "a2"] },
      { total: "B", parts: ["b1", "b2"] },
    ];
    expect(withheld(cells, totals)).toEqual({ a1: "SMALL_CELL", a2: "COMPLEMENTARY" });
  });

  it("withholds the total when no other part is left to withhold (a total that is not the sum of its parts)", () => {
    const cells = new Map([
      ["a", 3],
      ["b", 0],
      ["R", 10],
    ]);
    expect(withheld(cells, [{ total: "R", parts: ["a", "b"] }])).toEqual({ a: "SMALL_CELL", R: "COMPLEMENTARY" });
  });
});

describe("complementary suppression across regions, once a national total is published", () => {
  it("protects a withheld region, and then the complement region from its own offices", () => {
    // region A is small; B is withheld to protect it from N; B's offices would then add up to B, so one goes too
    const cells = new Map([
      ["a1", 3],
      ["A", 3],
      ["b1", 20],
      ["b2", 9],
      ["B", 29],
      ["c1", 50],
      ["C", 50],
      ["N", 82],
    ]);
    const totals = [
      { total: "A", parts: ["a1"] },
      { total: "B", parts: ["b1", "b2"] },
      { total: "C", parts: ["c1"] },
      { total: "N", parts: ["A", "B", "C"] },
    ];
    expect(withheld(cells, totals)).toEqual({ a1: "SMALL_CELL", A: "SMALL_CELL", B: "COMPLEMENTARY", b2: "COMPLEMENTARY" });
  });
});

describe("no subtraction gives a withheld cell back", () => {
  it("holds for every region of a larger table", () => {
    const offices: Record<string, number> = {};
    const totals: Total<string>[] = [];
    for (let r = 0; r < 6; r++) {
      const parts = Array.from({ length: 1 + (r % 4) }, (_, i) => `r${r}o${i}`);
      // a fixed spread of counts: zeros, small ones and large ones
      parts.forEach((part, i) => (offices[part] = [0, 2, 17, 4, 60, 1, 9][(r * 3 + i) % 7]));
      totals.push({ total: `r${r}`, parts });
    }
    const cells = new Map(Object.entries(offices));
    for (const { total, parts } of totals)
      cells.set(
        total,
        parts.reduce((sum, part) => sum + offices[part], 0),
      );
    const out = suppressCells(cells, totals);
    for (const { total, parts } of totals) {
      expect([total, [total, ...parts].filter((cell) => out.has(cell)).length]).not.toEqual([total, 1]);
    }
    expect(Object.fromEntries(out)).toEqual({
      // r0: a single office with 0
      r1o0: "SMALL_CELL", // 4, next to 60
      r1o1: "COMPLEMENTARY",
      r2o2: "SMALL_CELL", // 2, next to 9 and 0: the 9 goes, the 0 stays
      r2o0: "COMPLEMENTARY",
      r3o1: "SMALL_CELL", // 17, 4, 60, 1: two small ones protect each other
      r3o3: "SMALL_CELL",
      r4o0: "SMALL_CELL", // a single office of 1, and so its region
      r4: "SMALL_CELL",
      r5o0: "SMALL_CELL", // 2, next to 17
      r5o1: "COMPLEMENTARY",
    });
  });
});
