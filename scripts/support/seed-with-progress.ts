import { SingleBar, Presets } from "cli-progress";
import type { DatabaseUrls } from "@lib/platform/prepare-databases";
import type { SubgraphName } from "@subgraphs/registry";
import { seedDatabases, type SeedSummary } from "../../seed/seed-databases";

/** Seeds the four databases with a progress bar on the terminal (participants done / total, rate, ETA). */
export async function seedWithProgress(urls: DatabaseUrls<SubgraphName>, participants: number, seed: string): Promise<SeedSummary> {
  const bar = new SingleBar(
    {
      format: "seeding |{bar}| {percentage}% {value}/{total} participants | {rate}/s | ETA {eta_formatted}",
      hideCursor: true,
      // without a terminal (logs, CI, containers) print a line every few seconds instead of redrawing
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(participants, 0, { rate: 0 });
  try {
    return await seedDatabases(urls, {
      participants,
      seed,
      onProgress: (done) => bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) }),
    });
  } finally {
    bar.stop();
  }
}
