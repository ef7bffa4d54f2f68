import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJson } from "./json-body";

const Schema = z.object({ changes: z.array(z.object({ cell: z.string(), text: z.string().nullable() })) });
const request = (body: string) => new Request("http://x/api", { method: "PUT", headers: { "content-type": "application/json" }, body });

describe("readJson", () => {
  it("accepts ordinary texts, paired surrogates (emoji) included", async () => {
    const r = await readJson(request(JSON.stringify({ changes: [{ cell: "001", text: "Астана 😀" }] })), Schema);
    expect(r.ok).toBe(true);
  });
  it("refuses a NUL or an unpaired surrogate anywhere, with where it is", async () => {
    for (const text of ["a\\u0000b", "\\ud800", "x\\udc00y", "\\udbff\\u0041"]) {
      const r = await readJson(request(`{"changes":[{"cell":"001","text":"${text}"}]}`), Schema);
      expect(r.ok, text).toBe(false);
      if (r.ok) continue;
      expect(r.response.status).toBe(400);
      expect((await r.response.json()).error).toContain("changes[0].text");
    }
    const key = await readJson(request(`{"changes":[],"\\u0000":1}`), Schema);
    expect(key.ok).toBe(false);
  });
  it("walks a body nested thousands deep without running out of stack", async () => {
    const deep = "[".repeat(50_000) + "]".repeat(50_000);
    const r = await readJson(request(deep), Schema);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.response.status).toBe(400);
  });
  it("names an over-long text by its path and the limit", async () => {
    const Query = z.object({ text: z.string().max(5000), items: z.array(z.object({ note: z.string().max(10) })) });
    const r = await readJson(request(JSON.stringify({ text: "x".repeat(5001), items: [{ note: "ok" }, { note: "x".repeat(11) }] })), Query);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.response.status).toBe(400);
    expect((await r.response.json()).details).toEqual([
      { path: "text", message: "longer than 5000 characters" },
      { path: "items.1.note", message: "longer than 10 characters" },
    ]);
  });
});
