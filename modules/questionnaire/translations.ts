// Which texts of a definition lack a language: every localized text ({ en, ru?, kk?, … }) is
// found wherever it sits in the definition (labels, notes, options, rule messages).

/** JSON paths of the localized texts that have no non-empty text in one of `languages`. */
export function missingTranslations(definition: unknown, languages: string[]): string[] {
  const missing: string[] = [];
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${path}[${i}]`));
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.en === "string") {
      for (const lang of languages) if (typeof record[lang] !== "string" || !(record[lang] as string).trim()) missing.push(`${path}.${lang}`);
      return;
    }
    for (const [key, value] of Object.entries(record)) visit(value, `${path}.${key}`);
  };
  visit(definition, "$");
  return missing;
}
