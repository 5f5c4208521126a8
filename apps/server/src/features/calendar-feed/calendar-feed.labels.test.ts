import { describe, expect, it } from 'vitest';
import { feedLabels, occasionLabel } from './calendar-feed.labels.js';

describe('care occasions in the feed (P-9)', () => {
  it('names festivals, principal dates, contacts’ birthdays and labelled dates as the planner stores them', () => {
    const zh = feedLabels('zh-CN');
    expect(occasionLabel('spring_festival', zh)).toBe('春节');
    expect(occasionLabel('birthday', zh)).toBe('生日');
    expect(occasionLabel('founding_day', zh)).toBe('成立纪念日');
    expect(occasionLabel('contact_birthday:李四', zh)).toBe('生日 · 李四');
    expect(occasionLabel('wedding_anniversary:', zh)).toBe('结婚纪念日');
    expect(occasionLabel('custom:公司年会: 总部', zh)).toBe('公司年会: 总部');
    expect(occasionLabel('custom:', zh)).toBe('重要日子');
    expect(occasionLabel('mid_autumn', feedLabels('en-US'))).toBe('Mid-Autumn Festival');
    expect(occasionLabel('something_else', zh)).toBe('something_else');
  });
});
