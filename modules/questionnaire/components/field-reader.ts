// Reads one form field without copying the whole form: react-hook-form's getValues(name) spreads
// every value of the form on each call, which made rule evaluation O(cells²) on large chapters.
// Field names here are flat storage keys, so a direct lookup is exact. (_formValues starts as a
// copy of the default values because the form keeps unmounted fields: shouldUnregister=false.)
import type { Control, FieldValues } from "react-hook-form";

export const fieldReader =
  (control: Control<FieldValues>) =>
  (name: string): unknown =>
    (control._formValues as Record<string, unknown>)[name];
