CREATE TABLE `interview_paradata` (
	`household_row_id` integer PRIMARY KEY NOT NULL,
	`sessions` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`household_row_id`) REFERENCES `survey_households`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `review_comments` ADD `reply` text;--> statement-breakpoint
ALTER TABLE `review_comments` ADD `reply_user_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `review_comments` ADD `replied_at` text;--> statement-breakpoint
ALTER TABLE `survey_households` ADD `interview_language` text;