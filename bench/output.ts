import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchResults } from "./types";
import { renderMarkdown, SOAK_SVG } from "./report-markdown";
import { renderSvg } from "./report-svg";
import { renderSoakSvg } from "./soak/soak-svg";

/** Writes through `<file>.tmp` and a rename, so an interrupted run never leaves a half-written result. */
function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** The files one run wrote. */
export interface WrittenResults {
  json: string;
  latestJson: string;
  markdownPath: string;
  svgPath: string;
  markdown: string;
}

/**
 * Writes `<outDir>/<timestamp>.json` (kept, for comparisons over time) and overwrites `latest.json`, `latest.md`
 * and `latest.svg`.
 */
export function writeResults(results: BenchResults, outDir: string): WrittenResults {
  mkdirSync(outDir, { recursive: true });
  const stamp = results.startedAt.replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const markdown = renderMarkdown(results);
  const files = {
    json: path.join(outDir, `${stamp}.json`),
    latestJson: path.join(outDir, "latest.json"),
    markdownPath: path.join(outDir, "latest.md"),
    svgPath: path.join(outDir, "latest.svg"),
  };
  writeAtomically(files.json, json);
  writeAtomically(files.latestJson, json);
  writeAtomically(files.markdownPath, markdown);
  writeAtomically(files.svgPath, renderSvg(results));
  if (results.soak)
    writeAtomically(
      path.join(outDir, SOAK_SVG),
      renderSoakSvg(
        results.soak,
        `${results.machine.cpuModel} × ${results.machine.cpuCount}, ${results.data.participants} participants, ${results.startedAt}`,
      ),
    );
  return { ...files, markdown };
}
