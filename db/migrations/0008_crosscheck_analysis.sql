CREATE TABLE `offence_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_offences` text NOT NULL,
	`form_lines` text NOT NULL,
	`note` text NOT NULL,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `answer_history` ADD `source` text;