import { describe, expect, it } from "vitest";
import { cycleName } from "./cycle-name";

const ru = ({ from, to }: { from: string; to: string }) => `Цикл оценки ${from}–${to}`;

describe("cycle names", () => {
  it("the usual English name in the user's language", () => {
    expect(cycleName({ slug: "2022-2024", name: "Evaluation cycle 2022–2024" }, ru)).toBe("Цикл оценки 2022–2024");
  });
  it("a name written otherwise, or for other years, as written", () => {
    expect(cycleName({ slug: "2022-2024", name: "Cycle 2024 (special)" }, ru)).toBe("Cycle 2024 (special)");
    expect(cycleName({ slug: "2022-2024", name: "Evaluation cycle 2020–2022" }, ru)).toBe("Evaluation cycle 2020–2022");
  });
});
