ALTER TABLE `login_attempts` ADD `address` text;--> statement-breakpoint
CREATE INDEX `login_attempts_address_at` ON `login_attempts` (`address`,`at`);