// Rules for a new password (shared by the browser and the server).
export const MIN_PASSWORD_LENGTH = 10;
