// Issue 17: the supervisor rejects an interview (with a comment) while the interviewer's tablet has
// no network (context.setOffline on the interviewer's context). The interviewer keeps working offline
// on another interview; back online, the sync sends that work and brings the rejection: the rejected
// interview comes first on the device, with the supervisor's comment at its question. The
// interviewer replies, corrects the answer and completes it, on the device; the sync takes the reply
// and the completion to the server; the supervisor reads the reply and the correction and approves.
import { expect, test } from "@playwright/test";
import { loggedInPage } from "./helpers";
import { SEX_AND_AGE, assignSome, deviceRow, openOnDevice, openOnceOnline, prefill, sexAndAge } from "./device-helpers";

test("offline: a rejection made while the tablet is offline reaches it on reconnection, first, with the comment; reply, correct, complete; approved", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const interviewer = await loggedInPage(browser, "interviewer@example.org");
  const tablet = interviewer.context();
  const [done, other] = await assignSome(browser, interviewer, 2);
  // One interview completed online (age 41), the other one in progress.
  await prefill(interviewer, done.id);
  await prefill(interviewer, done.id, SEX_AND_AGE);
  const complete = await interviewer.request.post(`/api/survey/interviews/${done.id}/transitions`, { data: { action: "complete" } });
  expect(complete.status(), await complete.text()).toBe(200);
  await prefill(interviewer, other.id);
  await openOnceOnline(interviewer, [done.household, other.household]);
  await expect(deviceRow(interviewer, done.household)).toHaveAttribute("data-status", "completed");

  await tablet.setOffline(true);

  // Meanwhile, at the office: the supervisor rejects the completed interview with a comment on the age.
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  await supervisor.goto(`/survey/interviews/${done.id}`);
  await supervisor.getByLabel("Question 1").selectOption("age");
  await supervisor.getByLabel("Comment 1").fill("Is 41 right? The household roster says 47.");
  await supervisor.getByRole("button", { name: "Reject" }).click();
  await expect(supervisor.getByTestId("interview-status")).toHaveText("rejected");

  // The interviewer, still offline, knows nothing of it and goes on with the other interview.
  await interviewer.reload();
  await expect(interviewer.getByTestId("device-status")).toContainText("Offline");
  await expect(deviceRow(interviewer, done.household)).toHaveAttribute("data-status", "completed");
  await openOnDevice(interviewer, other.household);
  await sexAndAge(interviewer, "29");
  await interviewer.getByRole("link", { name: "My interviews on this device" }).click();
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("2 answers / 0 interviews waiting to be sent");

  // Back online: the work goes out, the rejection comes in, listed first with an alert.
  await tablet.setOffline(false);
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("0 answers / 0 interviews waiting to be sent", { timeout: 10_000 });
  await expect(deviceRow(interviewer, done.household)).toHaveAttribute("data-status", "rejected", { timeout: 10_000 });
  await expect(interviewer.getByTestId("rejected-alert")).toContainText("rejected by the supervisor");
  // (other specs' interviews of the same interviewer are on the device too: every rejected one comes before all the others)
  const statuses = await interviewer
    .getByTestId("device-assignments")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")));
  const firstOther = statuses.findIndex((s) => s !== "rejected");
  expect(firstOther).toBeGreaterThan(0);
  expect(statuses.slice(firstOther)).not.toContain("rejected");

  // The comment at its question; a reply; the age corrected; completed on the device.
  await openOnDevice(interviewer, done.household);
  await expect(interviewer.getByTestId("interview-status")).toHaveText("rejected");
  const notes = interviewer.getByTestId("notes-age");
  await expect(notes).toContainText("The household roster says 47.");
  await notes.getByLabel("Reply to the comment on age").fill("Checked with the ID card: 47, corrected.");
  await notes.getByRole("button", { name: "Send the reply" }).click();
  await expect(notes.locator('[data-testid^="reply-"]')).toContainText("Checked with the ID card: 47, corrected.");
  await interviewer.locator('[data-cell="age"] input[type=text]').fill("47");
  await expect(interviewer.getByTestId("save-state")).toHaveText("All changes saved");
  await interviewer.getByRole("button", { name: "Complete the interview" }).click();
  await expect(deviceRow(interviewer, done.household)).toHaveAttribute("data-status", "completed", { timeout: 10_000 });
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("0 answers / 0 interviews waiting to be sent");

  // The supervisor reads the reply beside the comment, sees the corrected age, and approves.
  await supervisor.goto(`/survey/interviews/${done.id}`);
  await expect(supervisor.getByTestId("interview-status")).toHaveText("completed");
  await expect(supervisor.getByTestId("notes-age").locator('[data-testid^="reply-"]')).toContainText("Checked with the ID card: 47, corrected.");
  await expect(supervisor.locator('[data-cell="age"] input[type=text]')).toHaveValue("47");
  await supervisor.getByRole("button", { name: "Approve" }).click();
  await expect(supervisor.getByTestId("interview-status")).toHaveText("approved");
  // and the other interview's answers typed offline are on the server
  const bundle = await (await interviewer.request.get("/api/survey/device")).json();
  expect(bundle.interviews.find((i: { id: number }) => i.id === other.id).answers.age.answer.num).toBe(29);
});
