// The CEPEJ evaluation questionnaire of the 2020–2022 cycle (2020 data), chapter by chapter.
// Each chapter file is reviewed definition data (see ../ENCODING.md); this file only assembles them.
import type { QuestionnaireInput } from "../../../questionnaire/definition";
import ch01 from "./ch01.json";
import ch02 from "./ch02.json";
import ch03a from "./ch03-a.json";
import ch03b from "./ch03-b.json";
import ch04 from "./ch04.json";
import ch05 from "./ch05.json";
import ch06 from "./ch06.json";
import ch07 from "./ch07.json";
import ch08 from "./ch08.json";
import ch09 from "./ch09.json";
import ch10 from "./ch10.json";
import ch11 from "./ch11.json";
import ch12 from "./ch12.json";

const ch03 = { id: "3", title: { en: "Organisation of the court system" }, parts: [...ch03a, ...ch03b] };

export const CEPEJ_2020_2022 = {
  id: "cepej-2020-2022",
  version: "2020-2022.1",
  title: { en: "Evaluation of the judicial systems (2020 - 2022)" },
  parts: [ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09, ch10, ch11, ch12],
} as unknown as QuestionnaireInput;
