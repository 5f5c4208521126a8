import type { ReactNode } from 'react';
import { Card } from 'antd';

/** The white panel around a list page's filter bar, table and pager (tighter than a form card). */
export function ListCard({ children }: { children: ReactNode }) {
  return (
    <Card variant="borderless" styles={{ body: { padding: 16 } }}>
      {children}
    </Card>
  );
}
