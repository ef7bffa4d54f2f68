// The six electronic collections of legal statistical information (Appendix 1 to the
// Instruction), their recipients and copies, and when they are sent (paragraphs 12–13).
//
// why some copies are "unplaced": the seed's table lost its empty cells when it was flattened to
// text, so for rows with blanks we know how many recipients of a column group get a copy, but not
// which ones. Rather than guess, those copies are kept as { among, recipients, copiesEach }; the
// official table (adilet.zan.kz, order No. 25 of 15 April 2019) is needed to place them.
// What is certain in every row: the GPO leadership's 7 copies (first figure) and the Committee's
// 5 (the only 5); rows 1 and 6 of the first part and rows 1 and 2 of the continuation are full.
import type { Periodicity } from "./periods";
import type { DeadlineRule } from "./schedule";

export const RECIPIENTS = {
  gpoLeadership: "General Prosecutor's office of the RK: Leadership",
  gpoOffice: "General Prosecutor's office of the RK: Office of the General Prosecutor",
  gpoCriminalProsecution: "General Prosecutor's office of the RK: Service of criminal prosecution",
  gpoSentencesSupervision:
    "General Prosecutor's office of the RK: Service on supervision of legality of sentences that have entered into force and their execution",
  gpoPublicInterests: "General Prosecutor's office of the RK: Service on protection of public interests",
  gpoSpecialProsecutors: "General Prosecutor's office of the RK: Service of special prosecutors",
  lawEnforcementAcademy: "Law enforcement Academy",
  legalStatisticsCommittee: "The Committee for legal statistics and special accounts",
  presidentAdministration: "Administration of the President of the RK",
  constitutionalCouncil: "Constitutional Council of the RK",
  senate: "The Senate of the Parliament of the RK",
  majilis: "Majilis of the Parliament of the RK",
  primeMinisterOffice: "Office of the Prime-Minister of the RK",
  securityCouncil: "Council for Security of the RK",
  supremeCourt: "Supreme Court of the RK",
  nationalSecurityCommittee: "Committee for national security of the RK",
  internalAffairs: "Ministry of Internal Affairs of the RK",
  justice: "Ministry of Justice of the RK",
  antiCorruptionBureau: "National anti-corruption bureau of the Agency for civil service affairs and anti-corruption",
  financialMonitoring: "Committee for financial monitoring of the Ministry of Finance of the RK",
  defence: "Ministry of Defence of the RK",
  stateSecurityService: "Service of state security of the RK",
  syrbar: 'Foreign intelligence service "Syrbar" of the RK',
} as const;

export type RecipientId = keyof typeof RECIPIENTS;

/** Column groups of the table where a row has blanks (columns 3–8, 10–12, 13–24). */
const GPO_UNITS: readonly RecipientId[] = [
  "gpoOffice",
  "gpoCriminalProsecution",
  "gpoSentencesSupervision",
  "gpoPublicInterests",
  "gpoSpecialProsecutors",
  "lawEnforcementAcademy",
];
const HIGHER_BODIES: readonly RecipientId[] = ["presidentAdministration", "constitutionalCouncil", "senate"];
const CONTINUATION: readonly RecipientId[] = [
  "majilis",
  "primeMinisterOffice",
  "securityCouncil",
  "supremeCourt",
  "nationalSecurityCommittee",
  "internalAffairs",
  "justice",
  "antiCorruptionBureau",
  "financialMonitoring",
  "defence",
  "stateSecurityService",
  "syrbar",
];

export interface UnplacedCopies {
  /** The column group the copies belong to. */
  readonly among: readonly RecipientId[];
  /** How many of them receive a copy (which ones is not in the seed). */
  readonly recipients: number;
  readonly copiesEach: number;
}

export interface ElectronicCollection {
  /** Row number in Appendix 1, 1–6. */
  readonly number: number;
  readonly title: string;
  readonly periodicities: readonly Periodicity[];
  readonly deadline: DeadlineRule;
  /** Recipients whose copies the seed states for certain. */
  readonly copies: Readonly<Partial<Record<RecipientId, number>>>;
  readonly unplaced: readonly UnplacedCopies[];
}

