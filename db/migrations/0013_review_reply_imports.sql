CREATE TABLE `reply_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`user_id` integer,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`file_cycle` text NOT NULL,
	`file_country` text NOT NULL,
	`changed` integer NOT NULL,
	`first_history` integer,
	`last_history` integer,
	`undone_at` text,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reply_imports_response` ON `reply_imports` (`response_id`);