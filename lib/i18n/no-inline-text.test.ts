// No user-visible text written inline in the pages and components: every word a user reads comes
// from messages/{en,ru,kk,fr}.json. The TypeScript compiler reads each .tsx file of app/,
// modules/*/components/ and lib/ui/; a word found where React renders it (JSX text, a text
// attribute, a string or template literal rendered as a child) fails the test with its place.
// Allowed: punctuation, digits, symbols, and codes (CSV, JSON, NA, KZ: two to four capitals).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const TEXT_ATTRIBUTES = new Set(["placeholder", "aria-label", "aria-description", "title", "alt", "label"]);
const MESSAGE_PROPERTIES = new Set(["text", "label", "title", "message", "reason", "error"]);
/** Single tokens allowed besides codes: statistical notation (n, Σ). */
const ALLOWED_TOKENS = new Set(["n", "Σ"]);

function tsxFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  return readdirSync(full).flatMap((name) => {
    const p = path.join(full, name);
    if (statSync(p).isDirectory()) return tsxFiles(path.join(dir, name));
    return name.endsWith(".tsx") ? [path.join(dir, name)] : [];
  });
}

const componentDirs = readdirSync(path.join(ROOT, "modules"))
  .map((m) => path.join("modules", m, "components"))
  .filter((d) => {
    try {
      return statSync(path.join(ROOT, d)).isDirectory();
    } catch {
      return false;
    }
  });
const FILES = ["app", "lib/ui", ...componentDirs].flatMap(tsxFiles);

/** Words in a piece of text that are neither codes nor allowed tokens. */
export function wordsIn(text: string): string[] {
  return (text.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? []).filter((w) => !/^[A-Z]{2,4}$/.test(w) && !ALLOWED_TOKENS.has(w));
}

/** Inline texts of one source file: where, and what. */
export function inlineTexts(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!wordsIn(text).length) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${fileName}:${line + 1}: ${JSON.stringify(text.trim())}`);
  };
  // The parts of an expression that end up on the screen: literals, both branches of a condition,
  // the fallbacks of || and ??, what && yields, template pieces, what a callback passed to
  // .map(…) returns. Not call arguments in general (t("key"), x.join(", ")) nor conditions.
  const rendered = (e: ts.Expression | undefined): void => {
    if (!e) return;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return report(e, e.text);
    if (ts.isTemplateExpression(e)) {
      report(e, [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(" "));
      return e.templateSpans.forEach((s) => rendered(s.expression));
    }
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) return rendered(e.expression);
    if (ts.isConditionalExpression(e)) return (rendered(e.whenTrue), rendered(e.whenFalse));
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return rendered(e.right);
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken)
        return (rendered(e.left), rendered(e.right));
      return;
    }
    if (ts.isCallExpression(e)) {
      if (ts.isPropertyAccessExpression(e.expression)) rendered(e.expression.expression);
      for (const a of e.arguments) if (ts.isArrowFunction(a) && !ts.isBlock(a.body)) rendered(a.body);
      return;
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) rendered(node.expression);
    else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) report(node.initializer, node.initializer.text);
      else if (ts.isJsxExpression(node.initializer)) rendered(node.initializer.expression);
    }
    // Messages put on the screen outside JSX: setMessage(…), setError(…) and the like, and texts, labels, titles and
    // messages in object literals (a result { text: … }, a chapter { title: … }).
    else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && /^set(Message|Error|Result|Notice|Status|Text)$/.test(node.expression.text))
      node.arguments.forEach(rendered);
    else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && MESSAGE_PROPERTIES.has(node.name.text)) rendered(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("no inline user-visible text", () => {
  it("finds the components to check", () => {
    expect(FILES.length).toBeGreaterThan(40);
    expect(FILES).toContain(path.join("modules", "survey", "components", "assign-form.tsx"));
  });

  it("recognises text where React renders it, and lets codes and message keys pass", () => {
    const sample = `
      export const A = ({ n, ok, t }) => (
        <div title="Tooltip words" aria-label={t("key")}>
          Plain words
          {ok ? "shown yes" : t("no")}
          {\`\${n} households\`}
          {[1].map((x) => \`\${x} rows\`).join(", ")}
          {ok && " overdue"}
          <input placeholder="KZ, FR" /> CSV · JSON — Σ {n} n=3
          {x === "submitted" ? t("a") : null}
        </div>
      );
      const B = () => { setMessage(ok ? "Saved." : t("x")); setError({ text: "Nothing was done." }); return null; };`;
    expect(inlineTexts("sample.tsx", sample).map((f) => f.replace(/^sample\.tsx:\d+: /, ""))).toEqual([
      '"Tooltip words"',
      '"Plain words"',
      '"shown yes"',
      '"households"',
      '"rows"',
      '"overdue"',
      '"Saved."',
      '"Nothing was done."',
    ]);
  });

  it("in app/, modules/*/components/ and lib/ui/: every text from the catalogues", () => {
    const found = FILES.flatMap((f) => inlineTexts(f, readFileSync(path.join(ROOT, f), "utf8")));
    expect(found).toEqual([]);
  });
});
