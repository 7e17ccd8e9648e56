import path from "node:path";
import { aboutAblations, ablationEnv, parseAblations } from "./ablations";

const preload = (file: string) => `--require ${JSON.stringify(path.join(__dirname, file))}`;

describe("measure:cpu's --without", () => {
  it("takes nothing out unless asked", () => {
    expect(parseAblations(["Caseload", "16", "e185dc0"])).toEqual({ parts: [], rest: ["Caseload", "16", "e185dc0"] });
  });

  it("names known parts, one or several, wherever it stands, and leaves the other arguments in order", () => {
    expect(parseAblations(["Caseload", "16", "--without", "access-log"])).toEqual({ parts: ["access-log"], rest: ["Caseload", "16"] });
    expect(parseAblations(["--without", "resilience,access-log", "Caseload"])).toEqual({
      parts: ["resilience", "access-log"],
      rest: ["Caseload"],
    });
  });

  it("refuses an unknown part or a missing one, naming the known ones", () => {
    expect(() => parseAblations(["--without", "access-log,policies"])).toThrow(
      "--without takes one or more of access-log, resilience; got access-log,policies",
    );
    expect(() => parseAblations(["--without"])).toThrow("got nothing");
  });

  it("preloads each part's module after the NODE_OPTIONS already set", () => {
    expect(ablationEnv(["access-log"], "--max-old-space-size=512")).toEqual({
      NODE_OPTIONS: `--max-old-space-size=512 ${preload("without-access-log.js")}`,
    });
    expect(ablationEnv(["access-log", "resilience"], "")).toEqual({
      NODE_OPTIONS: `${preload("without-access-log.js")} ${preload("without-resilience.js")}`,
    });
  });

  it("says what was taken out", () => {
    expect(aboutAblations(["access-log"])).toBe("the subgraphs' access-log appends stubbed out");
  });
});
