import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import styles from './LoginPage.module.css';

export function LoginHero() {
  const { t } = useTranslation();
  const points = [t('login.heroPoint1'), t('login.heroPoint2'), t('login.heroPoint3')];
  return (
    <aside className={styles.hero}>
      <div className={styles.brand}>
        <span className={styles.mark} aria-hidden>
          律
        </span>
        <span className={styles.brandName}>{t('common.productName')}</span>
      </div>
      <div>
        <h1 className={styles.heroTitle}>{t('login.heroTitle')}</h1>
        <ul className={styles.points}>
          {points.map((p) => (
            <li key={p}>
              <CheckCircleFilled className={styles.check} />
              {p}
            </li>
          ))}
        </ul>
      </div>
      <div className={styles.tagline}>{t('common.tagline')}</div>
    </aside>
  );
}
