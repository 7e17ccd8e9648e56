import { cpuBetween, serviceOf, type ProcessEntry } from "./process-cpu";

const table = (entries: Record<string, ProcessEntry>) => new Map(Object.entries(entries));

const processes = {
  "10": { ppid: "1", cpuSec: 5, cmd: "/usr/bin/node --enable-source-maps /work/main/dist/gateway/src/bin.js" },
  "11": { ppid: "1", cpuSec: 7, cmd: "/usr/bin/node /work/main/dist/subgraphs/bin.js job-centers" },
  "12": { ppid: "1", cpuSec: 2, cmd: "/usr/bin/node /work/main/.data/baseline-e185dc0/src/dist/subgraphs/bin.js job-centers" },
  "20": { ppid: "1", cpuSec: 1, cmd: "/opt/pg/bin/postgres -D /work/main/.data/postgres -p 54329" },
  "21": { ppid: "20", cpuSec: 3, cmd: "postgres: postgres njsp_job_centers 127.0.0.1(5000) idle" },
  "30": { ppid: "1", cpuSec: 1, cmd: "/opt/pg/bin/postgres -D /work/main/.data/baseline-e185dc0/data/postgres" },
  "31": { ppid: "30", cpuSec: 4, cmd: "postgres: postgres njsp_job_centers 127.0.0.1(5001) idle" },
  "40": { ppid: "1", cpuSec: 9, cmd: "/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main" },
  "41": { ppid: "40", cpuSec: 9, cmd: "postgres: 15/main: checkpointer" },
};

describe("CPU by process", () => {
  it("names each service of ours and of the baseline, and PostgreSQL's backends by their postmaster", () => {
    const all = table(processes);
    expect(["10", "11", "12", "20", "21", "30", "31", "40", "41", "99"].map((pid) => serviceOf(all, pid))).toEqual([
      "ours gateway",
      "ours job-centers",
      "baseline job-centers",
      "ours postgres",
      "ours postgres",
      "baseline postgres",
      "baseline postgres",
      null, // the machine's own PostgreSQL is not a launcher's
      null,
      null,
    ]);
  });

  it("sums each service's CPU between two readings, a process started in between from zero", () => {
    const before = table(processes);
    const after = table({
      ...processes,
      "11": { ...processes["11"], cpuSec: 9.5 },
      "21": { ...processes["21"], cpuSec: 4 },
      "22": { ppid: "20", cpuSec: 0.5, cmd: "postgres: postgres njsp_saeil_centers 127.0.0.1(5002) idle" },
      "41": { ...processes["41"], cpuSec: 20 },
    });
    expect(Object.fromEntries(cpuBetween(before, after))).toEqual({
      "ours gateway": 0,
      "ours job-centers": 2.5,
      "baseline job-centers": 0,
      "ours postgres": 1.5,
      "baseline postgres": 0,
    });
  });
});
