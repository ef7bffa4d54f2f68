import { describe, expect, it } from "vitest";
import { SessionTokenCache, sessionTokenOf } from "./session-token";

describe("sessionTokenOf", () => {
  it("finds the plain and the secure session cookie among others", () => {
    expect(
      sessionTokenOf([
        { name: "x", value: "1" },
        { name: "authjs.session-token", value: "abc" },
      ]),
    ).toEqual({ name: "authjs.session-token", value: "abc" });
    expect(sessionTokenOf([{ name: "__Secure-authjs.session-token", value: "abc" }])).toEqual({ name: "__Secure-authjs.session-token", value: "abc" });
  });
  it("joins a token split into chunks, in chunk order, under the unsplit name", () => {
    const got = sessionTokenOf([
      { name: "authjs.session-token.1", value: "def" },
      { name: "authjs.session-token.0", value: "abc" },
      { name: "authjs.session-token.10", value: "z" },
      { name: "authjs.session-token.2", value: "ghi" },
    ]);
    expect(got).toEqual({ name: "authjs.session-token", value: "abcdefghiz" });
  });
  it("is null without a session cookie or with an empty one", () => {
    expect(sessionTokenOf([])).toBeNull();
    expect(sessionTokenOf([{ name: "authjs.session-token", value: "" }])).toBeNull();
    expect(
      sessionTokenOf([
        { name: "authjs.csrf-token", value: "abc" },
        { name: "xauthjs.session-token", value: "abc" },
      ]),
    ).toBeNull();
  });
});

describe("SessionTokenCache", () => {
  it("keeps a decoded token until it expires", () => {
    let t = 1000;
    const cache = new SessionTokenCache(10, () => t);
    cache.set("a", { uid: 1, sv: 2 }, 2000);
    expect(cache.get("a")).toEqual({ uid: 1, sv: 2 });
    t = 1999;
    expect(cache.get("a")).toEqual({ uid: 1, sv: 2 });
    t = 2000;
    expect(cache.get("a")).toBeNull();
    expect(cache.size).toBe(0);
  });
  it("does not keep a token that has already expired", () => {
    const cache = new SessionTokenCache(10, () => 5000);
    cache.set("a", { uid: 1, sv: 1 }, 5000);
    expect(cache.get("a")).toBeNull();
  });
  it("is bounded: the oldest token goes first", () => {
    const cache = new SessionTokenCache(2, () => 0);
    cache.set("a", { uid: 1, sv: 1 }, 10);
    cache.set("b", { uid: 2, sv: 1 }, 10);
    cache.set("c", { uid: 3, sv: 1 }, 10);
    expect(cache.get("a")).toBeNull();
    expect(cache.get("b")).toEqual({ uid: 2, sv: 1 });
    expect(cache.get("c")).toEqual({ uid: 3, sv: 1 });
    expect(cache.size).toBe(2);
  });
});
