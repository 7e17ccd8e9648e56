import { publishOfficesAndRegions, publishRegions, type OfficeCounts } from "./publish";
import { SUPPRESSED } from "@lib/graphql/error-codes";
import { SuppressedFigure, type Figure } from "./suppressed-figure";

/** A published figure as the client reads it: the count, or the reason it is withheld. */
function shown(figure: Figure): number | string {
  return figure instanceof SuppressedFigure ? figure.reason : figure;
}

const offices: OfficeCounts<"employed" | "placed">[] = [
  { officeId: 1, regionCode: "11", counts: { employed: 3, placed: 0 } },
  { officeId: 2, regionCode: "11", counts: { employed: 50, placed: 20 } },
  { officeId: 3, regionCode: "11", counts: { employed: 8, placed: 8 } },
  { officeId: 4, regionCode: "36", counts: { employed: 2, placed: 2 } },
];

describe("publishing offices and regions", () => {
  const year = publishOfficesAndRegions(["employed", "placed"], offices);

  it("withholds small counts and their complements, field by field, and shows the rest", () => {
    const rows = (map: Map<number | string, Record<string, Figure>>) =>
      Object.fromEntries([...map].map(([key, row]) => [key, [shown(row.employed), shown(row.placed)]]));
    expect(rows(year.offices)).toEqual({
      1: ["SMALL_CELL", 0],
      2: [50, 20],
      3: ["COMPLEMENTARY", 8],
      4: ["SMALL_CELL", "SMALL_CELL"],
    });
    expect(rows(year.regions)).toEqual({ 11: [61, 28], 36: ["SMALL_CELL", "SMALL_CELL"] });
  });

  it("marks a withheld figure for the client, without the figure", () => {
    const withheld = year.offices.get(1)!.employed as SuppressedFigure;
    expect(withheld.extensions).toEqual({ code: SUPPRESSED, reason: "SMALL_CELL" });
    expect(withheld.message).toBe("Suppressed: a count below 5 could identify a person (PIPA §28-2).");
    const complement = year.offices.get(3)!.employed as SuppressedFigure;
    expect(complement.extensions).toEqual({ code: SUPPRESSED, reason: "COMPLEMENTARY" });
    expect(complement.message).not.toMatch(/\b8\b/);
  });
});

describe("publishing regions only", () => {
  it("withholds small counts; with nothing adding up to anything, no complement", () => {
    const regions = publishRegions(
      ["enrolled"],
      new Map([
        ["11", { enrolled: 40 }],
        ["36", { enrolled: 3 }],
        ["50", { enrolled: 0 }],
      ]),
    );
    expect(Object.fromEntries([...regions].map(([code, row]) => [code, shown(row.enrolled)]))).toEqual({
      11: 40,
      36: "SMALL_CELL",
      50: 0,
    });
  });
});