// why the 14th for all six: paragraph 12 (quarterly collections) and paragraph 13 (half-year and
// year collection) both say "by the 14th day of the month following the reporting period".
const BY_14TH: DeadlineRule = { kind: "dayOfFollowingMonth", day: 14 };
const QUARTERLY: readonly Periodicity[] = ["quarterly"];
const one = (ids: readonly RecipientId[]) => Object.fromEntries(ids.map((id) => [id, 1])) as Partial<Record<RecipientId, number>>;
const some = (among: readonly RecipientId[], recipients: number): UnplacedCopies => ({ among, recipients, copiesEach: 1 });

export const ELECTRONIC_COLLECTIONS: readonly ElectronicCollection[] = [
  {
    number: 1,
    title: "On crime and the results of activities of law enforcement bodies and courts in the Republic of Kazakhstan",
    periodicities: QUARTERLY,
    deadline: BY_14TH,
    copies: { ...one(GPO_UNITS), ...one(HIGHER_BODIES), ...one(CONTINUATION), gpoLeadership: 7, legalStatisticsCommittee: 5 },
    unplaced: [],
  },
  {
    number: 2,
    title: "On corruption crimes and offenses in the Republic of Kazakhstan",
    periodicities: QUARTERLY,
    deadline: BY_14TH,
    copies: { ...one(HIGHER_BODIES), ...one(CONTINUATION), gpoLeadership: 7, legalStatisticsCommittee: 5 },
    unplaced: [some(GPO_UNITS, 5)],
  },
  {
    number: 3,
    title:
      "On offenses related to illegal trafficking of narcotic drugs, psychotropic or poisonous substances, precursors, analogues and persons who use them in the Republic of Kazakhstan",
    periodicities: QUARTERLY,
    deadline: BY_14TH,
    copies: { gpoLeadership: 7, legalStatisticsCommittee: 5 },
    unplaced: [some(GPO_UNITS, 3), some(HIGHER_BODIES, 2), some(CONTINUATION, 7)],
  },
  {
    number: 4,
    title: "On the work of the courts of the Republic of Kazakhstan",
    periodicities: QUARTERLY,
    deadline: BY_14TH,
    copies: { ...one(HIGHER_BODIES), gpoLeadership: 7, legalStatisticsCommittee: 5 },
    unplaced: [some(GPO_UNITS, 5), some(CONTINUATION, 8)],
  },
  {
    number: 5,
    title: "On the results of activity of criminal prosecution bodies of the Republic of Kazakhstan",
    // why: paragraph 13 sends this one "based on the results of half-year and year", not quarterly.
    periodicities: ["halfYearly", "yearly"],
    deadline: BY_14TH,
    copies: { ...one(HIGHER_BODIES), gpoLeadership: 7, legalStatisticsCommittee: 5 },
    unplaced: [some(GPO_UNITS, 4), some(CONTINUATION, 10)],
  },
  {
    number: 6,
    title: "On the state of Prosecutor's supervision in the Republic of Kazakhstan",
    periodicities: QUARTERLY,
    deadline: BY_14TH,
    copies: { ...one(GPO_UNITS), ...one(HIGHER_BODIES), gpoLeadership: 7, gpoOffice: 2, legalStatisticsCommittee: 5 },
    unplaced: [some(CONTINUATION, 8)],
  },
];

export function findCollection(number: number): ElectronicCollection | undefined {
  return ELECTRONIC_COLLECTIONS.find((c) => c.number === number);
}

/** All copies of one dispatch, placed or not: the figures of the row added up. */
export function totalCopies(c: ElectronicCollection): number {
  const placed = Object.values(c.copies).reduce<number>((sum, n) => sum + (n ?? 0), 0);
  return placed + c.unplaced.reduce((sum, u) => sum + u.recipients * u.copiesEach, 0);
}
