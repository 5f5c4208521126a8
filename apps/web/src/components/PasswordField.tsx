import { App, Button, Input, Space, Tooltip } from 'antd';
import { CopyOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { generatePassword } from './password';

interface PasswordFieldProps {
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  testId: string;
  id?: string;
}

/** Password input with a 生成 button; a generated password is shown in clear so it can be copied. */
export function PasswordField({ value, onChange, placeholder, testId, id }: PasswordFieldProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  async function copy() {
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value);
      message.success(t('common.copied'));
    } catch {
      message.warning(t('common.copyFailed'));
    }
  }

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        placeholder={placeholder}
        autoComplete="new-password"
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
        data-testid={testId}
      />
      <Button icon={<ThunderboltOutlined />} onClick={() => onChange?.(generatePassword())} data-testid={`${testId}-generate`}>
        {t('common.generate')}
      </Button>
      <Tooltip title={t('common.copy')}>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} disabled={!value} aria-label={t('common.copy')} />
      </Tooltip>
    </Space.Compact>
  );
}
