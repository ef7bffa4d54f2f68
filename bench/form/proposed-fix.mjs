// An esbuild plugin that bundles the harness with the fix this benchmark proposes for
// components/questionnaire/reply-form.tsx applied to an in-memory copy (the app's file is not
// changed): the form body (<FormProvider> + <form> + the chapter's questions) is built once with
// useMemo, so that ReplyForm's own re-renders (save indicator, live counts: one per keystroke) no
// longer hand react-hook-form's FormProvider a new context value, which re-renders every cell.
import { readFileSync } from "node:fs";

export const proposedFix = {
  name: "proposed-fix",
  setup(b) {
    b.onLoad({ filter: /components[\\/]questionnaire[\\/]reply-form\.tsx$/ }, (args) => {
      let src = readFileSync(args.path, "utf8");
      const body = `<form onSubmit={(e) => e.preventDefault()} onKeyDown={keyboardEntry} onFocus={keepInView} noValidate>
              <ChapterParts part={chapter} depth={0} />
            </form>`;
      const steps = [
        [body, "{formBody}"],
        ["<FormProvider {...form}>", "<>"],
        ["</FormProvider>", "</>"],
        ["  const chapterIndex = chapters.findIndex", `  const formBody = useMemo(() => (<FormProvider {...form}>${body}</FormProvider>), [form, chapter]);\n  const chapterIndex = chapters.findIndex`],
      ];
      for (const [from, to] of steps) {
        if (!src.includes(from)) throw new Error(`proposed-fix: reply-form.tsx changed, cannot find ${from.slice(0, 40)}`);
        src = src.replace(from, to);
      }
      return { contents: src, loader: "tsx" };
    });
  },
};

/** The CSS half of the proposed fix (app/globals.css): off-screen questions are skipped by style,
 *  layout and paint (their size is remembered once rendered), so a keystroke repaints what is seen. */
export const proposedCss = `section.question { content-visibility: auto; contain-intrinsic-size: auto 320px; }`;
