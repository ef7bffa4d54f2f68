// What an administrator may submit about a user; checked in the browser and again on the server.
import { z } from "zod";
import { ROLES } from "@/db/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { TEXT_MAX } from "@/lib/text-limits";

const codeList = z
  .string()
  .max(400)
  .optional()
  .transform((s) =>
    Array.from(
      new Set(
        (s ?? "")
          .split(/[\s,;]+/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean),
      ),
    ),
  );

/** The user a form is about (a hidden field). */
const UserId = z.coerce.number().int().positive();

export const UserFields = z.object({
  name: z.string().trim().min(1, "required").max(TEXT_MAX.name),
  role: z.enum(ROLES),
  countries: codeList,
  regions: codeList,
  bodyId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  supervisorId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type UserFields = z.infer<typeof UserFields>;

export const UpdateUserInput = UserFields.extend({ id: UserId });

export const CreateUserInput = UserFields.extend({
  email: z.string().trim().toLowerCase().email("invalidEmail").max(320),
  password: z.string().min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(1024),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const ResetPasswordInput = z.object({
  id: UserId,
  password: z.string().min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(1024),
});

export const SetActiveInput = z.object({
  id: UserId,
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
