import { describe, expect, it } from "vitest";
import { CALLBACK_URL_MAX, safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(safeCallbackPath("/admin/users")).toBe("/admin/users");
    expect(safeCallbackPath("/survey?region=AST&wave=2026#top")).toBe("/survey?region=AST&wave=2026#top");
  });
  it("percent-encodes characters outside Latin-1, which a Location header cannot carry", () => {
    const path = safeCallbackPath("/reports?x=Қазақша");
    expect(path).toBe("/reports?x=%D2%9A%D0%B0%D0%B7%D0%B0%D2%9B%D1%88%D0%B0");
    expect(/^[\x21-\x7e]*$/.test(path)).toBe(true);
    expect(safeCallbackPath("/отчёты")).toBe("/%D0%BE%D1%82%D1%87%D1%91%D1%82%D1%8B");
  });
  it("sends CR/LF, other control characters and backslashes home", () => {
    for (const v of ["/x\r\nSet-Cookie: a=b", "\r\n", "/x\n", "/a\u0000b", "/a\tb", "/\\evil.example", "/x\u007f"])
      expect(safeCallbackPath(v), JSON.stringify(v)).toBe("/");
  });
  it("sends other sites, other schemes and non-paths home", () => {
    for (const v of [
      "https://evil.example/",
      "//evil.example",
      "///evil.example",
      "http:evil.example",
      "javascript:alert(1)",
      "data:text/html,x",
      "b",
      "evil.example/x",
      "",
      "?x=1",
    ])
      expect(safeCallbackPath(v, ["localhost:3000"]), v).toBe("/");
  });
  it("keeps the path of an absolute address of this site's own host, only that", () => {
    expect(safeCallbackPath("http://localhost:3000/reports?x=1", ["localhost:3000"])).toBe("/reports?x=1");
    expect(safeCallbackPath("https://localhost:3000/a", ["localhost:3000"])).toBe("/a");
    expect(safeCallbackPath("http://localhost:3000//evil.example", ["localhost:3000"])).toBe("/");
    expect(safeCallbackPath("http://localhost:3001/a", ["localhost:3000"])).toBe("/");
    expect(safeCallbackPath("http://localhost:3000/a", [null, undefined])).toBe("/");
  });
  it("sends very long addresses and non-strings home", () => {
    expect(safeCallbackPath(`/${"a".repeat(CALLBACK_URL_MAX)}`)).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(CALLBACK_URL_MAX - 2)}`)).toBe(`/${"a".repeat(CALLBACK_URL_MAX - 2)}`);
    for (const v of [undefined, null, 1, ["/a", "/b"], {}]) expect(safeCallbackPath(v)).toBe("/");
  });
});
