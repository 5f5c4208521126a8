import { useId, type ReactNode } from 'react';
import { App, Button, Drawer, Flex, Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

interface FormDrawerProps<T> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<T>;
  submitting: boolean;
  onSubmit: (values: T) => void;
  onClose: () => void;
  children: ReactNode;
  initialValues?: Partial<T>;
  testId: string;
  width?: number;
}

/**
 * UI.md forms: create/edit in a drawer, Enter submits, Esc closes, and
 * closing with unsaved changes asks first.
 */
export function FormDrawer<T>(props: FormDrawerProps<T>) {
  const { open, title, form, submitting, onSubmit, onClose, children, initialValues, testId, width } = props;
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const formId = useId();

  function requestClose() {
    if (submitting) return;
    if (!form.isFieldsTouched()) {
      onClose();
      return;
    }
    modal.confirm({
      title: t('common.unsavedTitle'),
      content: t('common.unsavedContent'),
      okText: t('common.discard'),
      okButtonProps: { danger: true, 'data-testid': 'discard-changes' },
      cancelText: t('common.keepEditing'),
      onOk: onClose,
    });
  }

  return (
    <Drawer
      open={open}
      title={title}
      size={width ?? 520}
      onClose={requestClose}
      destroyOnHidden
      mask={{ closable: true }}
      data-testid={testId}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={requestClose} disabled={submitting}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" form={formId} loading={submitting} data-testid={`${testId}-submit`}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<T>
        id={formId}
        form={form}
        layout="vertical"
        requiredMark
        initialValues={initialValues}
        onFinish={onSubmit}
        disabled={submitting}
        scrollToFirstError
      >
        {children}
      </Form>
    </Drawer>
  );
}
