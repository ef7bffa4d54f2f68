// Which wave a page opens on when none is asked for: the one in fieldwork today, not the newest
// (an administrator opens next year's wave well before its fieldwork starts).
export type WaveDates = { year: number; fieldworkStart: string; fieldworkEnd: string };

/**
 * The wave in fieldwork on `today` (YYYY-MM-DD; of several, the one that started last); else the
 * last one whose fieldwork has started (its review and results go on after fieldwork); else the
 * first to come; undefined without waves.
 */
export function fieldworkWave<W extends WaveDates>(waves: readonly W[], today: string): W | undefined {
  const byStart = [...waves].sort((a, b) => b.fieldworkStart.localeCompare(a.fieldworkStart) || b.year - a.year);
  return (
    byStart.find((w) => w.fieldworkStart <= today && today <= w.fieldworkEnd) ?? byStart.find((w) => w.fieldworkStart <= today) ?? byStart[byStart.length - 1]
  );
}

/** Today's date in UTC, YYYY-MM-DD. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
