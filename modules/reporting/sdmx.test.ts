import { describe, expect, it } from "vitest";
import { crimesSdmxCsv } from "./sdmx";

describe("SDMX-CSV of registered crimes", () => {
  it("names the dataflow on every line and marks provisional observations P", () => {
    const csv = crimesSdmxCsv(
      [
        { region: "AST", period: "2025", registered: 16045, provisional: false },
        { region: "AST", period: "2026", registered: 1500, provisional: true },
      ],
      "A",
    );
    expect(csv.startsWith("DATAFLOW,")).toBe(true); // no byte-order mark
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE");
    expect(lines[1]).toBe("KZ_LSSRPGO:DF_REGISTERED_CRIMES(1.0),A,AST,CRIMES_REGISTERED,2025,16045,A,NUMBER");
    expect(lines[2]).toBe("KZ_LSSRPGO:DF_REGISTERED_CRIMES(1.0),A,AST,CRIMES_REGISTERED,2026,1500,P,NUMBER");
  });
});
