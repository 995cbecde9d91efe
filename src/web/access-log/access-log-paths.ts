/** Where "Who has looked at what I share" lives. */
export const ACCESS_LOG_PATH = '/me/access-log';
