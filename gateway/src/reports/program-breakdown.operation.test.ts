import { readFileSync } from "node:fs";
import path from "node:path";
import { Kind, parse, print, type DefinitionNode } from "graphql";
import { PROJECT_ROOT } from "@lib/config/paths";
import { safelistOf, sha256 } from "../use-persisted-queries";
import { PROGRAM_BREAKDOWN } from "./program-breakdown.operation";

const CONTRACT = readFileSync(path.join(PROJECT_ROOT, "test", "contract", "operations.graphql"), "utf8");

describe("the operation the CSV export and the /reports page run", () => {
  it("is the contract's ProgramBreakdown, definition for definition", () => {
    const contract = parse(CONTRACT).definitions;
    const named = (d: DefinitionNode) =>
      d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION ? d.name?.value : undefined;
    const ours = parse(PROGRAM_BREAKDOWN).definitions;
    expect(ours.map(named)).toEqual(["ProgramBreakdown", "BreakdownFigures"]);
    for (const definition of ours) expect(print(definition)).toBe(print(contract.find((d) => named(d) === named(definition))!));
  });

  it("is registered in the contract's safelist as printed, which is how the page sends it", () => {
    expect(safelistOf(CONTRACT).texts.has(sha256(print(parse(PROGRAM_BREAKDOWN))))).toBe(true);
  });
});
