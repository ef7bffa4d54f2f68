import { describe, expect, it } from "vitest";
import { TEXT_MAX } from "@/lib/text-limits";
import { parseSampleFrame } from "./sample-frame";

const HEADER = "household_id,region,settlement,weight,address";
const file = (...rows: string[]) => [HEADER, ...rows].join("\r\n") + "\r\n";

describe("parseSampleFrame", () => {
  it("accepts a valid frame (BOM, quoted addresses, any column order)", () => {
    const r = parseSampleFrame("\ufeff" + file('H1,AKM,1,285.71,"Kokshetau, Abai st. 12, apt 4"', "H2,SHY,2,1020,Kazygurt village"));
    expect(r).toEqual({
      ok: true,
      households: [
        { household_id: "H1", region: "AKM", settlement: "1", weight: 285.71, address: "Kokshetau, Abai st. 12, apt 4" },
        { household_id: "H2", region: "SHY", settlement: "2", weight: 1020, address: "Kazygurt village" },
      ],
    });
    const reordered = parseSampleFrame("address,weight,settlement,region,household_id\nSomewhere 1,3.5,1,AST,H9\n");
    expect(reordered).toEqual({ ok: true, households: [{ household_id: "H9", region: "AST", settlement: "1", weight: 3.5, address: "Somewhere 1" }] });
  });

  it("lists every invalid row with column and reason, and accepts nothing", () => {
    const r = parseSampleFrame(
      file(
        "H1,AKM,1,10,Street 1",
        "H2,XYZ,1,10,Street 2", // unknown region
        "H3,AKM,3,10,Street 3", // settlement not 1/2
        "H4,AKM,2,0,Street 4", // weight not positive
        "H5,AKM,2,abc,Street 5", // weight not a number
        "H6,AKM,2,-3,Street 6", // negative weight
        "H1,AKM,1,10,Street 7", // duplicate household_id
        "H8,AKM,1,10,", // missing address
        ",akm,,,", // everything missing
      ),
    );
    expect(r.ok).toBe(false);
    expect("households" in r).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(({ row, column }) => [row, column])).toEqual([
      [3, "region"],
      [4, "settlement"],
      [5, "weight"],
      [6, "weight"],
      [7, "weight"],
      [8, "household_id"],
      [9, "address"],
      [10, "household_id"],
      [10, "region"],
      [10, "settlement"],
      [10, "weight"],
      [10, "address"],
    ]);
    expect(r.errors[0].reason).toContain('"XYZ" is not a region code');
    expect(r.errors[5].reason).toBe('duplicate household_id "H1" (first on row 2)');
    expect(r.errors[6].reason).toBe("address is missing");
  });

  it("checks the header and the number of fields", () => {
    expect(parseSampleFrame("household_id,region,settlement,weight\nH1,AKM,1,2\n")).toEqual({
      ok: false,
      errors: [{ row: 1, column: "address", reason: "missing column" }],
    });
    const extra = parseSampleFrame(`${HEADER},phone\nH1,AKM,1,2,x,y\n`);
    expect(extra.ok ? [] : extra.errors.map((e) => e.column)).toEqual(["phone"]);
    const short = parseSampleFrame(file("H1,AKM,1,2"));
    expect(short).toEqual({ ok: false, errors: [{ row: 2, column: "", reason: "expected 5 fields, found 4" }] });
    expect(parseSampleFrame("").ok).toBe(false);
    expect(parseSampleFrame(file()).ok).toBe(false);
  });

  it("refuses an over-long address or household_id with its row and column, and quotes a long value only in part", () => {
    const long = "x".repeat(100_000);
    const r = parseSampleFrame(
      file(
        `H1,AKM,1,10,"${"A".repeat(TEXT_MAX.address)}"`, // at the limit: accepted
        `H2,AKM,1,10,"${"A".repeat(TEXT_MAX.address + 1)}"`,
        `${"H".repeat(TEXT_MAX.code + 1)},AKM,1,10,Street 3`,
        `H4,${long},1,10,Street 4`,
      ),
    );
    expect(r.ok ? [] : r.errors).toEqual([
      { row: 3, column: "address", reason: `address is longer than ${TEXT_MAX.address} characters` },
      { row: 4, column: "household_id", reason: `household_id is longer than ${TEXT_MAX.code} characters` },
      { row: 5, column: "region", reason: expect.stringMatching(/^"x{40}…" is not a region code/) },
    ]);
    expect(parseSampleFrame(file(`H1,AKM,1,10,"${"A".repeat(TEXT_MAX.address)}"`)).ok).toBe(true);
  });
});
