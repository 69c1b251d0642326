// Tolerant JSON for published config.json files: bare Infinity / -Infinity / NaN, trailing commas, // and /* */
// comments. Everything else is strict JSON; errors name the line and column.
import { fail, issue, ok, type Result } from "../../issues.js";

/** A parse error position, for messages. */
interface Cursor {
  text: string;
  pos: number;
  file: string;
}

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly pos: number,
  ) {}
}

function lineCol(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split("\n").length;
  const col = pos - before.lastIndexOf("\n");
  return `line ${line}, column ${col}`;
}

function skip(c: Cursor): void {
  for (;;) {
    const ch = c.text[c.pos];
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\uFEFF") c.pos++;
    else if (ch === "/" && c.text[c.pos + 1] === "/") {
      while (c.pos < c.text.length && c.text[c.pos] !== "\n") c.pos++;
    } else if (ch === "/" && c.text[c.pos + 1] === "*") {
      const end = c.text.indexOf("*/", c.pos + 2);
      if (end < 0) throw new JsonSyntaxError("unterminated /* comment", c.pos);
      c.pos = end + 2;
    } else return;
  }
}

const WORDS: Record<string, unknown> = {
  true: true,
  false: false,
  null: null,
  Infinity: Infinity,
  NaN: NaN,
  "-Infinity": -Infinity,
};

function value(c: Cursor): unknown {
  skip(c);
  const ch = c.text[c.pos];
  if (ch === undefined) throw new JsonSyntaxError("unexpected end of input", c.pos);
  if (ch === "{") return object(c);
  if (ch === "[") return array(c);
  if (ch === '"') return string(c);
  for (const [w, v] of Object.entries(WORDS)) {
    if (c.text.startsWith(w, c.pos) && !/[A-Za-z0-9_]/.test(c.text[c.pos + w.length] ?? "")) {
      c.pos += w.length;
      return v;
    }
  }
  const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(c.text.slice(c.pos, c.pos + 64));
  if (m) {
    c.pos += m[0].length;
    return Number(m[0]);
  }
  throw new JsonSyntaxError(`unexpected ${JSON.stringify(ch)}`, c.pos);
}

function string(c: Cursor): string {
  const start = c.pos;
  c.pos++;
  while (c.pos < c.text.length) {
    const ch = c.text[c.pos];
    if (ch === "\\") c.pos += 2;
    else if (ch === '"') {
      c.pos++;
      try {
        return JSON.parse(c.text.slice(start, c.pos)) as string;
      } catch (e) {
        throw new JsonSyntaxError(`invalid string (${(e as Error).message})`, start);
      }
    } else if (ch === "\n") break;
    else c.pos++;
  }
  throw new JsonSyntaxError("unterminated string", start);
}

function array(c: Cursor): unknown[] {
  c.pos++;
  const out: unknown[] = [];
  for (;;) {
    skip(c);
    if (c.text[c.pos] === "]") {
      c.pos++;
      return out;
    }
    out.push(value(c));
    skip(c);
    const ch = c.text[c.pos];
    if (ch === ",") c.pos++;
    else if (ch !== "]") throw new JsonSyntaxError(`expected "," or "]" in array`, c.pos);
  }
}

function object(c: Cursor): Record<string, unknown> {
  c.pos++;
  const out: Record<string, unknown> = {};
  for (;;) {
    skip(c);
    if (c.text[c.pos] === "}") {
      c.pos++;
      return out;
    }
    if (c.text[c.pos] !== '"') throw new JsonSyntaxError(`expected a quoted key or "}"`, c.pos);
    const key = string(c);
    skip(c);
    if (c.text[c.pos] !== ":") throw new JsonSyntaxError(`expected ":" after key "${key}"`, c.pos);
    c.pos++;
    out[key] = value(c);
    skip(c);
    const ch = c.text[c.pos];
    if (ch === ",") c.pos++;
    else if (ch !== "}") throw new JsonSyntaxError(`expected "," or "}" after the value of "${key}"`, c.pos);
  }
}

/**
 * Parses a config.json as published. Accepts what Python's json module writes and a little more: bare
 * `Infinity`, `-Infinity`, `NaN`, trailing commas and comments.
 * @example parseConfigJson('{"a": Infinity,}', "config.json") // ok({a: Infinity})
 */
export function parseConfigJson(text: string, file = "config.json"): Result<unknown> {
  const c: Cursor = { text, pos: 0, file };
  try {
    const v = value(c);
    skip(c);
    if (c.pos < text.length) throw new JsonSyntaxError("unexpected text after the JSON value", c.pos);
    return ok(v);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return fail(
      issue("parse_error", [file], `${file}: malformed JSON at ${lineCol(text, e.pos)}: ${e.message}`),
    );
  }
}
