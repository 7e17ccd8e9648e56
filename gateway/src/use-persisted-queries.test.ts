import { readFileSync } from "node:fs";
import { parse, print } from "graphql";
import { BoundedApqCache, DEFAULT_SAFELIST_PATH, loadSafelist, safelistOf, sha256 } from "./use-persisted-queries";

const DOCUMENT = `# two operations and a fragment
query One($id: ID!) { participant(id: $id) { ...Names } }

query Two { regions { code } }

fragment Names on Participant { id name }
`;

describe("safelistOf", () => {
  const safelist = safelistOf(DOCUMENT);

  it("registers the document as written, each operation as written (with its fragments), and their printed forms", () => {
    expect(safelist.operationNames).toEqual(["One", "Two"]);
    const one = "query One($id: ID!) { participant(id: $id) { ...Names } }\n\nfragment Names on Participant { id name }";
    const two = "query Two { regions { code } }";
    const expected = [DOCUMENT, print(parse(DOCUMENT)), one, print(parse(one)), two, print(parse(two))];
    expect([...safelist.texts.keys()].sort()).toEqual(expected.map(sha256).sort());
    for (const text of expected) expect(safelist.texts.get(sha256(text))).toBe(text);
  });

  it("registers nothing else", () => {
    expect(safelist.texts.has(sha256("{ regions { code } }"))).toBe(false);
    expect(safelist.texts.has(sha256(`${DOCUMENT} `))).toBe(false);
  });

  it("refuses an unusable document, naming it", () => {
    expect(() => safelistOf("query {", "ops.graphql")).toThrow(/^The safelist ops.graphql is not a GraphQL document: Syntax Error/);
    expect(() => safelistOf("fragment F on Query { a }", "ops.graphql")).toThrow("The safelist ops.graphql holds no operation.");
    expect(() => safelistOf("query A { a }\n{ b }", "ops.graphql")).toThrow(
      "Every operation of the safelist ops.graphql must have a name (line 2).",
    );
    expect(() => loadSafelist("/nonexistent/ops.graphql")).toThrow(
      /^Cannot read the safelist \/nonexistent\/ops.graphql \(SAFELIST_PATH\)/,
    );
  });

  it("defaults to the client contract: its queries, its mutations and the file as clients send it", () => {
    const contract = loadSafelist();
    expect(contract.source).toBe(DEFAULT_SAFELIST_PATH);
    expect(contract.operationNames.slice(0, 9)).toEqual([
      "Participant360",
      "Caseload",
      "RegionDirectory",
      "ProgramReport",
      "CenterYear",
      "LocalCenterYear",
      "EmploymentCenters",
      "WelfarePartners",
      "ProgramBreakdown",
    ]);
    // then one per mutation of the schema, from ApplyForProgram to ResolveReferral (test/contract-mutations.e2e.ts)
    expect([contract.operationNames.length, contract.operationNames[9], contract.operationNames.at(-1)]).toEqual([
      39,
      "ApplyForProgram",
      "ResolveReferral",
    ]);
    expect(contract.texts.has(sha256(readFileSync(DEFAULT_SAFELIST_PATH, "utf8")))).toBe(true);
  });
});

describe("BoundedApqCache", () => {
  it("keeps at most its size in characters, dropping the least recently used", async () => {
    const cache = new BoundedApqCache(10);
    await cache.set("a", "1234");
    await cache.set("b", "1234");
    expect(await cache.get("a")).toBe("1234"); // a is now the most recent
    await cache.set("c", "1234");
    expect(await cache.get("b")).toBeUndefined();
    expect(await cache.get("a")).toBe("1234");
    expect(await cache.get("c")).toBe("1234");
    await cache.set("huge", "x".repeat(11));
    expect(await cache.get("huge")).toBeUndefined();
    expect(await cache.delete("a")).toBe(true);
    expect(await cache.delete("a")).toBe(false);
  });
});
