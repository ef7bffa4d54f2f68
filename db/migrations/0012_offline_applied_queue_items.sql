CREATE TABLE `applied_queue_items` (
	`client_id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`household_row_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_row_id`) REFERENCES `survey_households`(`id`) ON UPDATE no action ON DELETE cascade
);
