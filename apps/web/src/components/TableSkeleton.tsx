import { Skeleton } from 'antd';

/** First load of a list: the shape of a table instead of an empty one with "no data". */
export function TableSkeleton() {
  return (
    <div data-testid="table-skeleton" style={{ padding: '8px 0' }}>
      <Skeleton active title={false} paragraph={{ rows: 8, width: '100%' }} />
    </div>
  );
}
