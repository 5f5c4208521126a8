import { Badge } from 'antd';
import { useMyDay } from './myDay.api';

/** UI.md: the navigation shows how many of my touchpoints are overdue. */
export function MyDayNavBadge() {
  const day = useMyDay();
  const n = day.data?.overdueTotal ?? 0;
  if (!n) return null;
  return <Badge count={n} overflowCount={99} size="small" style={{ marginInlineStart: 8, boxShadow: 'none' }} data-testid="nav-my-day-badge" />;
}
