// POST /api/survey/waves — {"year":2030,"fieldworkStart":"2030-10-01","fieldworkEnd":"2030-11-30"} creates a wave (admins; 409 if it exists).
import { z } from "zod";
import { checkApiAccess } from "@/lib/auth/session";
import { problem, readJson } from "@/lib/http/json-body";
import { createWave } from "@/modules/survey/server/waves";
import { isIsoDate } from "@/modules/questionnaire/rules";
import { audit } from "@/lib/audit/server";

const Body = z
  .object({ year: z.number().int().min(2000).max(2100), fieldworkStart: z.string().refine(isIsoDate, "a date YYYY-MM-DD"), fieldworkEnd: z.string().refine(isIsoDate, "a date YYYY-MM-DD") })
  .strict()
  .refine((w) => w.fieldworkEnd >= w.fieldworkStart, { message: "fieldwork cannot end before it starts", path: ["fieldworkEnd"] });

export async function POST(request: Request) {
  const access = await checkApiAccess("write", { kind: "administration" });
  if (!access.ok) return access.response;
  const body = await readJson(request, Body);
  if (!body.ok) return body.response;
  if (!createWave(body.data.year, body.data.fieldworkStart, body.data.fieldworkEnd)) return problem(409, `Wave ${body.data.year} exists.`);
  audit({ action: "survey.wave_create", object: String(body.data.year), user: access.user });
  return Response.json({ wave: body.data.year }, { status: 201 });
}
