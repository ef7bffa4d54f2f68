CREATE TABLE `interview_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_row_id` integer NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`user_id` integer,
	`note` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`household_row_id`) REFERENCES `survey_households`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `review_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_row_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`text` text NOT NULL,
	`user_id` integer,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`household_row_id`) REFERENCES `survey_households`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `survey_households` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wave` integer NOT NULL,
	`household_id` text NOT NULL,
	`region` text NOT NULL,
	`settlement` text NOT NULL,
	`weight` real NOT NULL,
	`address` text NOT NULL,
	`interviewer_id` integer,
	`status` text DEFAULT 'unassigned' NOT NULL,
	`response_id` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`wave`) REFERENCES `survey_waves`(`year`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`region`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`interviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_households_unique` ON `survey_households` (`wave`,`household_id`);--> statement-breakpoint
CREATE INDEX `survey_households_wave_region` ON `survey_households` (`wave`,`region`,`status`);--> statement-breakpoint
CREATE INDEX `survey_households_interviewer` ON `survey_households` (`interviewer_id`,`status`);--> statement-breakpoint
CREATE TABLE `survey_waves` (
	`year` integer PRIMARY KEY NOT NULL,
	`fieldwork_start` text NOT NULL,
	`fieldwork_end` text NOT NULL,
	`published_at` text
);
