// Checks one chapter file of a definition against the model: `tsx scripts/check-definition.ts FILE...`
// A chapter file holds one Part (a chapter) or an array of Parts (sections of a chapter split in
// several files). Prints the question ids found, or every error with its path.
import { readFileSync } from "node:fs";
import { parseQuestionnaire } from "../modules/questionnaire/validate";
import { walkQuestions } from "../modules/questionnaire/walk";

let failed = false;
for (const file of process.argv.slice(2)) {
  const json = JSON.parse(readFileSync(file, "utf8"));
  const parts = Array.isArray(json) ? [{ id: "99", title: { en: "wrapper" }, parts: json }] : [json];
  const result = parseQuestionnaire({ id: "check", version: "0", title: { en: "check" }, parts });
  if (!result.ok) {
    failed = true;
    console.log(`${file}: ${result.errors.length} error(s)`);
    for (const e of result.errors) console.log(`  ${e.path}: ${e.message}`);
    continue;
  }
  const ids = Array.from(walkQuestions(result.questionnaire), (x) => x.question.id);
  console.log(`${file}: OK, ${ids.length} questions`);
  console.log("  " + ids.join(" "));
}
process.exit(failed ? 1 : 0);
