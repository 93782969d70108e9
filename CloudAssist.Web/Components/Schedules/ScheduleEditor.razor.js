// The browser's IANA time zone, so the schedule editor can show run times on the operator's clock.
export function browserTimeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
