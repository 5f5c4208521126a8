import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

type Setter = (tail: string | null) => void;
const TailContext = createContext<{ tail: string | null; setTail: Setter }>({ tail: null, setTail: () => undefined });

/** Detail pages name their record after the section in the top bar's breadcrumb. */
export function BreadcrumbTailProvider({ children }: { children: ReactNode }) {
  const [tail, setTail] = useState<string | null>(null);
  return <TailContext.Provider value={{ tail, setTail }}>{children}</TailContext.Provider>;
}

export function useBreadcrumbTailValue(): string | null {
  return useContext(TailContext).tail;
}

/** Shows `label` as the last breadcrumb while the calling page is mounted. */
export function useBreadcrumbTail(label: string | null | undefined): void {
  const { setTail } = useContext(TailContext);
  useEffect(() => {
    setTail(label ?? null);
    return () => setTail(null);
  }, [label, setTail]);
}
