/**
 * The text of qtlab's parameters cells, without any file or notebook I/O (so the Notebook page's live
 * views can use it too): parsing a parameters cell's `const NAME = <JSON literal>; // source` lines, and
 * writing an injected-parameters cell. lib/report/parameters.ts re-exports all of it.
 */
/** The JSON type of a parameter's default: the type an override must have. */
export type ParameterType = "number" | "string" | "boolean" | "null" | "array" | "object";

/** One declared parameter. */
export interface Parameter {
  name: string;
  type: ParameterType;
  /** The default value (parsed JSON). */
  default: unknown;
  /** The comment after the declaration: its source or "assumption: …". */
  comment: string;
  /** 1-based line in the parameters cell where the declaration starts. */
  line: number;
}

/** A value's JSON type. */
export function jsonType(value: unknown): ParameterType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const t = typeof value;
  if (t === "number" || t === "string" || t === "boolean" || t === "object") return t;
  throw new Error(`not a JSON value: ${String(value)}`);
}

const DECLARATION = /^(?:export\s+)?(?:const|let)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[^=]+)?=\s*(.*)$/;

/** Split "VALUE; // comment" into the value text and the comment (a "//" inside a string is kept). */
function splitValueAndComment(text: string): { value: string; comment: string } {
  let inString: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === inString) inString = undefined;
    } else if (c === '"') inString = c;
    else if (c === "/" && text[i + 1] === "/") return { value: text.slice(0, i), comment: text.slice(i + 2).trim() };
  }
  return { value: text, comment: "" };
}

/**
 * Parse a parameters cell into its declarations. Every non-blank, non-comment line must belong to a
 * `const NAME = <JSON literal>;` declaration (a value may span lines). Throws an Error naming the line
 * for anything else, so a parameters cell the runner could not override correctly is refused.
 */
export function parseParameters(source: string, where = "parameters cell"): Parameter[] {
  const lines = source.split("\n");
  const params: Parameter[] = [];
  // Comment lines right above a declaration are its comment when it has none on its own line.
  let above: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (trimmed === "") {
      above = [];
      continue;
    }
    if (trimmed.startsWith("//")) {
      above.push(trimmed.slice(2).trim());
      continue;
    }
    const m = DECLARATION.exec(trimmed);
    if (!m) {
      throw new Error(`${where} line ${i + 1}: expected "const name = <JSON value>; // source", found "${trimmed}"`);
    }
    const name = m[1];
    let text = m[2];
    let end = i;
    for (;;) {
      const { value, comment } = splitValueAndComment(text);
      const literal = value.trim().replace(/;$/, "").trim();
      try {
        const parsed: unknown = JSON.parse(literal);
        if (params.some((p) => p.name === name)) {
          throw new Error(`${where} line ${i + 1}: parameter "${name}" declared twice`);
        }
        params.push({
          name,
          type: jsonType(parsed),
          default: parsed,
          comment: comment || above.join(" "),
          line: i + 1,
        });
        above = [];
        i = end;
        break;
      } catch (e) {
        if ((e as Error).message.includes("declared twice")) throw e;
        if (end + 1 >= lines.length) {
          throw new Error(
            `${where} line ${
              i + 1
            }: the value of "${name}" is not a JSON literal (numbers, "double-quoted strings", true/false, null, [arrays], {"objects"})`,
          );
        }
        end++;
        text += `\n${lines[end]}`;
      }
    }
  }
  return params;
}

/** A JS/TS literal for a JSON value: JSON.stringify, with the two line separators escaped for old parsers. */
export function toLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** The first line of the injected-parameters cell the report runner writes (without its "// "). */
export const RUNNER_INJECTED_COMMENT =
  "Parameters injected by qtlab's report runner (they override the defaults above).";

/** The source of an injected-parameters cell redeclaring each overridden name, under a one-line comment. */
export function injectedSource(overrides: Record<string, unknown>, comment = RUNNER_INJECTED_COMMENT): string {
  const lines = Object.entries(overrides).map(([name, value]) => `const ${name} = ${toLiteral(value)};`);
  return [`// ${comment}`, ...lines].join("\n");
}
