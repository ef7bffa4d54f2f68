// Reads the import graph of the source tree with TypeScript's own pre-processor and names every
// import that breaks the layering: app → modules (features → the questionnaire engine) → lib → db.
// Features never import each other; runtime code never imports seed/ or testing/; app/ never
// reaches the database itself (no db/client, no SQL).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export type Layer = "app" | "feature" | "engine" | "lib" | "db" | "data" | "tooling" | "external";
export type Place = { layer: Layer; feature?: string };
export type Violation = { from: string; to: string; rule: string };

const RANK: Partial<Record<Layer, number>> = { app: 4, feature: 3, engine: 2, lib: 1, db: 0 };
const ENGINE = "questionnaire";
const SOURCE_DIRS = ["app", "modules", "lib", "db"];
const EXTENSIONS = ["", ".ts", ".tsx", ".js", ".mjs", ".json", "/index.ts", "/index.tsx"];
/** Imports that mean "talks to the database": app/ hands that to services (lib/http/route.ts). */
const DATABASE_IMPORTS = [/^@\/db\/(client|statements|init|open)$/, /^drizzle-orm/, /^better-sqlite3$/, /^pg$/];

export function placeOf(file: string): Place {
  const [top, second] = file.split("/");
  if (top === "app") return { layer: "app" };
  if (top === "modules") return second === ENGINE ? { layer: "engine" } : { layer: "feature", feature: second };
  if (top === "lib") return { layer: "lib" };
  if (top === "db") return { layer: "db" };
  if (top === "messages") return { layer: "data" };
  if (["seed", "testing", "scripts", "bench", "e2e"].includes(top) || !file.includes("/")) return { layer: "tooling" };
  return { layer: "external" };
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** The rule an import from `from` to `to` breaks, or null. */
export function ruleBroken(from: string, to: string): string | null {
  const a = placeOf(from);
  const b = placeOf(to);
  if (b.layer === "tooling") return isTest(from) ? null : "runtime code imports seed/ or testing/";
  const ra = RANK[a.layer];
  const rb = RANK[b.layer];
  if (ra === undefined || rb === undefined) return null;
  if (rb > ra) return `upward import (${a.layer} → ${b.layer})`;
  if (a.layer === "feature" && b.layer === "feature" && a.feature !== b.feature) return `feature imports another feature (${a.feature} → ${b.feature})`;
  return null;
}

function walk(root: string, dir: string, out: string[]) {
  for (const name of readdirSync(path.join(root, dir))) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) walk(root, rel, out);
    else if (/\.(tsx?|mjs|js)$/.test(name)) out.push(rel);
  }
}

function resolve(root: string, from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)) : null;
  if (base === null) return null;
  for (const ext of EXTENSIONS) {
    try {
      if (statSync(path.join(root, base + ext)).isFile()) return base + ext;
    } catch {
      // not this extension
    }
  }
  return base;
}

/** Every violation in the tree under `root`. */
export function violations(root: string): Violation[] {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) walk(root, dir, files);
  const out: Violation[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(root, file), "utf8");
    const specs = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    for (const spec of specs) {
      if (file.startsWith("app/") && DATABASE_IMPORTS.some((re) => re.test(spec))) out.push({ from: file, to: spec, rule: "app/ reaches the database itself" });
      const target = resolve(root, file, spec);
      if (!target) continue;
      const rule = ruleBroken(file, target);
      if (rule) out.push({ from: file, to: target, rule });
    }
    if (file.startsWith("app/") && /\bgetDb\s*\(|\$client\b|\.prepare\s*\(/.test(text))
      out.push({ from: file, to: "(database)", rule: "app/ reaches the database itself" });
  }
  return out;
}
