import { describe, expect, it } from "vitest";
import { ELECTRONIC_COLLECTIONS, findCollection, RECIPIENTS, totalCopies, type RecipientId } from "./collections";

describe("the electronic collections of Appendix 1", () => {
  it("has six collections with 23 recipient columns", () => {
    expect(ELECTRONIC_COLLECTIONS.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Object.keys(RECIPIENTS)).toHaveLength(23);
  });
  it("adds up to the figures of each row of the seed's table", () => {
    // row 1: 7+1+1+1+1+1+1+5+1+1+1 and twelve 1s; row 6: 7+2+1+1+1+1+1+5+1+1+1 and eight 1s
    expect(ELECTRONIC_COLLECTIONS.map(totalCopies)).toEqual([33, 32, 24, 28, 29, 30]);
  });
  it("gives the GPO leadership 7 copies and the Committee 5 in every row; the Office 2 of collection 6", () => {
    for (const c of ELECTRONIC_COLLECTIONS) expect([c.copies.gpoLeadership, c.copies.legalStatisticsCommittee]).toEqual([7, 5]);
    expect(findCollection(6)!.copies.gpoOffice).toBe(2);
    expect(findCollection(1)!.copies.syrbar).toBe(1);
    expect(findCollection(1)!.unplaced).toEqual([]);
  });
  it("never places a recipient twice or leaves more copies unplaced than a group has members", () => {
    for (const c of ELECTRONIC_COLLECTIONS) {
      for (const u of c.unplaced) {
        expect(u.recipients).toBeLessThan(u.among.length);
        for (const id of u.among) expect(c.copies[id as RecipientId]).toBeUndefined();
      }
    }
  });
  it("sends five collections quarterly and collection 5 for the half-year and the year, by the 14th", () => {
    expect(ELECTRONIC_COLLECTIONS.map((c) => c.periodicities.join("+"))).toEqual([
      "quarterly",
      "quarterly",
      "quarterly",
      "quarterly",
      "halfYearly+yearly",
      "quarterly",
    ]);
    for (const c of ELECTRONIC_COLLECTIONS) expect(c.deadline).toEqual({ kind: "dayOfFollowingMonth", day: 14 });
  });
});
