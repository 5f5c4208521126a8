import { Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format';

dayjs.extend(relativeTime);

/** UI.md: relative times ("3 天前") with the exact time on hover. */
export function RelativeTime({ iso, type }: { iso: string; type?: 'secondary' }) {
  // the language is read so the text follows a language switch
  const { i18n } = useTranslation();
  const d = dayjs(iso);
  if (!d.isValid()) return <>{iso}</>;
  return (
    <Tooltip title={formatDateTime(iso)}>
      <Typography.Text type={type} style={{ whiteSpace: 'nowrap' }} data-lang={i18n.language}>
        {d.locale(i18n.language === 'en-US' ? 'en' : 'zh-cn').fromNow()}
      </Typography.Text>
    </Tooltip>
  );
}
