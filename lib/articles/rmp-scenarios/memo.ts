/**
 * Bounded memos for notebook 05's pure stages. When a reader edits the parameters cell and reruns it, the
 * kernel keeps its modules: a stage whose inputs did not change (the data load, the curve fit and its
 * bootstrap, a chart of the data alone) returns the result it computed before instead of computing it
 * again. A stage's key is built from exactly what it reads: the parameter values (picked by a typed list
 * of names, so the stage cannot read another) and the identity of the objects it is given (the loaded data,
 * an earlier stage's result), which a memo hands back unchanged while their own inputs are unchanged.
 *
 * Each memo keeps its last few entries (least recently used dropped), so memory stays bounded however many
 * values a reader tries. Results are shared between runs: nothing downstream may mutate them (the article's
 * computation and its displays only read).
 */

/** One stage's memo: up to `capacity` results by key; `computed` counts the misses (for tests). */
export interface StageMemo<V> {
  /** The result for `key`, computed by `compute` on a miss. */
  get(key: string, compute: () => V): V;
  /** How many times `compute` ran since the last {@link clearRmpMemos}. */
  readonly computed: number;
  /** Entries held now (≤ capacity). */
  readonly size: number;
  clear(): void;
}

const memos = new Map<string, StageMemo<unknown>>();

/** A named memo of at most `capacity` entries (registered so that {@link clearRmpMemos} clears it). */
export function stageMemo<V>(name: string, capacity: number): StageMemo<V> {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new Error(`stageMemo ${name}: capacity must be an integer ≥ 1, got ${capacity}`);
  }
  if (memos.has(name)) throw new Error(`stageMemo ${name}: a memo of that name exists already`);
  const entries = new Map<string, V>();
  let computed = 0;
  const memo: StageMemo<V> = {
    get(key, compute) {
      if (entries.has(key)) {
        const hit = entries.get(key) as V;
        entries.delete(key); // most recently used last
        entries.set(key, hit);
        return hit;
      }
      const value = compute();
      computed++;
      entries.set(key, value);
      while (entries.size > capacity) entries.delete(entries.keys().next().value as string);
      return value;
    },
    get computed() {
      return computed;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
      computed = 0;
    },
  };
  memos.set(name, memo as StageMemo<unknown>);
  return memo;
}

/** Every registered memo by name (for tests and the bench). */
export function rmpMemos(): ReadonlyMap<string, StageMemo<unknown>> {
  return memos;
}

/** Forget every memoised result: the next run computes everything cold. */
export function clearRmpMemos(): void {
  for (const m of memos.values()) m.clear();
}

const ids = new WeakMap<object, number>();
let nextId = 1;

/** A number naming one object for as long as it lives (the same object, the same number). */
export function identityOf(value: object): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = nextId++;
    ids.set(value, id);
  }
  return id;
}

/** The values of `names` in `values`, in the list's order: what a stage reads, and the key it is memoised by. */
export function pick<T extends object, K extends keyof T>(values: T, names: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const n of names) out[n] = values[n];
  return out;
}

/**
 * A memo key: the identities of the objects a stage is given (data, earlier stages' results) and the JSON of
 * the parameter values it reads (picked with {@link pick}: a fixed order of names).
 */
export function keyOf(objects: readonly object[], values: unknown): string {
  return `${objects.map(identityOf).join(",")}|${JSON.stringify(values)}`;
}
