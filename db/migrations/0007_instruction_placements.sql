CREATE TABLE `form_filing_settings` (
	`form_number` integer PRIMARY KEY NOT NULL,
	`days_before` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `holiday_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`month` integer NOT NULL,
	`day` integer NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`moves_off_weekend` integer NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_placements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form_number` integer NOT NULL,
	`period` text NOT NULL,
	`area` text NOT NULL,
	`reports` integer NOT NULL,
	`figures` text NOT NULL,
	`due` text NOT NULL,
	`placed_on` text NOT NULL,
	`placed_at` text NOT NULL,
	`days_late` integer NOT NULL,
	`placed_by` integer,
	FOREIGN KEY (`placed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_placements_unique` ON `report_placements` (`form_number`,`period`,`area`);--> statement-breakpoint
ALTER TABLE `information_requests` ADD `exclusion` text;--> statement-breakpoint
ALTER TABLE `information_requests` ADD `official_use` integer DEFAULT false NOT NULL;