import { execFile } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT } from "@lib/config/paths";
import { describeDifference, lockDifferences, missingDirectDependencies, type PackageLock } from "./lock-compat";

/**
 * The version before a change, checked out beside this one: a detached git worktree of `--baseline <ref>` under
 * `.data/baseline-<short sha>/src`, installed (this checkout's node_modules linked in, or its own `npm ci`) and
 * built with its own build command. Nothing in the product is switched off: the old code runs as it was.
 */

const run = promisify(execFile);

/** Where one baseline lives: its checkout and its data directory (seeded on its first start, kept afterwards). */
export interface BaselinePaths {
  sha: string;
  shortSha: string;
  home: string;
  src: string;
  data: string;
}

/** A baseline ready to start, and how it was made (for the progress line and the results). */
export interface PreparedBaseline extends BaselinePaths {
  ref: string;
  worktree: "made" | "reused";
  /** `linked`: this checkout's node_modules; `npm ci`: its own, because the package-locks differ (see `reason`). */
  install: "linked" | "npm ci";
  reason: string;
}

async function git(args: string[], cwd = PROJECT_ROOT): Promise<string> {
  const { stdout } = await run("git", args, { cwd, maxBuffer: 16 * 2 ** 20 });
  return stdout.trim();
}

/** The commit of `ref` and the directories named after it. */
export async function baselinePaths(ref: string): Promise<BaselinePaths> {
  const sha = await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).catch(() => {
    throw new Error(`--baseline ${ref}: no such commit in ${PROJECT_ROOT}`);
  });
  const shortSha = sha.slice(0, 7);
  const home = path.join(PROJECT_ROOT, ".data", `baseline-${shortSha}`);
  return { sha, shortSha, home, src: path.join(home, "src"), data: path.join(home, "data") };
}

/** Makes the detached worktree, or reuses it when it is already at `sha`. */
async function ensureWorktree(paths: BaselinePaths): Promise<"made" | "reused"> {
  if (existsSync(path.join(paths.src, ".git"))) {
    const head = await git(["rev-parse", "HEAD"], paths.src).catch(() => "");
    if (head === paths.sha) return "reused";
    await git(["checkout", "--quiet", "--detach", paths.sha], paths.src);
    return "made";
  }
  mkdirSync(paths.home, { recursive: true });
  // a checkout left half-made (interrupted) is not a worktree git knows: start it again
  rmSync(paths.src, { recursive: true, force: true });
  await git(["worktree", "prune"]);
  await git(["worktree", "add", "--detach", paths.src, paths.sha]);
  return "made";
}

function readLock(root: string): PackageLock {
  return JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as PackageLock;
}

/** Whether `root/node_modules` is a link (to this checkout's) rather than an install of its own. */
function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Links this checkout's node_modules into the baseline when the package-locks agree on what serves a request, else
 * installs the baseline's own with `npm ci` (its `scripts/ensure-installed.js` when it has one, which skips an
 * install that is current).
 */
async function install(paths: BaselinePaths): Promise<{ install: "linked" | "npm ci"; reason: string }> {
  const ours = readLock(PROJECT_ROOT);
  const theirs = readLock(paths.src);
  const differences = lockDifferences(ours, theirs);
  const missing = missingDirectDependencies(ours, theirs);
  const modules = path.join(paths.src, "node_modules");
  if (differences.length === 0 && missing.length === 0) {
    if (!isLink(modules)) {
      rmSync(modules, { recursive: true, force: true });
      symlinkSync(realpathSync(path.join(PROJECT_ROOT, "node_modules")), modules, "dir");
    }
    return { install: "linked", reason: "package-locks agree on @apollo/*, type-graphql, typeorm, pg, graphql" };
  }
  const reason = [...differences.map(describeDifference), ...missing.map((name) => `${name} not in ours`)].join(", ");
  // never npm ci through a link: it would rewrite this checkout's node_modules
  if (isLink(modules)) rmSync(modules);
  const ensure = path.join(paths.src, "scripts", "ensure-installed.js");
  if (existsSync(ensure)) await run(process.execPath, [ensure], { cwd: paths.src, maxBuffer: 64 * 2 ** 20 });
  else await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: paths.src, maxBuffer: 64 * 2 ** 20 });
  return { install: "npm ci", reason };
}

/**
 * The baseline's build command from its package.json, without its install step when node_modules is linked (that
 * step compares the lock with the linked install's stamp and would `npm ci` into this checkout's node_modules).
 */
export function buildCommand(packageJson: { scripts?: Record<string, string> }, linked: boolean): string {
  const build = packageJson.scripts?.build;
  if (!build) throw new Error("the baseline's package.json has no build script");
  if (!linked) return "npm run build --silent";
  return build
    .split("&&")
    .map((step) => step.trim())
    .filter((step) => !/^node\s+scripts\/ensure-installed\.js\b/.test(step))
    .join(" && ");
}

async function build(paths: BaselinePaths, linked: boolean): Promise<void> {
  const packageJson = JSON.parse(readFileSync(path.join(paths.src, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const command = buildCommand(packageJson, linked);
  const bin = path.join(paths.src, "node_modules", ".bin");
  await run("sh", ["-c", command], {
    cwd: paths.src,
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` },
    maxBuffer: 64 * 2 ** 20,
  });
}

/** The worktree of `ref`, installed and built; `log` gets one line saying how. */
export async function prepareBaseline(ref: string, log: (line: string) => void): Promise<PreparedBaseline> {
  const paths = await baselinePaths(ref);
  const worktree = await ensureWorktree(paths);
  const installed = await install(paths);
  log(
    `baseline ${ref} (${paths.shortSha}): worktree ${path.relative(PROJECT_ROOT, paths.src)} ${worktree}, ` +
      `node_modules ${installed.install === "linked" ? "linked to this checkout's" : "installed with npm ci"} (${installed.reason}); building`,
  );
  await build(paths, installed.install === "linked");
  return { ...paths, ref, worktree, ...installed };
}
