import { afterEach, describe, expect, it } from "vitest";
import { publicOrigin } from "./origin";

const req = (headers: Record<string, string>) => new Request("http://localhost:3000/api/open-data/catalog", { headers });

describe("publicOrigin", () => {
  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });
  it("is the host the client asked for, not the server's own name", () => {
    expect(publicOrigin(req({ host: "stats.example.org" }))).toBe("http://stats.example.org");
  });
  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(publicOrigin(req({ host: "stats.example.org", "x-forwarded-proto": "https" }))).toBe("http://stats.example.org");
    process.env.TRUST_PROXY = "1";
    expect(publicOrigin(req({ host: "stats.example.org", "x-forwarded-proto": "https" }))).toBe("https://stats.example.org");
  });
});
