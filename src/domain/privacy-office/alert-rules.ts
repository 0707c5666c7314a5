/**
 * When the DPO console raises an alert. Thresholds are deliberately simple and named,
 * so the DPO can tell what tripped: a person whose reads of other people's records were refused
 * many times in a short window is probing ids; a person exporting many times in a day is copying
 * data out.
 */
export const DENIED_READS_THRESHOLD = 20;
export const DENIED_READS_WINDOW_MINUTES = 10;
export const EXPORTS_THRESHOLD = 10;
export const EXPORTS_WINDOW_HOURS = 24;

/** Whether a count within its window reaches the alert threshold. */
export function isBurst(count: number, threshold: number): boolean {
  return count >= threshold;
}

/**
 * The window bucket a moment falls in, so one burst raises one alert per person per window
 * (the bucket is part of the alert's dedupe key).
 */
export function windowBucket(at: Date, windowMs: number): number {
  return Math.floor(at.getTime() / windowMs);
}

/** Audit actions that are exports: any action whose name says so (the FHIR export, "my data"). */
export function isExportAction(action: string): boolean {
  return /(^|[._])export/.test(action);
}
