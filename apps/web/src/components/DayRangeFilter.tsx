import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface Props {
  /** 'YYYY-MM-DD', either end may be open */
  from?: string | null;
  to?: string | null;
  onChange: (from: string | undefined, to: string | undefined) => void;
  placeholder: [string, string];
  /** full width, and no keyboard popping up over the calendar */
  phone: boolean;
}

/** A list's optional day range (either end may be left open), as the filter bars use it. */
export function DayRangeFilter({ from, to, onChange, placeholder, phone }: Props) {
  return (
    <DatePicker.RangePicker
      value={from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null}
      onChange={(v) => onChange(v?.[0]?.format('YYYY-MM-DD'), v?.[1]?.format('YYYY-MM-DD'))}
      allowEmpty={[true, true]}
      placeholder={placeholder}
      style={phone ? { width: '100%' } : { width: 260 }}
      inputReadOnly={phone}
    />
  );
}
