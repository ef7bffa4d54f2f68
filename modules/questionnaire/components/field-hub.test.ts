// The field hub must notify exactly whom react-hook-form's useWatch and form.watch(callback) would
// have notified (it replaces both in the questionnaire form). Checked against react-hook-form itself.
import { describe, expect, it } from "vitest";
import { createFormControl, type Control, type FieldValues } from "react-hook-form";
import { hubOf } from "./field-hub";

const FIELDS = [
  "001",
  "001~st",
  "001#comment",
  "001#status",
  "091:r1:incoming",
  "091:r1:incoming~st",
  "091:r1:resolved",
  "091:r2:incoming",
  "091:r2_1:incoming",
  "008:x:fee",
  "008:x:fee#2",
  "014-0:staff:main",
];
const WATCHERS: (string | string[])[] = [
  "001~st",
  "091:r1:incoming~st",
  "008:x:fee",
  "008:x:fee#2",
  "014-0:staff:main",
  ["091:r1:incoming", "091:r1:incoming~st"],
  ["091:r1:incoming", "091:r1:resolved", "091:r2:incoming"],
  ["001", "001#comment"],
  ["091:r2_1:incoming"],
  ["nothing"],
  [],
];

function form() {
  const defaultValues = Object.fromEntries(FIELDS.map((f) => [f, ""]));
  const methods = createFormControl({ defaultValues, shouldUnregister: false });
  // useForm marks the form mounted after its first render; before that, changes carry no name.
  (methods.control as unknown as { _state: { mount: boolean } })._state.mount = true;
  return methods;
}
type Internal = Control<FieldValues> & {
  _subscribe: (p: { name?: string | string[]; formState: Record<string, boolean>; callback: () => void }) => () => void;
  _subjects: { state: { next: (p: Record<string, unknown>) => void } };
};

describe("field hub", () => {
  it("notifies the watchers useWatch would notify, for every change of every field and for a reset", () => {
    const m = form();
    const control = m.control as Internal;
    const hub = hubOf(m.control);
    const ours = new Set<number>(),
      theirs = new Set<number>();
    WATCHERS.forEach((w, i) => {
      hub.subscribe(Array.isArray(w) ? w : [w], () => ours.add(i));
      control._subscribe({ name: w, formState: { values: true }, callback: () => theirs.add(i) }); // what useWatch subscribes
    });
    for (const f of FIELDS) {
      ours.clear();
      theirs.clear();
      m.setValue(f, "12");
      expect([...ours].sort(), f).toEqual([...theirs].sort());
      expect(ours.size).toBeGreaterThan(0);
      expect(ours.size).toBeLessThan(WATCHERS.length); // by name, not everyone
    }
    ours.clear();
    theirs.clear();
    m.reset(Object.fromEntries(FIELDS.map((f) => [f, "1"]))); // a change without a name
    expect(ours.size).toBe(WATCHERS.length);
    expect([...ours].sort()).toEqual([...theirs].sort());
  });

  it("moves a watcher's version only when one of its fields may have changed", () => {
    const m = form();
    const hub = hubOf(m.control);
    const names = ["091:r1:incoming", "091:r1:resolved"];
    const off = hub.subscribe(names, () => {});
    const v0 = hub.version(names);
    m.setValue("091:r2:incoming", "5");
    expect(hub.version(names)).toBe(v0);
    m.setValue("091:r1:resolved", "5");
    const v1 = hub.version(names);
    expect(v1).toBeGreaterThan(v0);
    expect(hub.value("091:r1:resolved")).toBe("5");
    off();
  });

  it("reports value changes to the autosave exactly as form.watch(callback) did", async () => {
    const m = form();
    const control = m.control as Internal;
    const ours: string[] = [],
      theirs: string[] = [];
    const off = hubOf(m.control).onValueChange((name) => ours.push(name));
    const sub = m.watch((_v, { name }) => {
      if (name) theirs.push(name);
    });
    m.setValue("001", "3");
    m.setValue("001~st", "NA", { shouldDirty: true });
    // a typed value through the registered field's onChange (what an <input> does)
    const field = m.register("091:r1:incoming");
    field.ref({ name: "091:r1:incoming", value: "", type: "text" } as unknown as HTMLInputElement);
    await field.onChange({ target: { name: "091:r1:incoming", value: "42", type: "text" }, type: "change" });
    await field.onBlur({ target: { name: "091:r1:incoming", value: "42", type: "text" }, type: "blur" }); // no value change
    control._subjects.state.next({ name: "001", touchedFields: {} }); // a state change with a name, no values
    expect(ours).toEqual(["001", "001~st", "091:r1:incoming"]);
    expect(ours).toEqual(theirs);
    off();
    sub.unsubscribe();
    m.setValue("001", "4");
    expect(ours).toHaveLength(3);
  });

  it("hears typed and set values when it is the form's only subscriber (no copy of the values asked for)", async () => {
    const m = form();
    const heard: string[] = [];
    const off = hubOf(m.control).onValueChange((name) => heard.push(name));
    const field = m.register("091:r1:incoming");
    field.ref({ name: "091:r1:incoming", value: "", type: "text" } as unknown as HTMLInputElement);
    await field.onChange({ target: { name: "091:r1:incoming", value: "7", type: "text" }, type: "change" });
    await field.onBlur({ target: { name: "091:r1:incoming", value: "7", type: "text" }, type: "blur" });
    m.setValue("001", "5", { shouldDirty: true });
    expect(heard).toEqual(["091:r1:incoming", "001"]);
    off();
  });

  it("stops notifying after unsubscribe, and one hub per form", () => {
    const m = form();
    expect(hubOf(m.control)).toBe(hubOf(m.control));
    expect(hubOf(form().control)).not.toBe(hubOf(m.control));
    let n = 0;
    const off = hubOf(m.control).subscribe(["001"], () => n++);
    const offAll = hubOf(m.control).subscribe(null, () => n++);
    m.setValue("001", "1");
    expect(n).toBe(2);
    off();
    offAll();
    m.setValue("001", "2");
    expect(n).toBe(2);
  });
});

describe("afterNextPaint", () => {
  it("calls each listener once after the frame, however many changes came before it", async () => {
    const { afterNextPaint } = await import("./field-hub");
    const calls: string[] = [];
    const a = afterNextPaint(() => calls.push("a"));
    const b = afterNextPaint(() => calls.push("b"));
    a();
    a();
    b();
    a();
    expect(calls).toEqual([]); // not during the keystroke's own task
    await new Promise((r) => setTimeout(r, 5));
    expect(calls.sort()).toEqual(["a", "b"]);
    a();
    await new Promise((r) => setTimeout(r, 5));
    expect(calls.sort()).toEqual(["a", "a", "b"]);
  });
});
