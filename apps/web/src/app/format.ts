import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

// Z-3: times are shown in the firm's time zone.
export const FIRM_TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(FIRM_TIME_ZONE).format('YYYY-MM-DD HH:mm') : iso;
}

export function formatDateTimeSeconds(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(FIRM_TIME_ZONE).format('YYYY-MM-DD HH:mm:ss') : iso;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(FIRM_TIME_ZONE).format('YYYY-MM-DD') : iso;
}
