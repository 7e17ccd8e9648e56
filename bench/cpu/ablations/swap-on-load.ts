import Module from "node:module";

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
type Exports = Record<string, unknown>;

/**
 * Hands out a changed copy of every module whose require path matches `request`, as it is loaded: the ablations'
 * way of taking a part out of the platform without a switch in its code (a compiled module's exports are read-only
 * getters, so they cannot be changed after loading). For a measurement's preload only.
 */
export function swapOnLoad(request: RegExp, swap: (loaded: Exports) => Exports): void {
  const loader = Module as unknown as { _load: Load };
  const load = loader._load;
  loader._load = function (path, parent, isMain) {
    const loaded = load.call(this, path, parent, isMain) as Exports;
    return request.test(path) ? swap(loaded) : loaded;
  };
}

/** A require path ending in `name` (`../audit/access-log-writer`, `./use-admission`, with or without `.js`). */
export const endingIn = (name: string): RegExp => new RegExp(`(^|[/\\\\])${name}(\\.js)?$`);
