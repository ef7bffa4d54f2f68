// A refusal carries its catalogue code and values to the client, worded in English for the API
// from the same catalogue the interface words it from.
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import kk from "@/messages/kk.json";
import { refusal, refusalBody } from "./refusal";
import { ServiceError } from "./service-error";
import { problem } from "./json-body";

describe("refusals", () => {
  it("word their English from the catalogue, with the values", () => {
    expect(refusal("notCorrespondentOf", { country: "KZ" })).toEqual({
      code: "notCorrespondentOf",
      params: { country: "KZ" },
      message: "You are not a correspondent for KZ.",
    });
    expect(refusal("interviewStateRefused", { state: "in_progress", action: "approve" }).message).toBe("An interview that is in progress cannot be approved.");
    expect(refusal("itemsToFix", { count: 1 }).message).toBe("1 item must be fixed or explained before submitting.");
  });

  it("reach the API's answer as error, code and params; a plain reason stays as it was", async () => {
    const response = problem(409, new ServiceError(409, refusal("waveExists", { year: 2026 })).refusal!);
    expect(await response.json()).toEqual({ error: "Wave 2026 exists.", code: "waveExists", params: { year: 2026 } });
    expect(refusalBody("format must be csv, xlsx or json")).toEqual({ error: "format must be csv, xlsx or json" });
  });

  it("can be worded in Kazakh from what the API sent", () => {
    const body = refusalBody(refusal("replyStateRefused", { state: "validated", action: "submit" }));
    const text = new IntlMessageFormat(kk.refusals[body.code as keyof typeof kk.refusals], "kk").format(body.params);
    expect(text).toBe("Мәртебесі «бекітілді» жауапты жіберуге болмайды.");
  });
});
