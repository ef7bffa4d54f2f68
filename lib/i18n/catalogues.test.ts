// Every catalogue has every key of the English one, with the same ICU arguments, and messages
// that parse; plural messages carry the categories their language needs (Russian one/few/many,
// Kazakh and French other).
import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import kk from "@/messages/kk.json";
import fr from "@/messages/fr.json";
import { LOCALES } from "./locales";

type Catalogue = { [key: string]: string | Catalogue };

function flatten(c: Catalogue, prefix = "", out = new Map<string, string>()) {
  for (const [k, v] of Object.entries(c)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else flatten(v, `${prefix}${k}.`, out);
  }
  return out;
}

/** Argument names of a message, and the plural categories used per plural argument. */
function argumentsOf(elements: MessageFormatElement[], args = new Set<string>(), plurals: string[][] = []) {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) args.add(e.value);
    if (e.type === TYPE.select || e.type === TYPE.plural) {
      args.add(e.value);
      if (e.type === TYPE.plural) plurals.push(Object.keys(e.options));
      for (const o of Object.values(e.options)) argumentsOf(o.value, args, plurals);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, args, plurals);
  }
  return { args, plurals };
}

const english = flatten(en);
const catalogues = { ru, kk, fr } as Record<string, Catalogue>;
const NEEDED: Record<string, string[]> = { ru: ["one", "few", "many", "other"], kk: ["other"], fr: ["one", "other"] };

describe("message catalogues", () => {
  it("exist for every language of the UI", () => {
    expect(Object.keys(catalogues).sort()).toEqual(LOCALES.filter((l) => l !== "en").sort());
  });
  for (const [lang, catalogue] of Object.entries(catalogues)) {
    const messages = flatten(catalogue);
    it(`${lang}: has exactly the keys of en`, () => {
      expect(
        [...english.keys()].filter((k) => !messages.has(k)),
        "missing",
      ).toEqual([]);
      expect(
        [...messages.keys()].filter((k) => !english.has(k)),
        "extra",
      ).toEqual([]);
    });
    it(`${lang}: every message parses, uses the arguments of en, and has its plural categories`, () => {
      const problems: string[] = [];
      for (const [key, source] of english) {
        const text = messages.get(key);
        if (text === undefined) continue;
        if (!text.trim()) problems.push(`${key}: empty`);
        const theirs = argumentsOf(parse(text)).args;
        const ours = argumentsOf(parse(source)).args;
        if ([...ours].sort().join() !== [...theirs].sort().join()) problems.push(`${key}: arguments ${[...theirs]} instead of ${[...ours]}`);
        for (const categories of argumentsOf(parse(text)).plurals) {
          const missing = NEEDED[lang].filter((c) => !categories.includes(c));
          if (missing.length) problems.push(`${key}: plural without ${missing.join(", ")}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
