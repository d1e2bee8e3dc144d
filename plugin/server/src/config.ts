/** The plugin's settings (config/plugins: 'kinship-offer': { config: { … } }). */
export default {
  default: {
    /** A service not reviewed for this many months is listed as overdue. */
    serviceReviewMonths: 12,
  },
  validator(config: { serviceReviewMonths?: unknown }) {
    const months = config.serviceReviewMonths;
    if (!Number.isInteger(months) || (months as number) < 1) {
      throw new Error('kinship-offer: serviceReviewMonths must be a whole number of months, 1 or more');
    }
  },
};
