CREATE TABLE `calendar_adjustments` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`note` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `collection_dispatches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collection` integer NOT NULL,
	`period` text NOT NULL,
	`sent_on` text NOT NULL,
	`recipients` text NOT NULL,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `information_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`requester_kind` text NOT NULL,
	`requester` text NOT NULL,
	`signatory` text NOT NULL,
	`channel` text NOT NULL,
	`indicators` text NOT NULL,
	`unit` text NOT NULL,
	`period` text NOT NULL,
	`received_on` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`answer` text,
	`answered_on` text,
	`created_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_filings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form_number` integer NOT NULL,
	`body_id` integer NOT NULL,
	`period` text NOT NULL,
	`response_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`due` text NOT NULL,
	`submitted_at` text,
	`days_late` integer,
	`return_comment` text,
	FOREIGN KEY (`body_id`) REFERENCES `reporting_bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_filings_unique` ON `report_filings` (`form_number`,`body_id`,`period`);