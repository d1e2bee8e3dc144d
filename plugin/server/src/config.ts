/** The plugin's settings (config/plugins: 'kinship-offer': { config: { … } }). */
export default {
  default: {
    /** A service not reviewed for this many months is listed as overdue. */
    serviceReviewMonths: 12,
    /** Readers' feedback accepted from one IP address per minute. */
    feedbackPerMinute: 10,
  },
  validator(config: { serviceReviewMonths?: unknown; feedbackPerMinute?: unknown }) {
    for (const key of ['serviceReviewMonths', 'feedbackPerMinute'] as const) {
      const value = config[key];
      if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`kinship-offer: ${key} must be a whole number, 1 or more`);
    }
  },
};
