import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { prepared } from "./statements";

describe("prepared", () => {
  it("prepares a statement once per connection and SQL text", () => {
    const a = new Database(":memory:");
    const b = new Database(":memory:");
    const one = prepared(a, "select 1 as x");
    expect(prepared(a, "select 1 as x")).toBe(one);
    expect(prepared(b, "select 1 as x")).not.toBe(one);
    expect(prepared(a, "select 2 as x")).not.toBe(one);
    expect((one.get() as { x: number }).x).toBe(1);
  });
});
